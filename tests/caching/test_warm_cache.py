"""``manage.py warm_cache`` against a running server (pytest-django's
live_server): after it, the home pages and every sitemap address come from
the page cache (X-Cache: HIT), also right after a whole-site purge."""

from __future__ import annotations

import http.client
import io
from urllib.parse import urlsplit

from django.core.management import CommandError, call_command
from django.db import connection as db_connection

from wagtail.models import Locale

import pytest

from caching.cache_warming import Target, ordered_paths
from caching.page_cache import purge_page_cache
from core.bootstrap import content_locales
from tests.factories import OfficePageFactory

# live_server answers from another thread: the test's rows must be committed.
# No serialized_rollback: after another transactional test's flush the
# restored content types would collide with those the flush recreated; the
# home fixture (tests/conftest.py) recreates what the flush removed.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def site_pages(home, office):
    """German home and office page, the English home page, an info page."""
    content_locales()
    english = home.copy_for_translation(Locale.objects.get(language_code="en"))
    english.save_revision().publish()
    OfficePageFactory(parent=office, slug="beratung", title="Beratung")
    return home


def get(live_server, path, host=None):
    parts = urlsplit(live_server.url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        connection.request("GET", path, headers={"Host": host or parts.netloc})
        response = connection.getresponse()
        response.read()
        return response
    finally:
        connection.close()


def warm_cache(**options):
    # On SQLite, live_server's threads share the test's one in-memory
    # connection, which cannot serve two requests at once (InterfaceError,
    # the app's 503): there the command warms one page at a time. On
    # PostgreSQL (CI's second run) it asks as many at once as the test says.
    if db_connection.vendor == "sqlite":
        options["concurrency"] = 1
    out, err = io.StringIO(), io.StringIO()
    call_command("warm_cache", stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue()


def test_home_pages_first_then_the_sitemap_shallow_first(live_server, site_pages):
    paths = ordered_paths(Target(live_server.url))

    assert paths[:2] == ["/", "/en/"]
    assert paths.index("/koordinierungsstelle/") < paths.index(
        "/koordinierungsstelle/beratung/"
    )
    assert len(paths) == len(set(paths))


def test_every_page_is_a_hit_after_warming_also_after_a_purge(live_server, site_pages):
    paths = ordered_paths(Target(live_server.url))
    assert len(paths) >= 4

    out, err = warm_cache(base_url=live_server.url, concurrency=3)
    assert f"{len(paths)} of {len(paths)} pages warmed" in out, err
    assert f"({len(paths)} rendered, 0 already cached), 0 failures" in out
    assert err == ""
    for path in paths:
        assert get(live_server, path).headers["X-Cache"] == "HIT", path

    purge_page_cache()
    assert get(live_server, "/koordinierungsstelle/").headers["X-Cache"] == "MISS"

    out, _err = warm_cache(base_url=live_server.url)
    # The page just visited was cached again by that visit.
    assert f"({len(paths) - 1} rendered, 1 already cached), 0 failures" in out
    for path in paths:
        assert get(live_server, path).headers["X-Cache"] == "HIT", path


def test_connect_sends_the_public_host_to_one_server(live_server, site_pages):
    """Through one app server, the cache is filled for the public host: the
    keys hold the host visitors use, not the server's address."""
    out, err = warm_cache(base_url="http://testserver", connect=live_server.url[7:])

    assert "0 failures" in out, err
    assert get(live_server, "/", host="testserver").headers["X-Cache"] == "HIT"
    assert get(live_server, "/").headers["X-Cache"] == "MISS"


def test_time_limit_stops_before_the_next_request(live_server, site_pages):
    paths = ordered_paths(Target(live_server.url))

    out, _err = warm_cache(base_url=live_server.url, time_limit=0)

    assert f"0 of {len(paths)} pages warmed" in out
    assert f"{len(paths)} not attempted" in out
    assert get(live_server, "/").headers["X-Cache"] == "MISS"


def test_unreachable_site_is_an_error(live_server, site_pages):
    closed = "http://127.0.0.1:9"  # discard port: nothing listens

    with pytest.raises(CommandError, match="Cannot read the site's addresses"):
        warm_cache(base_url=closed)
