"""The page itself: its addresses for a CDN purge, the editors' preview, and
queries on a translated page that do not grow with the finder."""

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page

import pytest

from core.bootstrap import content_locales
from demo.translations import object_translate
from tests.contacts.factories import OrganisationFactory
from tests.responsibility.conftest import finder_stream


@pytest.mark.django_db
def test_a_cdn_purge_names_every_step(finder_page):
    paths = finder_page.get_cached_paths()

    assert "/" in paths
    assert "/asylbewerber/" in paths
    assert "/asylbewerber/wohnen/" in paths
    assert "/weiss-nicht/arbeit/" in paths
    assert len(paths) == 1 + 3 + 3 * 3


@pytest.mark.django_db
def test_the_editors_preview_shows_the_first_question(finder_page):
    response = finder_page.make_preview_request()

    assert response.status_code == 200
    assert "Welchen Aufenthaltsstatus haben Sie?" in response.content.decode()


def _queries(client, path) -> int:
    """Queries of a request with an empty cache (after one to warm what
    each process keeps for good, e.g. content types)."""
    counts = []
    for _ in range(2):
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
        counts.append(len(queries.captured_queries))
    return counts[-1]


@pytest.mark.django_db
@pytest.mark.parametrize("step", ["", "asylbewerber/", "asylbewerber/wohnen/"])
def test_arabic_queries_do_not_grow_with_the_finder(
    client, home, finder_page, step, django_capture_on_commit_callbacks
):
    content_locales()
    with django_capture_on_commit_callbacks(execute=True):
        for page in (home, finder_page):
            object_translate(instance=page, language="ar", strings={})
    path = f"/ar/wer-ist-zustaendig/{step}"
    small = _queries(client, path)

    finder_page.finder = finder_stream(
        housing=[OrganisationFactory() for _ in range(6)],
        general=[OrganisationFactory()],
        extra_results=5,
        info_page=Page.objects.get(slug="leistungen"),
    )
    with django_capture_on_commit_callbacks(execute=True):
        finder_page.save_revision().publish()
        translated = finder_page.get_translation(
            finder_page.get_translations().first().locale
        )
    large = _queries(client, path)

    assert translated is not None
    assert large == small
