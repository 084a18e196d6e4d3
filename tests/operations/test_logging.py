"""Structured logs: one JSON object per line, with the request's fields."""

import io
import json
import logging
import sys

import pytest
from gunicorn.glogging import SafeAtoms

from operations.request_log import JsonFormatter
from tests.core.servers import fetch, gunicorn
from tests.flensburg_site.test_settings import PRODUCTION_ENV, load_settings


@pytest.fixture
def json_lines():
    """Records of the site's loggers as JSON lines in a buffer; returns a reader."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    loggers = [logging.getLogger(name) for name in ("core.requests", "django.request")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    for logger, level in zip(loggers, levels, strict=True):
        logger.removeHandler(handler)
        logger.setLevel(level)


def test_a_request_is_logged_as_one_json_line_with_its_fields(client, db, json_lines):
    client.get("/healthz?probe=1")

    (line,) = json_lines()
    assert line["level"] == "INFO"
    assert line["logger"] == "core.requests"
    assert line["message"] == "GET /healthz 200"
    assert (line["method"], line["path"], line["status"]) == ("GET", "/healthz", 200)
    assert 0 <= line["duration_ms"] < 10_000
    assert line["timestamp"].endswith("+00:00")


def test_a_warning_during_a_request_carries_method_and_path(client, home, json_lines):
    client.get("/gibt-es-nicht/")

    access, not_found = json_lines()
    assert not_found["logger"] == "django.request"
    assert not_found["level"] == "WARNING"
    assert not_found["message"] == "Not Found: /gibt-es-nicht/"
    assert (not_found["method"], not_found["path"], not_found["status"]) == (
        "GET",
        "/gibt-es-nicht/",
        404,
    )
    assert "request" not in not_found
    assert access["status"] == 404


def test_exceptions_are_part_of_the_json_line():
    try:
        raise ValueError("kaputt")
    except ValueError:
        record = logging.LogRecord(
            "core", logging.ERROR, __file__, 1, "Fehler %s", ("x",), exc_info=True
        )
        record.exc_info = sys.exc_info()

    line = json.loads(JsonFormatter().format(record))

    assert line["message"] == "Fehler x"
    assert "ValueError: kaputt" in line["exc_info"]


def test_gunicorn_access_records_become_fields():
    atoms = SafeAtoms(
        {
            "h": "203.0.113.7",
            "m": "GET",
            "U": '/suche/"x"',
            "q": "q=wohnen",
            "s": "200",
            "B": 5120,
            "D": 12345,
            "a": "Mozilla/5.0",
            "r": 'GET /suche/"x"?q=wohnen HTTP/1.1',
        }
    )
    record = logging.LogRecord(
        "gunicorn.access",
        logging.INFO,
        __file__,
        1,
        '%(h)s "%(r)s" %(s)s',
        (atoms,),
        None,
    )

    line = json.loads(JsonFormatter().format(record))

    assert line["logger"] == "gunicorn.access"
    assert line["method"] == "GET"
    assert line["path"] == '/suche/"x"'
    assert line["query"] == "q=wohnen"
    assert (line["status"], line["bytes"], line["duration_ms"]) == (200, 5120, 12.3)
    assert line["remote_addr"] == "203.0.113.7"


SHOW_LOGGING = (
    "settings.LOG_FORMAT, "
    "settings.LOGGING['handlers']['console']['formatter'], "
    "settings.LOGGING['handlers']['console']['stream']"
)


def test_production_logs_json_to_stdout_by_default():
    result = load_settings(
        "flensburg_site.settings.production", SHOW_LOGGING, **PRODUCTION_ENV
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["json", "json", "ext://sys.stdout"]


def test_log_format_can_be_text_and_must_be_known():
    text = load_settings(
        "flensburg_site.settings.production",
        SHOW_LOGGING,
        LOG_FORMAT="text",
        **PRODUCTION_ENV,
    )
    wrong = load_settings(
        "flensburg_site.settings.production",
        SHOW_LOGGING,
        LOG_FORMAT="xml",
        **PRODUCTION_ENV,
    )

    assert text.stdout.split()[:2] == ["text", "text"]
    assert wrong.returncode != 0
    assert "LOG_FORMAT must be one of json, text" in wrong.stderr


def test_gunicorn_and_django_log_json_lines_to_stdout(tmp_path):
    env = {
        # /healthz needs no database; the file is never created.
        "DATABASE_URL": f"sqlite:///{tmp_path / 'unused.sqlite3'}",
        "LOG_REQUESTS": "true",
    }
    with gunicorn(tmp_path, env, workers=1) as server:
        status, *_ = fetch(f"{server.url}/healthz?von=test")
        assert status == 200
    lines = [
        json.loads(line)
        for line in server.stdout.read_text().splitlines()
        if line.strip()
    ]

    access = [line for line in lines if line["logger"] == "gunicorn.access"]
    django = [line for line in lines if line["logger"] == "core.requests"]
    probe = [line for line in access if line.get("query") == "von=test"]
    assert len(probe) == 1
    assert (probe[0]["method"], probe[0]["path"], probe[0]["status"]) == (
        "GET",
        "/healthz",
        200,
    )
    assert probe[0]["duration_ms"] >= 0
    assert {"timestamp", "level", "message"} <= probe[0].keys()
    assert [(line["path"], line["status"]) for line in django][-1] == ("/healthz", 200)
    # gunicorn's own messages (stderr) are JSON too.
    errors = [
        json.loads(line)
        for line in server.stderr.read_text().splitlines()
        if line.startswith("{")
    ]
    assert any("Booting worker" in line["message"] for line in errors)
