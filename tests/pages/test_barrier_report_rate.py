"""The barrier report keeps to its own rate (BARRIER_REPORT_RATE) and its own
count: neither the feedback form's rate (FEEDBACK_RATE) nor its submissions
decide whether a report is accepted (pages.views.barrier_report)."""

import pytest

from integration_checkup.models import Feedback
from pages.models import BarrierReport
from tests.factories import AccessibilityStatementPageFactory, CheckUpPageFactory
from tests.integration_checkup.factories import MeasureSheetFactory

pytestmark = pytest.mark.django_db

REPORT_URL = "/barrierefreiheit/barriere-melden/"
REPORT = {
    "description": "Die Karte lässt sich nicht mit der Tastatur bedienen.",
    "page_url": "/",
    "name": "",
    "email": "",
    "consent": "on",
    "website": "",
}
FEEDBACK = {
    "text": "Bitte auch Sprechzeiten am Abend anbieten.",
    "name": "",
    "email": "",
    "consent": "on",
    "website": "",
}


@pytest.fixture
def statement(home):
    return AccessibilityStatementPageFactory(parent=home)


def test_a_report_over_the_barrier_report_rate_is_refused_and_not_stored(
    client, statement, settings
):
    settings.BARRIER_REPORT_RATE = "2/h"
    settings.FEEDBACK_RATE = "1000/h"
    accepted = [client.post(REPORT_URL, REPORT).status_code for _ in range(2)]

    refused = client.post(REPORT_URL, REPORT)

    assert accepted == [302, 302]
    assert refused.status_code == 429
    assert "sehr viele Meldungen" in refused.content.decode()
    assert BarrierReport.objects.count() == 2


def test_a_low_feedback_rate_does_not_refuse_barrier_reports(
    client, statement, settings
):
    settings.FEEDBACK_RATE = "1/h"
    settings.BARRIER_REPORT_RATE = "1000/h"

    statuses = [client.post(REPORT_URL, REPORT).status_code for _ in range(3)]

    assert statuses == [302, 302, 302]
    assert BarrierReport.objects.count() == 3


def test_feedback_submissions_do_not_use_up_the_barrier_report_rate(
    client, home, statement, settings
):
    settings.FEEDBACK_RATE = "2/h"
    settings.BARRIER_REPORT_RATE = "2/h"
    checkup = CheckUpPageFactory(parent=home, slug="check-up-integration", body=[])
    MeasureSheetFactory(number=7)
    feedback_url = f"{checkup.url}massnahmen/7/rueckmeldung/"
    feedback = [client.post(feedback_url, FEEDBACK).status_code for _ in range(2)]

    reports = [client.post(REPORT_URL, REPORT).status_code for _ in range(2)]

    assert feedback == [302, 302]
    assert reports == [302, 302]
    assert Feedback.objects.count() == 2
    assert BarrierReport.objects.count() == 2
