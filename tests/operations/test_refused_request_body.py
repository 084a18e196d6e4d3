"""A request body over Django's limits (DATA_UPLOAD_MAX_MEMORY_SIZE,
DATA_UPLOAD_MAX_NUMBER_FIELDS): the German 400 page and one warning line,
never an error with a traceback (operations.request_log.RefusedRequestBodyFilter)."""

import json
import logging
from urllib.parse import urlencode

from django.test import Client

import pytest

from operations.request_log import JsonFormatter
from tests.factories import AccessibilityStatementPageFactory

pytestmark = pytest.mark.django_db

FORM = "/barrierefreiheit/barriere-melden/"
SECRET = "geheimer-text-im-body"


@pytest.fixture
def statement(home):
    return AccessibilityStatementPageFactory(parent=home)


@pytest.fixture
def small_limits(settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 10


def post(client, path, data: dict):
    body = urlencode(data)
    return client.post(
        path, body, content_type="application/x-www-form-urlencoded"
    ), len(body)


def the_one_record(caplog) -> logging.LogRecord:
    records = [record for record in caplog.records if record.levelno >= logging.WARNING]
    assert len(records) == 1, [record.getMessage() for record in records]
    (record,) = records
    assert record.levelno == logging.WARNING
    assert record.exc_info is None
    assert "Traceback" not in caplog.text
    assert SECRET not in caplog.text
    line = JsonFormatter().format(record)
    assert "\n" not in line
    assert "exc_info" not in json.loads(line)
    return record


def assert_german_400_page(response):
    assert response.status_code == 400
    html = response.content.decode()
    assert '<html lang="de"' in html
    assert "Ihre Anfrage konnte nicht verarbeitet werden" in html
    assert SECRET not in html


def test_too_big_a_form_gets_the_german_page_and_one_warning(
    client, statement, small_limits, caplog
):
    with caplog.at_level(logging.INFO):
        response, size = post(client, FORM, {"description": SECRET + "x" * 2000})

    assert_german_400_page(response)
    record = the_one_record(caplog)
    assert record.name == "django.security.RequestDataTooBig"
    assert record.getMessage() == (
        f"Request body refused (RequestDataTooBig): POST {FORM}, Content-Length {size}"
    )
    assert record.content_length == size


def test_too_many_fields_get_the_german_page_and_one_warning(
    client, statement, small_limits, caplog
):
    fields = {f"feld{number}": SECRET for number in range(20)}

    with caplog.at_level(logging.INFO):
        response, size = post(client, FORM, fields)

    assert_german_400_page(response)
    record = the_one_record(caplog)
    assert record.getMessage() == (
        f"Request body refused (TooManyFieldsSent): POST {FORM}, Content-Length {size}"
    )


def test_the_csrf_check_reading_the_body_is_refused_the_same_way(
    home, small_limits, caplog
):
    """Any page: with a CSRF cookie, the CSRF middleware reads the body first."""
    client = Client(enforce_csrf_checks=True)
    client.cookies["csrftoken"] = "a" * 32

    with caplog.at_level(logging.INFO):
        response, size = post(
            client, "/", {"csrfmiddlewaretoken": "a" * 32, "q": SECRET * 100}
        )

    assert_german_400_page(response)
    assert response.headers["Cross-Origin-Resource-Policy"] == "same-origin"
    record = the_one_record(caplog)
    assert record.getMessage().endswith(f"POST /, Content-Length {size}")
