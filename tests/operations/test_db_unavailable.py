"""While the database is unreachable, visitors get a friendly 503, never a 500."""

import json
import logging
from unittest import mock

from django.db import InterfaceError, OperationalError
from django.db.backends.utils import CursorWrapper
from django.test import Client

import pytest

from integration_checkup.models import Feedback
from operations.db_unavailable import database_unavailable_response
from pages.models import BarrierReport
from tests.caching.api_path import api_mounted_at
from tests.factories import AccessibilityStatementPageFactory, CheckUpPageFactory
from tests.integration_checkup.factories import MeasureSheetFactory

pytestmark = pytest.mark.django_db

GERMAN_TEXT = "Die Seite ist gerade nicht erreichbar"


@pytest.fixture
def database_down():
    """Every query fails as it does while PostgreSQL restarts."""
    error = OperationalError("connection to server at 127.0.0.1 failed: refused")
    with (
        mock.patch.object(CursorWrapper, "execute", side_effect=error),
        mock.patch.object(CursorWrapper, "executemany", side_effect=error),
    ):
        yield


@pytest.fixture
def sheet(home):
    CheckUpPageFactory(parent=home, slug="check-up-integration", body=[])
    return MeasureSheetFactory(number=7, title="Wohnungsbörse")


def assert_friendly_503(response):
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/check-up-integration/",
        "/check-up-integration/massnahmen/7/",
        "/suche/?q=Wohnen",
    ],
)
def test_pages_answer_503_with_the_german_page(client, sheet, database_down, path):
    response = client.get(path)

    assert_friendly_503(response)
    assert response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    assert GERMAN_TEXT in html
    assert 'lang="de"' in html
    assert "Fehler 500" not in html


def test_page_is_in_the_visitors_language(client, home, database_down):
    response = client.get("/ar/")

    assert_friendly_503(response)
    html = response.content.decode()
    assert 'lang="ar" dir="rtl"' in html
    assert "rtl/kern.rtl.min.css" in html


def test_api_answers_503_as_json(client, sheet, database_down):
    response = client.get("/api/v1/measures")

    assert_friendly_503(response)
    assert response["Content-Type"] == "application/json"
    assert "nicht erreichbar" in json.loads(response.content)["detail"]


def test_api_answers_503_as_json_wherever_it_is_mounted(
    client, sheet, settings, database_down
):
    with api_mounted_at(settings, "schnittstelle/") as api:
        response = client.get(f"{api}v1/measures")

    assert_friendly_503(response)
    assert response["Content-Type"] == "application/json"
    assert "nicht erreichbar" in json.loads(response.content)["detail"]


def test_interface_error_of_a_closed_connection_is_a_503_too(client, home):
    error = InterfaceError("connection already closed")
    with mock.patch.object(CursorWrapper, "execute", side_effect=error):
        response = client.get("/")

    assert_friendly_503(response)


def test_the_page_itself_needs_no_database(rf, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = database_unavailable_response(
            rf.get("/"), OperationalError("the database system is starting up")
        )

    assert response.status_code == 503
    assert GERMAN_TEXT in response.content.decode()


def test_one_warning_and_no_traceback_per_request(client, home, database_down, caplog):
    with caplog.at_level(logging.WARNING):
        client.get("/")

    records = [record for record in caplog.records if record.levelno >= logging.WARNING]
    assert [record.getMessage() for record in records] == [
        "Database unavailable: OperationalError"
    ]
    (record,) = records
    assert record.exc_info is None
    assert (record.path, record.status_code) == ("/", 503)


class FailingMiddleware:
    """Stands for an inner middleware whose own query fails."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        raise OperationalError("server closed the connection unexpectedly")


def test_database_error_in_an_inner_middleware_is_a_503(settings, home, caplog):
    settings.MIDDLEWARE = [
        *settings.MIDDLEWARE,
        "tests.operations.test_db_unavailable.FailingMiddleware",
    ]
    # Django's test client re-raises exceptions that reached the handler;
    # a real server only sees the response.
    client = Client(raise_request_exception=False)

    with caplog.at_level(logging.WARNING):
        response = client.get("/")

    assert_friendly_503(response)
    assert GERMAN_TEXT in response.content.decode()
    assert [record.getMessage() for record in caplog.records] == [
        "Database unavailable: OperationalError"
    ]


def test_other_errors_stay_a_500(settings, home):
    class Boom(Exception):
        pass

    client = Client(raise_request_exception=False)
    with mock.patch(
        "wagtail.models.Site.find_for_request", side_effect=Boom("not the database")
    ):
        response = client.get("/")

    assert response.status_code == 500
    assert "Fehler 500" in response.content.decode()


# Every form submission that got a success page is stored: the success page
# comes only after the save, and a failed save shows the 503 page instead.

FEEDBACK = {
    "text": "Bitte auch Sprechzeiten am Abend anbieten.",
    "name": "Amina K.",
    "email": "amina@example.org",
    "consent": "on",
    "website": "",
}
REPORT = {
    "description": "Das PDF zur Maßnahme 7 kann mein Bildschirmleser nicht lesen.",
    "page_url": "/check-up-integration/massnahmen/7/",
    "name": "",
    "email": "leser@example.org",
    "consent": "on",
    "website": "",
}


def failing_save(*args, **kwargs):
    raise OperationalError("server closed the connection unexpectedly")


def test_feedback_that_cannot_be_saved_gets_the_503_not_the_thanks(client, sheet):
    url = "/check-up-integration/massnahmen/7/rueckmeldung/"
    with mock.patch.object(Feedback, "save", failing_save):
        response = client.post(url, FEEDBACK)

    assert_friendly_503(response)
    assert "nicht gespeichert" in response.content.decode()
    assert not Feedback.objects.exists()
    # The same submission once the database is back: stored, then thanked.
    response = client.post(url, FEEDBACK)
    assert response.status_code == 302
    assert Feedback.objects.get().text == FEEDBACK["text"]


def test_barrier_report_that_cannot_be_saved_gets_the_503(client, home):
    AccessibilityStatementPageFactory(parent=home)
    url = "/barrierefreiheit/barriere-melden/"
    with mock.patch.object(BarrierReport, "save", failing_save):
        response = client.post(url, REPORT)

    assert_friendly_503(response)
    assert not BarrierReport.objects.exists()
    response = client.post(url, REPORT)
    assert response.status_code == 302
    assert BarrierReport.objects.get().email == REPORT["email"]


def test_a_kept_route_asks_the_unreachable_database_once(settings, client, sheet):
    """With the page for a path kept (caching.routing),
    the first failed query answers at once: each further attempt would wait
    for the connect timeout of a hanging database host again."""
    settings.PAGE_CACHE_SECONDS = 0
    settings.FRAGMENT_CACHE_SECONDS = 300
    path = "/check-up-integration/massnahmen/7/"
    assert client.get(path).status_code == 200  # the route is kept now

    error = OperationalError("connection to server at 127.0.0.1 failed: timeout")
    with mock.patch.object(CursorWrapper, "execute", side_effect=error) as execute:
        response = Client(raise_request_exception=False).get(path)

    assert_friendly_503(response)
    assert execute.call_count == 1
