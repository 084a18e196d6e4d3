"""'Meinten Sie …?': a query that finds nothing or little gets the closest
words of the index's vocabulary, the same on SQLite and PostgreSQL."""

import html
import re
from urllib.parse import urlencode

from django.db import connection

import pytest

from site_search import vocabulary
from site_search.models import VocabularyWord
from site_search.vocabulary import similarity, trigrams, vocabulary_correction
from tests.factories import ContentPageFactory

pytestmark = pytest.mark.django_db

SUGGESTION = re.compile(
    r'<p class="search-suggestion">.*?<a class="kern-link" href="(?P<url>[^"]*)">'
    r"<bdi>(?P<text>.*?)</bdi></a>",
    re.S,
)


def suggestion(results) -> tuple[str, str] | None:
    match = SUGGESTION.search(results.html)
    if match is None:
        return None
    return html.unescape(match["text"]), html.unescape(match["url"])


@pytest.fixture
def pages(home):
    ContentPageFactory(
        parent=home,
        slug="wohnung",
        title="Wohnung finden",
        intro="Hilfe bei der Suche nach einer Wohnung an der Straße.",
        body=[],
    )
    ContentPageFactory(
        parent=home,
        slug="fluechtlinge",
        title="Flüchtlinge: Zahlen",
        intro="Fakten aus Flensburg.",
        body=[],
    )


@pytest.mark.parametrize(
    ("query", "suggested"),
    [
        ("Wonung", "Wohnung"),
        ("wonung", "wohnung"),
        ("Flüchtlnge", "Flüchtlinge"),
        ("Flüchtlinke", "Flüchtlinge"),
        ("Wonung finden", "Wohnung finden"),
    ],
)
def test_a_typo_gets_the_word_the_index_knows(search, pages, query, suggested):
    results = search(query)

    assert results.status_code == 200
    assert suggestion(results) == (suggested, f"/suche/?{urlencode({'q': suggested})}")
    assert search(suggested).titles  # the suggestion finds something


def test_the_suggestion_stays_in_the_readers_language(search, pages):
    # The German pages stand in for the untranslated Arabic ones.
    results = search("Wonung", prefix="/ar")

    assert suggestion(results) == ("Wohnung", "/ar/suche/?q=Wohnung")


def test_no_suggestion_when_the_query_finds_enough(search, home):
    for number in range(3):
        ContentPageFactory(parent=home, title=f"Wonung {number}", body=[])
    ContentPageFactory(parent=home, title="Wohnung", body=[])

    assert suggestion(search("Wonung")) is None


def test_no_suggestion_for_a_known_word_or_nothing_similar(search, pages):
    assert suggestion(search("Wohnung")) is None
    # Found without its umlaut already: the same hit needs no suggestion.
    assert "Flüchtlinge: Zahlen" in search("Fluchtlinge").titles
    assert suggestion(search("Fluchtlinge")) is None
    assert suggestion(search("Quantenchromodynamik")) is None
    assert suggestion(search("zzzz")) is None


def test_a_compound_is_no_typo_of_its_first_word(search, home):
    ContentPageFactory(parent=home, title="Deutsch lernen: Sprachkurse", body=[])
    ContentPageFactory(parent=home, title="Deutsch im Alltag", body=[])
    ContentPageFactory(parent=home, title="Deutschland", body=[])

    # Found by its parts; "Deutsch" finds more, but is no better spelling.
    assert search("Deutschkurs").titles == ["Deutsch lernen: Sprachkurse"]
    assert suggestion(search("Deutschkurs")) is None
    assert suggestion(search("Deutschlnad")) == (
        "Deutschland",
        "/suche/?q=Deutschland",
    )


def test_no_suggestion_that_finds_nothing_the_visitor_may_see(search, home):
    ContentPageFactory(parent=home, title="Wohnung", live=False)
    private = ContentPageFactory(parent=home, title="Intern")
    private.view_restrictions.create(restriction_type="login")
    ContentPageFactory(parent=private, title="Wohnung intern", body=[])

    assert suggestion(search("Wonung")) is None


def test_odd_queries_get_an_answer_and_no_error(search, pages):
    for query in ["Wonung" * 100, "W\x00nung", "Wonung " * 50, "«Wonung»", "ـــ"]:
        assert search(query).status_code == 200


def test_the_vocabulary_is_filled_when_pages_are_indexed(pages):
    words = set(VocabularyWord.objects.values_list("word", flat=True))

    # As written, in lower case (umlauts and ß kept for the suggestion).
    assert {"wohnung", "flüchtlinge", "flensburg", "hilfe", "straße"} <= words
    assert "der" not in words  # no stop words


def test_a_word_in_the_vocabulary_needs_no_correction(pages):
    assert vocabulary_correction("Wohnung", ["de"]) is None
    assert vocabulary_correction("Wonung", ["de"]) == "wohnung"
    assert vocabulary_correction("Wonung", ["ar", "de"]) == "wohnung"


def test_arabic_typos_are_corrected_from_the_arabic_vocabulary(db):
    VocabularyWord.objects.bulk_create(
        [VocabularyWord(language="ar", word=word) for word in ["اللاجئين", "السكن"]]
    )

    assert vocabulary_correction("اللاجئبن", ["ar", "de"]) == "اللاجئين"
    assert vocabulary_correction("اللاجئين", ["ar", "de"]) is None


def test_trigrams_are_pg_trgms():
    assert trigrams("wohnung") == {
        "  w",
        " wo",
        "woh",
        "ohn",
        "hnu",
        "nun",
        "ung",
        "ng ",
    }
    assert similarity("wonung", "wohnung") == 0.5


@pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_trgm is PostgreSQL's")
def test_the_similarity_is_the_same_as_postgresqls(db):
    pairs = [
        ("wonung", "wohnung"),
        ("flüchtlnge", "flüchtlinge"),
        ("fluchtlinge", "flüchtlinge"),
        ("sprachkurs", "sprachkurse"),
        ("اللاجئبن", "اللاجئين"),
        ("kita", "kitta"),
    ]
    with connection.cursor() as cursor:
        for first, second in pairs:
            cursor.execute("SELECT similarity(%s, %s)", [first, second])
            assert cursor.fetchone()[0] == pytest.approx(similarity(first, second))


def test_both_ways_of_finding_candidates_agree(pages, monkeypatch):
    words = ["Wonung", "Flüchtlnge", "Flensbrug", "Hilfee", "Zahlen", "Quanten"]
    found = [vocabulary_correction(word, ["de"]) for word in words]
    monkeypatch.setattr(vocabulary, "_has_trigram_index", lambda: False)
    vocabulary.clear_memory()

    assert [vocabulary_correction(word, ["de"]) for word in words] == found
    assert found[:4] == ["wohnung", "flüchtlinge", "flensburg", "hilfe"]
