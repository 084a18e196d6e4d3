"""Wagtail's front-end cache invalidation: off by default, PURGE when configured.

A local HTTP server stands in for Varnish/nginx and records the PURGE requests
that Wagtail's HTTPBackend sends.
"""

from __future__ import annotations

import http.server
import threading

from django.core.exceptions import ImproperlyConfigured

# Imported before the autouse fixture replaces urllib.request.urlopen: the
# backend keeps the real one and may talk to the local server below.
import wagtail.contrib.frontend_cache.backends.http  # noqa: F401

import pytest

from caching.frontend_cache import frontend_cache_backends
from events.models import EventTopic
from tests.factories import (
    CheckUpPageFactory,
    ContentPageFactory,
    EventIndexPageFactory,
    InfoIndexPageFactory,
    InfoPageFactory,
)
from tests.integration_checkup.factories import (
    DocumentFactory,
    FieldOfActionFactory,
    MeasureSheetFactory,
)

pytestmark = pytest.mark.django_db


class PurgeRecorder(http.server.BaseHTTPRequestHandler):
    def do_PURGE(self):
        self.server.purged.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def purge_server():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), PurgeRecorder)
    server.purged = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


@pytest.fixture
def cdn(settings, purge_server):
    """The frontend cache pointed at the recording server, as the env would."""
    settings.WAGTAILFRONTENDCACHE = frontend_cache_backends(
        "http",
        {"FRONTEND_CACHE_LOCATION": f"http://127.0.0.1:{purge_server.server_port}"},
    )
    return purge_server.purged


def paths(purged) -> list[str]:
    return sorted(path for _host, path in purged)


def test_publishing_purges_every_live_public_page_once_after_the_commit(
    cdn, home, office, help_page, django_capture_on_commit_callbacks
):
    ContentPageFactory(parent=home, slug="entwurf", title="Entwurf", live=False)
    with django_capture_on_commit_callbacks(execute=True):
        office.title = "Koordinierungsstelle (neu)"
        office.save_revision().publish()
        # More changes in the same transaction: still one purge of the site.
        DocumentFactory(title="Statusanalyse")
        help_page.save_revision().publish()
        before_commit = list(cdn)
    after_commit = cdn[len(before_commit) :]

    # Before the commit only Wagtail's own handler purges the published pages.
    assert set(paths(before_commit)) <= {
        "/koordinierungsstelle/",
        "/wie-kann-geholfen-werden/",
    }
    assert "/" not in paths(before_commit)
    # After it, ours: every live public page (and its routes), once, no drafts.
    assert paths(after_commit) == [
        "/",
        "/koordinierungsstelle/",
        "/wie-kann-geholfen-werden/",
    ]


def test_a_draft_purges_nothing_from_the_front_end_cache(
    cdn, office, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        office.title = "Koordinierungsstelle (Entwurf)"
        office.save_revision()

    assert cdn == []


def test_publishing_a_page_purges_the_pages_that_show_it(
    cdn, home, office, django_capture_on_commit_callbacks
):
    # The start page's menu and teasers show the office's title.
    with django_capture_on_commit_callbacks(execute=True):
        office.title = "Koordinierungsstelle (neu)"
        office.save_revision().publish()

    assert ("localhost", "/") in cdn


@pytest.fixture
def checkup(home):
    return CheckUpPageFactory(parent=home, slug="check-up-integration")


def test_saving_a_measure_sheet_purges_the_check_up_routes(
    cdn, checkup, django_capture_on_commit_callbacks
):
    field = FieldOfActionFactory(slug="arbeit")
    with django_capture_on_commit_callbacks(execute=True):
        MeasureSheetFactory(number=7, field_of_action=field, title="Neu")

    paths = {path for _host, path in cdn}
    base = "/check-up-integration/"
    assert {
        base,
        base + "massnahmen/",
        base + "massnahmen/7/",
        base + "massnahmen/7/handzettel/",
        base + "massnahmen/7/feed/",
        base + "handlungsfelder/arbeit/",
        base + "handlungsfelder/arbeit/feed/",
        base + "statusanalysen/",
        base + "arbeitspapiere/feed/",
        base + "arbeitspapiere/feed/rss/",
    } <= paths


def test_unpublishing_a_measure_sheet_purges_its_url(
    cdn, checkup, django_capture_on_commit_callbacks
):
    sheet = MeasureSheetFactory(number=3)
    cdn.clear()
    with django_capture_on_commit_callbacks(execute=True):
        sheet.live = False
        sheet.save()

    assert ("localhost", "/check-up-integration/massnahmen/3/") in cdn


def test_cached_paths_name_the_routes_of_routable_pages(home):
    events = EventIndexPageFactory(parent=home, slug="veranstaltungen")
    topic = InfoPageFactory(parent=InfoIndexPageFactory(parent=home), slug="leistungen")

    event_paths = events.get_cached_paths()
    assert sorted(event_paths) == sorted(
        ["/", "/vergangene/", "/kalender/"]
        + [f"/kalender/{value}/" for value in EventTopic.values]
    )
    assert topic.get_cached_paths() == ["/", "/handzettel/"]
    # Routes that need an argument are named by the page, never guessed.
    assert not any("<" in path for path in event_paths)


def test_saving_a_document_purges_every_live_page(
    cdn, home, office, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        DocumentFactory(title="Statusanalyse")

    paths = sorted(path for _host, path in cdn)
    assert paths == ["/", "/koordinierungsstelle/"]


def test_many_saves_in_one_transaction_purge_the_site_once(
    cdn, office, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        for number in range(3):
            DocumentFactory(title=f"Papier {number}")

    assert sorted(path for _host, path in cdn) == ["/", "/koordinierungsstelle/"]


def test_nothing_is_sent_without_configuration(
    settings, purge_server, office, django_capture_on_commit_callbacks
):
    assert settings.WAGTAILFRONTENDCACHE == {}

    with django_capture_on_commit_callbacks(execute=True):
        office.save_revision().publish()
        DocumentFactory(title="Statusanalyse")

    assert purge_server.purged == []


@pytest.mark.parametrize(
    ("backend", "env", "expected"),
    [
        ("", {}, {}),
        (
            "http",
            {"FRONTEND_CACHE_LOCATION": "http://varnish:6081"},
            {
                "default": {
                    "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
                    "LOCATION": "http://varnish:6081",
                }
            },
        ),
        (
            "cloudflare",
            {
                "FRONTEND_CACHE_CLOUDFLARE_TOKEN": "token",
                "FRONTEND_CACHE_CLOUDFLARE_ZONE": "zone",
            },
            {
                "default": {
                    "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
                    "BEARER_TOKEN": "token",
                    "ZONEID": "zone",
                }
            },
        ),
        (
            "cloudfront",
            {"FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID": "E123"},
            {
                "default": {
                    "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
                    "DISTRIBUTION_ID": "E123",
                }
            },
        ),
    ],
)
def test_backend_comes_from_the_environment(backend, env, expected):
    assert frontend_cache_backends(backend, env) == expected


@pytest.mark.parametrize(
    ("backend", "message"),
    [
        ("varnish", "unknown"),
        ("http", "needs FRONTEND_CACHE_LOCATION"),
        ("cloudflare", "needs FRONTEND_CACHE_CLOUDFLARE_TOKEN"),
    ],
)
def test_incomplete_configuration_fails_at_startup(backend, message):
    with pytest.raises(ImproperlyConfigured, match=message):
        frontend_cache_backends(backend, {})
