"""One rate limit (core.ratelimit) for the forms and the API: rate strings,
windows, hashed addresses, and what happens when the cache is down."""

import logging
import time
from types import SimpleNamespace

from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory

import pytest

from core import ratelimit
from core.ratelimit import check_rate_settings, count_request, parse_rate
from pages.models import BarrierReport
from tests.core.servers import silent_server
from tests.factories import AccessibilityStatementPageFactory

REPORT_URL = "/barrierefreiheit/barriere-melden/"
REPORT = {
    "description": "Der Kontrast der Schaltflächen ist zu schwach.",
    "page_url": "/",
    "name": "",
    "email": "",
    "consent": "on",
    "website": "",
}


@pytest.fixture(autouse=True)
def _no_outage_left_over(monkeypatch):
    """The outage log lives per process; start afresh."""
    monkeypatch.setattr(ratelimit, "_outage", ratelimit._OutageLog())


@pytest.fixture
def clock(monkeypatch):
    """Time as core.ratelimit sees it, starting at the start of an hour."""
    now = [1_800_000_000.0]
    monkeypatch.setattr(ratelimit, "time", SimpleNamespace(time=lambda: now[0]))
    return now


@pytest.fixture
def statement(home):
    return AccessibilityStatementPageFactory(parent=home)


def visitor(address="203.0.113.5"):
    return RequestFactory().post("/", REMOTE_ADDR=address)


@pytest.mark.parametrize(
    ("rate", "expected"),
    [
        ("120/min", (120, 60)),
        ("5/h", (5, 3600)),
        ("5/s", (5, 1)),
        ("5/3600s", (5, 3600)),
        ("1000/2h", (1000, 7200)),
        ("10/day", (10, 86400)),
        (" 3 / 10 minute ", (3, 600)),
    ],
)
def test_parse_rate(rate, expected):
    assert parse_rate(rate) == expected


@pytest.mark.parametrize("rate", ["", "viel", "0/min", "10/0min", "10/week", "10"])
def test_malformed_rate_is_refused(rate):
    with pytest.raises(ImproperlyConfigured):
        parse_rate(rate)


def test_a_malformed_rate_setting_is_named(settings):
    settings.BARRIER_REPORT_RATE = "5 pro Stunde"

    with pytest.raises(ImproperlyConfigured, match="^BARRIER_REPORT_RATE: "):
        check_rate_settings("FEEDBACK_RATE", "BARRIER_REPORT_RATE")


def test_counts_per_scope_and_address_and_says_when_the_window_ends(clock):
    verdicts = [
        count_request(visitor(), scope="feedback", rate="2/min") for _ in range(3)
    ]
    clock[0] += 15
    other_scope = count_request(visitor(), scope="api", rate="2/min")
    other_address = count_request(visitor("192.0.2.1"), scope="feedback", rate="2/min")

    assert [v.allowed for v in verdicts] == [True, True, False]
    assert verdicts[-1].retry_after == 60
    assert other_scope.allowed
    assert other_address.allowed
    assert other_address.retry_after == 45


def test_the_window_expires(clock):
    for _ in range(2):
        count_request(visitor(), scope="feedback", rate="2/min")
    clock[0] += 59.9
    still_blocked = count_request(visitor(), scope="feedback", rate="2/min")
    clock[0] += 0.1
    again = count_request(visitor(), scope="feedback", rate="2/min")

    assert not still_blocked.allowed
    assert again.allowed


def test_no_address_is_stored_in_the_cache(db):
    count_request(visitor("203.0.113.9"), scope="feedback", rate="5/h")

    keys = list(cache._cache)  # local-memory cache of the tests
    assert keys
    assert not any("203.0.113.9" in key for key in keys)


# Cache down ---------------------------------------------------------------------


def test_cache_raising_accepts_the_reports_and_warns_once(
    client, statement, settings, monkeypatch, caplog
):
    settings.BARRIER_REPORT_RATE = "1/h"

    def down(*args, **kwargs):
        raise ConnectionError("cache down")

    monkeypatch.setattr(ratelimit.cache, "add", down)

    statuses = [client.post(REPORT_URL, REPORT).status_code for _ in range(3)]
    honeypot = client.post(REPORT_URL, {**REPORT, "website": "http://spam.example"})

    assert statuses == [302, 302, 302]  # no limit without a count
    assert honeypot.status_code == 400  # the honeypot still applies
    assert BarrierReport.objects.count() == 3
    warnings = [r for r in caplog.records if r.name == "core.ratelimit"]
    assert len(warnings) == 1
    assert warnings[0].levelno == logging.WARNING
    assert "requests are allowed without counting" in warnings[0].getMessage()


def test_hung_redis_accepts_the_report_in_normal_time_and_warns(
    client, statement, settings, caplog
):
    client.get(REPORT_URL)  # templates loaded, as in a running worker
    with silent_server() as port:
        settings.CACHES = {
            "default": {
                "BACKEND": "caching.cache_breaker.BreakerRedisCache",
                "LOCATION": f"redis://127.0.0.1:{port}/0",
                "OPTIONS": {"SOCKET_TIMEOUT": 1, "IGNORE_EXCEPTIONS": True},
            }
        }
        start = time.monotonic()
        first = client.post(REPORT_URL, REPORT)
        second = client.post(REPORT_URL, REPORT)
        seconds = time.monotonic() - start
        ready = client.get("/readyz")

    assert first.status_code == second.status_code == 302
    assert seconds < 2  # one timeout of 1 s for both
    assert ready.status_code == 503
    assert "circuit breaker open" in ready.json()["reasons"]["cache"]
    messages = [r.getMessage() for r in caplog.records if r.name == "core.ratelimit"]
    assert len(messages) == 1
    assert "the cache does not answer" in messages[0]


def test_when_the_cache_answers_again_requests_are_counted(monkeypatch, caplog, db):
    caplog.set_level(logging.INFO, logger="core.ratelimit")
    answers = iter([None])  # django-redis while Redis is down, then True
    monkeypatch.setattr(ratelimit.cache, "add", lambda *a, **k: next(answers, True))
    monkeypatch.setattr(ratelimit.cache, "incr", lambda *a, **k: None)

    during = count_request(visitor(), scope="feedback", rate="1/h")
    after = count_request(visitor(), scope="feedback", rate="1/h")

    assert during.allowed and after.allowed
    assert [r.levelname for r in caplog.records if r.name == "core.ratelimit"] == [
        "WARNING",
        "INFO",
    ]
