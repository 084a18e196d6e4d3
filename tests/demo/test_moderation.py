"""The demo's example submissions: the start-page panels, the menu counts and
the bulk actions have something to show on any day the demo is loaded."""

import pytest

from demo.moderation import moderation_demo_load
from integration_checkup.models import Feedback
from pages.models import BarrierReport
from tests.integration_checkup.factories import MeasureSheetFactory
from tests.integration_checkup.test_moderation import sidebar_labels

pytestmark = pytest.mark.django_db


def test_examples_wait_for_moderation_once(editor_client, home):
    MeasureSheetFactory(number=7)

    assert moderation_demo_load() == 3
    assert moderation_demo_load() == 0

    assert Feedback.objects.filter(status="pending").count() == 2
    assert BarrierReport.objects.filter(status="new").count() == 1
    assert all(
        text.startswith("Beispiel")
        for text in Feedback.objects.values_list("text", flat=True)
    )
    dashboard = editor_client.get("/admin/").content.decode()
    assert "Neue Rückmeldungen" in dashboard
    assert "Neu gemeldete Barrieren" in dashboard
    assert "Rückmeldungen (2 neu)" in sidebar_labels(dashboard)
