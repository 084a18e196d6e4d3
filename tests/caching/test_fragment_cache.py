"""Fragments of pages that are not served whole from the cache (caching.page_cache:
``cached_fragment``, ``cached_render``, ``{% fragment_cache %}``) and the site
lookup from the cache (caching.routing)."""

from __future__ import annotations

import math
import re

from django.core.cache import cache
from django.db import connection
from django.template import Context, Template
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext

from wagtail.models import Site

import pytest

from caching.page_cache import (
    FRAGMENT_KEY_PREFIX,
    cached_fragments,
    cached_render,
    limit_page_cache,
    purge_page_cache,
)
from tests.contacts.factories import OrganisationFactory
from tests.factories import CheckUpPageFactory, OfficePageFactory
from tests.integration_checkup.factories import MeasureSheetFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_whole_page_cache(settings):
    # What staff, searches and form pages get: no whole-page cache, fragments.
    settings.PAGE_CACHE_SECONDS = 0
    settings.FRAGMENT_CACHE_SECONDS = 300


def fragment_keys() -> list[str]:
    # The local-memory cache keeps its keys with a prefix and version.
    return [key for key in cache._cache if FRAGMENT_KEY_PREFIX in key]


def queries(client, url) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    assert "X-Cache" not in response  # never the whole-page cache here
    return len(captured.captured_queries), response.content.decode()


def test_second_render_reuses_the_fragments_with_fewer_queries(client, office):
    first_count, first = queries(client, office.url)
    second_count, second = queries(client, office.url)

    assert second == first
    assert second_count < first_count
    names = {key.split(FRAGMENT_KEY_PREFIX)[1].split(":")[0] for key in fragment_keys()}
    assert {"head", "header", "main", "footer", "wagtail-site"} <= names


def test_publishing_shows_at_once(client, office):
    queries(client, office.url)

    office.title = "Anlaufstelle"
    office.save_revision().publish()

    _, html = queries(client, office.url)
    assert "<title>Anlaufstelle" in html
    assert '<h1 class="kern-heading-x-large page-title">Anlaufstelle</h1>' in html


def test_a_changed_contact_shows_at_once(client, help_page):
    organisation = OrganisationFactory(name="Sprachcafé Nord")
    assert "Sprachcafé Nord" in queries(client, help_page.url)[1]

    organisation.name = "Sprachcafé Süd"
    organisation.save()

    _, html = queries(client, help_page.url)
    assert "Sprachcafé Süd" in html
    assert "Sprachcafé Nord" not in html


def test_search_results_follow_new_content(client, home):
    assert "0 Treffer" in queries(client, "/suche/?q=Wohnungsbörse")[1]

    OfficePageFactory(parent=home, slug="wohnen", title="Wohnungsbörse")

    assert "1 Treffer" in queries(client, "/suche/?q=Wohnungsbörse")[1]


def test_switched_off_with_zero_seconds(client, office, settings):
    settings.FRAGMENT_CACHE_SECONDS = 0

    first_count, first = queries(client, office.url)
    second_count, second = queries(client, office.url)

    assert fragment_keys() == []
    assert (second_count, second) == (first_count, first)


def test_not_found_pages_leave_nothing_in_the_cache(client, home):
    for number in range(5):
        assert client.get(f"/gibt-es-nicht-{number}/").status_code == 404

    assert not [key for key in fragment_keys() if ":main:" in key]


def test_form_html_is_never_kept_so_every_visitor_has_a_token_of_their_own(home):
    checkup_page = CheckUpPageFactory(parent=home, slug="check-up-integration", body=[])
    MeasureSheetFactory(number=7, title="Wohnungsbörse")
    form_url = f"{checkup_page.url}massnahmen/7/rueckmeldung/"
    tokens = []
    for _visitor in range(2):
        visitor = Client(enforce_csrf_checks=True)
        response = visitor.get(form_url)
        token = re.search(
            r'name="csrfmiddlewaretoken" value="([^"]+)"', response.content.decode()
        ).group(1)
        tokens.append(token)
        posted = visitor.post(
            form_url,
            {
                "text": "Bitte auch abends.",
                "consent": "on",
                "website": "",
                "csrfmiddlewaretoken": token,
            },
        )
        assert posted.status_code == 302

    assert tokens[0] != tokens[1]
    assert not [key for key in fragment_keys() if ":main:" in key]


def test_opening_status_keeps_the_fragment_only_until_it_changes(
    client, help_page, opening_soon
):
    request = RequestFactory().get(help_page.url)

    def render():
        limit_page_cache(request, 90)
        return "<p>Jetzt geschlossen</p>"

    assert cached_render(request, "status", ["x"], render) == render()
    later = RequestFactory().get(help_page.url)
    html = cached_render(later, "status", ["x"], lambda: pytest.fail("not kept"))

    assert html == "<p>Jetzt geschlossen</p>"
    # A page that shows the kept fragment is itself kept no longer.
    assert 0 < later.page_cache_max_age <= 90
    # Through the whole stack: the help page with an opening status.
    assert "opening-state" in queries(client, help_page.url)[1]
    assert "opening-state" in queries(client, help_page.url)[1]


def test_a_page_built_from_a_kept_fragment_lives_no_longer_than_it(settings):
    settings.FRAGMENT_CACHE_SECONDS = 120
    request = RequestFactory().get("/")
    cached_render(request, "plain", ["x"], lambda: "<p>a</p>")
    assert getattr(request, "page_cache_max_age", math.inf) == math.inf  # rendered
    later = RequestFactory().get("/")

    assert cached_render(later, "plain", ["x"], lambda: "<p>b</p>") == "<p>a</p>"
    assert 110 < later.page_cache_max_age <= 120


def test_previews_and_posts_always_render_afresh():
    preview = RequestFactory().get("/")
    preview.is_preview = True
    post = RequestFactory().post("/")
    for request in (preview, post):
        cached_render(request, "live", ["x"], lambda: "<p>old</p>")
        assert cached_render(request, "live", ["x"], lambda: "<p>new</p>") == (
            "<p>new</p>"
        )
    assert fragment_keys() == []


def test_tag_varies_on_language_and_its_values_and_skips_overlong_ones():
    template = Template(
        "{% load fragment_cache_tags %}"
        '{% fragment_cache "t" value %}{{ shown }}{% endfragment_cache %}'
    )
    request = RequestFactory().get("/")

    def render(value, shown, **context):
        return template.render(
            Context({"request": request, "value": value, "shown": shown, **context})
        )

    assert render("a", "first") == "first"
    assert render("a", "second") == "first"  # kept
    assert render("b", "third") == "third"  # another value, another fragment
    long_value = "x" * 5000
    assert render(long_value, "fourth") == "fourth"
    assert render(long_value, "fifth") == "fifth"  # too long to be a key
    assert render("c", "sixth", fragment_cache_off=True) == "sixth"
    assert render("c", "seventh") == "seventh"  # nothing kept while off


def test_site_is_looked_up_once_and_follows_changes(client, office):
    queries(client, office.url)
    with CaptureQueriesContext(connection) as captured:
        client.get(office.url)
    assert not [
        query for query in captured if "wagtailcore_site" in query["sql"].lower()
    ]

    site = Site.objects.get(is_default_site=True)
    site.site_name = "Neu"
    site.save()  # purges

    with CaptureQueriesContext(connection) as captured:
        assert client.get(office.url).status_code == 200
    assert [query for query in captured if "wagtailcore_site" in query["sql"].lower()]


def test_many_fragments_build_only_what_is_missing_and_follow_a_purge(settings):
    built = []

    def build(missing):
        built.append(sorted(missing))
        # "gone" cannot be built (its object was deleted): left out.
        return {item: item.upper() for item in missing if item != "gone"}

    parts = {item: ("test", item) for item in ("a", "b", "gone")}
    assert cached_fragments("many", parts, build) == {"a": "A", "b": "B"}
    parts["c"] = ("test", "c")
    assert cached_fragments("many", parts, build) == {"a": "A", "b": "B", "c": "C"}
    assert built == [["a", "b", "gone"], ["c", "gone"]]

    purge_page_cache()
    cached_fragments("many", parts, build)
    settings.FRAGMENT_CACHE_SECONDS = 0
    cached_fragments("many", parts, build)
    assert built[2:] == [["a", "b", "c", "gone"]] * 2


def page_queries(client, url) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return [query["sql"] for query in captured]


def test_the_page_for_a_path_is_loaded_by_its_key(client, office):
    queries(client, office.url)

    sql = page_queries(client, office.url)

    # One query for the page itself: no walk from the root, no view
    # restrictions looked up where there are none.
    assert len(sql) == 1
    assert "wagtailcore_pageviewrestriction" not in sql[0]


def test_a_moved_or_renamed_page_is_routed_afresh(client, home, office):
    old_url = office.url
    queries(client, old_url)

    office.slug = "anlaufstelle"
    office.save_revision().publish()

    assert client.get(old_url).status_code == 404
    assert client.get("/anlaufstelle/").status_code == 200


def test_a_new_restriction_applies_to_a_kept_route(client, office):
    child = OfficePageFactory(parent=office, slug="team", title="Team")
    queries(client, child.url)

    office.view_restrictions.create(restriction_type="login")

    response = client.get(child.url)
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_an_alias_of_a_restricted_page_keeps_the_restriction(client, home, office):
    child = OfficePageFactory(parent=office, slug="team", title="Team")
    child.view_restrictions.create(restriction_type="login")
    alias = child.create_alias(parent=home, update_slug="team-alias")

    for _ in range(2):  # the route is kept after the first request
        assert client.get(alias.url).status_code == 302


def test_routes_of_a_page_are_kept_per_path(client, home):
    checkup_page = CheckUpPageFactory(parent=home, slug="check-up-integration", body=[])
    MeasureSheetFactory(number=7, title="Wohnungsbörse")
    MeasureSheetFactory(number=8, title="Sprachcafé")

    for _ in range(2):
        assert "Wohnungsbörse" in queries(client, f"{checkup_page.url}massnahmen/7/")[1]
        assert "Sprachcafé" in queries(client, f"{checkup_page.url}massnahmen/8/")[1]
    assert client.get(f"{checkup_page.url}massnahmen/9/").status_code == 404
