"""One full-text query over the search index, and what the results page keeps.

These run on SQLite (FTS5) and on PostgreSQL alike.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from contacts.models import Organisation
from pages.models import ContentPage
from site_search.index import matching_entries
from site_search.normalise import parse_query
from tests.contacts.factories import OrganisationFactory
from tests.factories import ContentPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(home):
    return {
        "title": ContentPageFactory(
            parent=home, title="Sprachkurse", intro="Deutsch lernen."
        ),
        "intro": ContentPageFactory(
            parent=home, title="Impressum", intro="Fragen zum Sprachkurs?"
        ),
        "kurz": ContentPageFactory(parent=home, title="Kurz erklärt", intro="Alles."),
        "both": ContentPageFactory(
            parent=home, title="Wohnung und Sprachkurs", intro="Beides."
        ),
        "organisation": OrganisationFactory(
            name="Sprachkurs-Zentrum", description="Kurse für alle."
        ),
    }


def found(query: str, *models) -> list[tuple[type, int]]:
    types = ContentType.objects.get_for_models(*models)
    model_of = {content_type.pk: model for model, content_type in types.items()}
    return [
        (model_of[entry.content_type_id], int(entry.object_id))
        for entry in matching_entries(
            parse_query(query), [content_type.pk for content_type in types.values()]
        )
    ]


def test_best_match_first_and_only_the_models_asked_for(content):
    pages = found("Sprachkurs", ContentPage)

    # The titles first, then the page that has the word in its text only.
    assert pages[-1] == (ContentPage, content["intro"].pk)
    assert set(pages) == {
        (ContentPage, content[name].pk) for name in ("title", "intro", "both")
    }
    assert (Organisation, content["organisation"].pk) in found(
        "Sprachkurs", ContentPage, Organisation
    )


def test_every_term_must_match(content):
    assert found("Wohnung Sprachkurs", ContentPage) == [
        (ContentPage, content["both"].pk)
    ]
    assert found("Wohnung Quantenphysik", ContentPage) == []


def test_short_keys_match_whole_keys_only(content):
    # "Kurs" (stem "kur") is a whole key of "Sprachkurs" (its last part),
    # but only the beginning of "kurz".
    assert (ContentPage, content["kurz"].pk) not in found("Kurs", ContentPage)
    assert (ContentPage, content["title"].pk) in found("Kurs", ContentPage)
    assert found("Kurz", ContentPage) == [(ContentPage, content["kurz"].pk)]


def test_no_terms_or_no_models_ask_nothing(content):
    with CaptureQueriesContext(connection) as context:
        assert matching_entries(parse_query("und oder"), [1, 2]) == []
        assert matching_entries(parse_query("Sprachkurs"), []) == []

    assert context.captured_queries == []


def search_queries(client, q: str) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as context:
        response = client.get("/suche/", {"q": q})
    assert response.status_code == 200
    return len(context.captured_queries), response.content.decode()


def test_a_search_without_matches_is_one_query_and_the_suggestions_look_up(
    client, content
):
    search_queries(client, "Sprachkurs")  # the site, menu, ... in the cache
    search_queries(client, "Xylophon")  # the vocabulary (SQLite: in memory)

    count, html = search_queries(client, "Zyklon")
    long_count, long_html = search_queries(client, "Quantenchromodynamik")

    assert "0 Treffer" in html
    assert "0 Treffer" in long_html
    # The full-text query and one look-up in the vocabulary for "Meinten
    # Sie …?"; a long word also asks for its parts as a German compound.
    assert count == 2
    assert long_count == 3


def test_a_new_query_loads_no_object_shown_before(client, content):
    first_count, _html = search_queries(client, "Sprachkurs")

    # Other words, the same hits: only the full-text query runs.
    count, html = search_queries(client, "Sprachkurse")

    assert "4 Treffer" in html
    assert "<mark>Sprachkurs</mark>" in html
    assert count == 1 < first_count


def test_a_kept_hit_shows_an_edit_at_once(client, content):
    search_queries(client, "Sprachkurs")
    page = content["intro"]
    page.title = "Impressum und Sprachkurs"
    page.save_revision().publish()

    _count, html = search_queries(client, "Sprachkurse")

    assert "Impressum und <mark>Sprachkurs</mark>" in html
