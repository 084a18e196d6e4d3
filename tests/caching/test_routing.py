"""Wagtail's page serving with the site and route kept in the fragment cache
(caching.routing), through Wagtail's public API only."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import resolve, reverse

from wagtail.models import Page

import pytest

from caching import routing
from tests.factories import CheckUpPageFactory
from tests.integration_checkup.factories import MeasureSheetFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fragments_only(settings):
    # A page not served whole from the cache: routed on every request.
    settings.PAGE_CACHE_SECONDS = 0
    settings.FRAGMENT_CACHE_SECONDS = 300


@pytest.fixture
def checkup_page(home):
    page = CheckUpPageFactory(parent=home, slug="check-up-integration", body=[])
    MeasureSheetFactory(number=7, title="Wohnungsbörse")
    MeasureSheetFactory(number=8, title="Sprachcafé")
    return page


def get(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    return response, [query["sql"].lower() for query in captured]


def test_pages_are_served_by_our_view_beside_wagtails_other_urls(home):
    assert resolve("/koordinierungsstelle/").func is routing.serve
    assert resolve("/en/koordinierungsstelle/").func is routing.serve
    assert resolve("/_util/login/").url_name == "wagtailcore_login"
    assert reverse("wagtail_serve", args=[""]) == "/"


def test_measure_sheets_route_right_from_a_kept_route(client, checkup_page):
    base = checkup_page.url
    for path, title in [
        ("massnahmen/7/", "Wohnungsbörse"),
        ("massnahmen/8/", "Sprachcafé"),
        ("massnahmen/7/handzettel/", "Wohnungsbörse"),
    ]:
        first, _ = get(client, base + path)
        kept, sql = get(client, base + path)

        assert first.status_code == kept.status_code == 200
        assert title in kept.content.decode()
        # Kept: the page is loaded by its key, no walk from the root by slug.
        assert not [query for query in sql if '"wagtailcore_page"."slug" =' in query]
    assert client.get(f"{base}massnahmen/9/").status_code == 404
    assert client.get(f"{base}massnahmen/7/gibt-es-nicht/").status_code == 404


def test_a_page_moved_where_the_purge_did_not_reach_is_not_served_from_its_old_path(
    client, office
):
    """Another worker's local cache keeps the route until its fragments
    expire: the page's URL path is compared, the old path routes afresh."""
    assert client.get("/koordinierungsstelle/").status_code == 200
    # Renamed without signals: no purge, the route stays kept.
    Page.objects.filter(pk=office.pk).update(
        slug="anlaufstelle",
        url_path=office.url_path.replace(office.slug, "anlaufstelle"),
    )

    assert client.get("/koordinierungsstelle/").status_code == 404
    assert client.get("/anlaufstelle/").status_code == 200


def test_an_unpublished_page_is_not_served_from_a_kept_route(client, checkup_page):
    sheet = f"{checkup_page.url}massnahmen/7/"
    assert client.get(sheet).status_code == 200
    assert client.get(checkup_page.url).status_code == 200
    # Unpublished without signals: no purge, the routes stay kept.
    Page.objects.filter(pk=checkup_page.pk).update(live=False)

    assert client.get(sheet).status_code == 404
    assert client.get(checkup_page.url).status_code == 404


def test_a_deleted_page_is_not_served_from_a_kept_route(client, office):
    assert client.get(office.url).status_code == 200
    Page.objects.filter(pk=office.pk).delete()

    assert client.get(office.url).status_code == 404
