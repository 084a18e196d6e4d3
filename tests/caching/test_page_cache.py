"""Whole-page cache for anonymous visitors (caching.page_cache): hits, what is
never stored, lifetimes; the purge is in test_purge.py."""

from __future__ import annotations

import datetime
import os
import re
import socket
import uuid
import zoneinfo

from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse
from django.middleware.csp import ContentSecurityPolicyMiddleware, get_nonce
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext

import pytest

from caching.page_cache import (
    GENERATION_KEY,
    MAX_QUERY_STRING_LENGTH,
    _response_is_cacheable,
)
from contacts.opening_hours import next_change
from tests.caching.api_path import api_mounted_at
from tests.caching.cache_client import s_maxage, warm
from tests.integration_checkup.factories import (
    MeasureSheetFactory,
)

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")

pytestmark = pytest.mark.django_db


# Hits and misses -------------------------------------------------------------


def test_second_anonymous_request_is_a_hit_without_queries(
    client, office, django_assert_num_queries
):
    first = client.get(office.url)
    with django_assert_num_queries(0):
        second = client.get(office.url)

    assert (first["X-Cache"], second["X-Cache"]) == ("MISS", "HIT")
    assert second.status_code == 200
    assert second.content == first.content
    assert "Koordinierungsstelle" in second.content.decode()
    # A CDN may keep it, browsers ask again; the security headers come along.
    assert second["Cache-Control"] == first["Cache-Control"]
    assert "public" in second["Cache-Control"]
    assert "max-age=0" in second["Cache-Control"]
    assert 0 < s_maxage(second) <= 300
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert second["Content-Language"] == "de"
    assert not second.cookies


def test_a_hit_answers_a_matching_etag_with_304(client, office):
    response = warm(client, office.url)

    again = client.get(office.url, headers={"if-none-match": response["ETag"]})

    assert again.status_code == 304
    assert again["X-Cache"] == "HIT"


def test_head_is_answered_from_the_cache(client, office):
    warm(client, office.url)

    assert client.head(office.url)["X-Cache"] == "HIT"


def test_languages_and_query_strings_are_separate_entries(client, office):
    german = warm(client, office.url)

    english = client.get("/en/koordinierungsstelle/")
    assert english["X-Cache"] == "MISS"
    assert english["Content-Language"] == "en"
    assert english.content != german.content
    assert client.get("/en/koordinierungsstelle/")["X-Cache"] == "HIT"
    assert client.get(office.url + "?seite=2")["X-Cache"] == "MISS"
    assert client.get(office.url + "?seite=2")["X-Cache"] == "HIT"
    # Another host name is another entry (the page carries absolute URLs).
    assert client.get(office.url, headers={"host": "localhost"})["X-Cache"] == "MISS"
    assert client.get(office.url)["X-Cache"] == "HIT"


def test_absurdly_long_query_strings_are_answered_but_never_cached(client, office):
    url = office.url + "?q=" + "x" * MAX_QUERY_STRING_LENGTH

    for _ in range(2):
        response = client.get(url)
        assert response.status_code == 200
        assert "X-Cache" not in response


def test_page_cache_seconds_zero_turns_it_off(client, office, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.get(office.url)

    with CaptureQueriesContext(connection) as queries:
        response = client.get(office.url)

    assert "X-Cache" not in response
    assert "s-maxage" not in response.get("Cache-Control", "")
    assert len(queries) > 0  # rendered again


# What is never cached ----------------------------------------------------------


def test_staff_are_never_served_from_the_cache_nor_stored(
    client, editor_client, office
):
    anonymous = Client()
    warm(anonymous, office.url)

    staff_view = editor_client.get(office.url)

    assert "X-Cache" not in staff_view
    assert "private" in staff_view["Cache-Control"]
    # What the editor saw (with the Wagtail user bar) was not stored:
    # anonymous visitors never get the user bar.
    cache.clear()
    editor_client.get(office.url)
    visitor = anonymous.get(office.url)
    assert visitor["X-Cache"] == "MISS"
    assert "wagtail-userbar" not in visitor.content.decode()


@pytest.mark.parametrize(
    "path", ["/admin/login/", "/healthz", "/readyz", "/api/v1/pages/"]
)
def test_admin_health_and_api_are_never_cached(client, home, path):
    for _ in range(2):
        assert "X-Cache" not in client.get(path)


def test_custom_admin_path_is_never_cached(client, home, settings):
    settings.ADMIN_URL_PATH = "redaktion-7f3a/"

    for _ in range(2):
        assert "X-Cache" not in client.get("/redaktion-7f3a/login/")


def test_the_api_is_never_cached_wherever_it_is_mounted(client, home, settings):
    with api_mounted_at(settings, "schnittstelle/") as api:
        for _ in range(2):
            response = client.get(f"{api}v1/pages")
            assert response.status_code == 200
            assert response["Content-Type"].startswith("application/json")
            assert "X-Cache" not in response


def test_not_found_and_redirects_are_not_stored(client, office):
    for _ in range(2):
        missing = client.get("/gibt-es-nicht/")
        assert missing.status_code == 404
        assert missing["X-Cache"] == "MISS"
        redirect = client.get("/koordinierungsstelle")  # APPEND_SLASH
        assert redirect.status_code == 301
        assert redirect["X-Cache"] == "MISS"


def test_posts_are_never_cached(client, office):
    client.post(office.url)

    assert client.get(office.url)["X-Cache"] == "MISS"
    assert "X-Cache" not in client.post(office.url)


def test_a_page_that_used_its_csp_nonce_is_never_stored():
    request = RequestFactory().get("/")
    ContentSecurityPolicyMiddleware(HttpResponse).process_request(request)
    response = HttpResponse("<p>Seite</p>")
    assert _response_is_cacheable(request, response)

    assert str(get_nonce(request))  # a template used it

    assert not _response_is_cacheable(request, response)


def test_a_waiting_message_bypasses_the_cache(client, office):
    warm(client, office.url)
    client.cookies["messages"] = "anything"

    assert "X-Cache" not in client.get(office.url)


# Forms: CSRF ---------------------------------------------------------------------


def test_form_page_is_never_served_with_someone_elses_token(client, checkup_page):
    MeasureSheetFactory(number=7, title="Wohnungsbörse")
    form_url = f"{checkup_page.url}massnahmen/7/rueckmeldung/"
    first_visitor = Client(enforce_csrf_checks=True)
    second_visitor = Client(enforce_csrf_checks=True)

    first = first_visitor.get(form_url)
    second = second_visitor.get(form_url)

    for response in (first, second):
        assert response["X-Cache"] == "MISS"
        assert "csrftoken" in response.cookies
        assert "Cookie" in response["Vary"]
    assert (
        first.cookies["csrftoken"].value != second.cookies["csrftoken"].value
    )  # each visitor has their own secret
    token = re.search(
        r'name="csrfmiddlewaretoken" value="([^"]+)"', second.content.decode()
    ).group(1)
    posted = second_visitor.post(
        form_url,
        {
            "text": "Bitte auch abends.",
            "name": "",
            "email": "",
            "consent": "on",
            "website": "",
            "csrfmiddlewaretoken": token,
        },
    )
    assert posted.status_code == 302
    assert posted["Location"].endswith("/massnahmen/7/rueckmeldung/danke/")


# "Jetzt geöffnet" ---------------------------------------------------------------


def test_page_with_opening_status_lives_only_until_the_status_changes(
    client, help_page, opening_soon
):

    response = warm(client, help_page.url)

    assert "opening-state" in response.content.decode()
    assert 0 < s_maxage(response) <= 120


def test_page_without_opening_status_keeps_the_full_lifetime(client, office):
    response = client.get(office.url)

    assert s_maxage(response) == 300


class Slot:
    def __init__(self, weekday, opens, closes):
        self.weekday = weekday
        self.opens = datetime.time.fromisoformat(opens)
        self.closes = datetime.time.fromisoformat(closes)


def berlin(*args):
    return datetime.datetime(*args, tzinfo=BERLIN)


@pytest.mark.parametrize(
    ("at", "expected"),
    [
        # Monday 2026-11-23: open 9-12 and 14-16.
        (berlin(2026, 11, 23, 8, 0), berlin(2026, 11, 23, 9, 0)),
        (berlin(2026, 11, 23, 10, 30), berlin(2026, 11, 23, 12, 0)),
        (berlin(2026, 11, 23, 13, 0), berlin(2026, 11, 23, 14, 0)),
        # After the last slot: "heute" turns into the next day at midnight.
        (berlin(2026, 11, 23, 17, 0), berlin(2026, 11, 24, 0, 0)),
        # Friday night cafe 20:00-02:00 runs past midnight.
        (berlin(2026, 11, 28, 1, 0), berlin(2026, 11, 28, 2, 0)),
        (berlin(2026, 11, 27, 21, 0), berlin(2026, 11, 28, 0, 0)),
    ],
)
def test_next_change_of_the_opening_state(at, expected):
    slots = [
        Slot(0, "09:00", "12:00"),
        Slot(0, "14:00", "16:00"),
        Slot(4, "20:00", "02:00"),
    ]

    assert next_change(slots=slots, at=at) == expected


def test_no_change_by_time_for_appointments_or_closed_places():
    slots = [Slot(0, "09:00", "12:00")]
    at = berlin(2026, 11, 23, 8, 0)

    assert next_change(slots=slots, at=at, appointment_only=True) is None
    assert next_change(slots=slots, at=at, temporarily_closed=True) is None
    assert next_change(slots=[], at=at) is None


# Redis -------------------------------------------------------------------------------


def redis_caches(url):
    """CACHES as settings/base.py builds them for REDIS_URL."""
    return {
        "default": {
            "BACKEND": "caching.cache_breaker.BreakerRedisCache",
            "LOCATION": url,
            "OPTIONS": {
                "SOCKET_CONNECT_TIMEOUT": 1,
                "SOCKET_TIMEOUT": 1,
                "IGNORE_EXCEPTIONS": True,
            },
        }
    }


@pytest.mark.skipif(
    not os.environ.get("TEST_REDIS_URL"),
    reason="set TEST_REDIS_URL to test against a running Redis",
)
def test_redis_backed_page_cache_round_trip(client, office, settings):
    # A key prefix of its own instead of flushing a database others may use.
    settings.CACHES = redis_caches(os.environ["TEST_REDIS_URL"])
    settings.CACHES["default"]["KEY_PREFIX"] = f"test-{uuid.uuid4().hex}"
    settings.CACHES["default"]["TIMEOUT"] = 60

    warm(client, office.url)
    assert cache.get(GENERATION_KEY) is not None  # really stored in Redis
    office.title = "Koordinierungsstelle (Redis)"
    office.save_revision().publish()
    response = client.get(office.url)
    assert response["X-Cache"] == "MISS"
    assert "Koordinierungsstelle (Redis)" in response.content.decode()
    assert client.get(office.url)["X-Cache"] == "HIT"
    cache.delete(GENERATION_KEY)


def test_unreachable_redis_never_turns_pages_or_forms_into_errors(
    client, office, checkup_page, settings, caplog
):
    with socket.socket() as probe:  # a port where nothing listens
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.CACHES = redis_caches(f"redis://127.0.0.1:{port}/0")
    MeasureSheetFactory(number=5)

    for _ in range(2):
        response = client.get(office.url)
        assert response.status_code == 200
        assert "X-Cache" not in response
    feedback = client.post(
        f"{checkup_page.url}massnahmen/5/rueckmeldung/",
        {"text": "Gut.", "consent": "on", "website": ""},
    )
    assert feedback.status_code == 302
    assert client.get("/readyz").status_code == 503
    assert "circuit breaker open" in caplog.text  # caching.cache_breaker
