"""The German normalisation shared by the index and the query (no database)."""

import pytest

from core import search_text
from core.search_text import search_terms_for, word_keys
from core.search_words import fold, stem
from site_search.highlight import excerpt, highlight
from site_search.index import fts5_query, tsquery
from site_search.normalise import (
    MAX_QUERY_LENGTH,
    MAX_QUERY_WORDS,
    clean_query,
    key_matches,
    parse_query,
)


def keys_of(text: str) -> set[str]:
    return set(search_terms_for(texts=[text]).split())


def query_keys(text: str) -> set[str]:
    return set(parse_query(text).keys)


def finds(query: str, text: str) -> bool:
    """What the search backend does with the normalised terms: every query
    word has a variant that an indexed key of the text begins with."""
    indexed = keys_of(text)
    terms = parse_query(query).terms
    return bool(terms) and all(
        any(key_matches(key, variant) for key in indexed for variant in term.variants)
        for term in terms
    )


@pytest.mark.parametrize(
    ("word", "folded"),
    [
        ("Flüchtlinge", "fluechtlinge"),
        ("FLÜCHTLINGE", "fluechtlinge"),
        ("Straße", "strasse"),
        ("STRASSE", "strasse"),
        ("Ärzte", "aerzte"),
        ("Börse", "boerse"),
        ("BÖRSE", "boerse"),
        ("Boerse", "boerse"),
        ("Café", "cafe"),
        ("İstanbul", "istanbul"),
    ],
)
def test_fold_spells_out_umlauts_and_drops_accents(word, folded):
    assert fold(word) == folded


@pytest.mark.parametrize(
    ("query", "text"),
    [
        # plural and singular, both ways
        ("Wohnungen", "Wir vermitteln eine Wohnung."),
        ("Wohnung", "Freie Wohnungen in der Altstadt"),
        ("Sprachkurse", "Der Sprachkurs beginnt im Mai."),
        ("Kinder", "Betreuung für jedes Kind"),
        # word family and compounds: what a German reader means by "Wohnung"
        ("Wohnung", "Hilfe bei der Wohnungssuche"),
        ("Wohnung", "Bezahlbarer Wohnraum fehlt."),
        ("Wohnung", "Handlungsfeld Wohnen"),
        ("Flüchtling", "Die Flüchtlingsunterkunft in Mürwik"),
        ("Arbeit", "Arbeitsmarkt und Ausbildung"),
        ("Arbeit", "Zusammenarbeit mit dem Jobcenter"),
        ("Kurs", "Der Sprachkurs beginnt im Mai."),
        ("Suche", "Hilfe bei der Wohnungssuche"),
        # umlauts and ß typed without them, and the reverse
        ("Fluechtlinge", "Flüchtlinge in Flensburg"),
        ("Flüchtlinge", "Fluechtlinge in Flensburg"),
        ("Strasse", "Rathausstraße 1"),
        ("Straße", "Holmstrasse"),
        ("Strasse", "Straße"),
        ("Buecher", "Bücher für die Kita"),
        ("Boerse", "Die Praktikumsbörse"),
        ("Börse", "Die Praktikumsboerse"),
        # case, hyphens, written apart or together
        ("CHECK-UP", "Check Up Integration"),
        ("Deutschkurs", "Ein Deutsch-Kurs für Anfänger"),
        ("Deutsch-Kurs", "Deutschkurse am Abend"),
        ("Deutschkurs", "Das Deutschkursangebot"),
        ("Wohnungss", "Hilfe bei der Wohnungssuche"),  # typed half-way
        ("7", "Maßnahme 7"),
    ],
)
def test_german_forms_find_each_other(query, text):
    assert finds(query, text)


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("Wohnung", "Arbeitsmarkt und Ausbildung"),
        ("Kindergarten", "Betreuung für jedes Kind"),
        ("Wohnungssuche", "Eine Wohnung"),  # a compound does not find its parts
        ("Sprachkurs Wohnung", "Der Sprachkurs beginnt im Mai."),  # every word counts
        ("Bahn", "Anbahnung"),  # a word inside another is no part of it
        ("Kurs", "Eine kurze Pause"),  # short keys match whole keys only
        ("Up", "Ein Update"),
        ("7", "Maßnahme 70"),
    ],
)
def test_unrelated_words_do_not_match(query, text):
    assert not finds(query, text)


def test_stop_words_are_left_out_and_reported():
    parsed = parse_query("die Wohnung und der Kurs")

    assert [term.word for term in parsed.terms] == ["Wohnung", "Kurs"]
    assert parsed.ignored == ("die", "und", "der")


def test_only_stop_words_leave_no_terms():
    parsed = parse_query("und oder aber")

    assert parsed.terms == ()
    assert not parsed.is_blank


def test_stop_words_are_never_indexed():
    assert keys_of("der die das und über für") == set()


def test_repeated_words_make_one_term():
    assert len(parse_query("Wohnung Wohnungen wohnung").terms) == 1


def test_the_query_becomes_and_of_or():
    query = parse_query("Wohnungen Fluechtlinge")

    assert tsquery(query) == "('wohnung':* | 'wohn':*) & ('fluchtling':*)"
    assert fts5_query(query) == (
        'autocomplete : (("wohnung"* OR "wohn"*) AND ("fluchtling"*))'
    )


def test_one_word_is_one_term_of_folded_stems():
    assert tsquery(parse_query("Straße")) == f"('{stem('strasse')}':*)"


def test_short_keys_and_numbers_are_asked_as_whole_keys():
    query = parse_query("Kurs 7")

    assert tsquery(query) == "('kur') & ('7')"
    assert fts5_query(query) == 'autocomplete : (("kur") AND ("7"))'


@pytest.mark.parametrize(
    "raw",
    ['"', "*", "-", "OR", "AND NOT", '"Wohnung', "Wohnung*", "-Wohnung", "(", ")", "^"],
)
def test_search_syntax_is_plain_text(raw):
    parsed = parse_query(raw)

    for term in parsed.terms:
        assert all(key.isalnum() for key in term.variants)


@pytest.mark.parametrize("raw", ["\x00", "Woh\x00nung", "\ufffd\ufffd", "\x1b[31m"])
def test_control_and_replacement_characters_are_dropped(raw):
    text, _truncated = clean_query(raw)

    assert "\x00" not in text
    assert "\ufffd" not in text
    assert "\x1b" not in text


def test_a_long_query_is_cut_and_says_so():
    text, truncated = clean_query("Wohnung " * 2000)

    assert truncated
    assert len(text) <= MAX_QUERY_LENGTH
    assert len(text.split()) <= MAX_QUERY_WORDS


def test_too_many_words_are_cut():
    parsed = parse_query(" ".join(f"Wort{n}" for n in range(30)))

    assert parsed.truncated
    assert len(parsed.terms) == MAX_QUERY_WORDS


def test_a_normal_query_is_not_cut():
    assert clean_query("  Wohnung   in  Flensburg ") == ("Wohnung in Flensburg", False)


def test_title_words_weigh_more_but_repetitions_are_capped():
    terms = search_terms_for(title="Wohnung", texts=["Wohnung " * 50]).split()

    assert terms.count("wohnung") == 5


def test_terms_of_a_huge_text_are_capped_but_keep_the_title(monkeypatch):
    monkeypatch.setattr(search_text, "MAX_TERMS_LENGTH", 100)
    text = " ".join(f"Wort{number}" for number in range(1000))

    terms = search_terms_for(title="Wohnung", texts=[text])

    assert len(terms) <= 100
    assert terms.split()[:6] == ["wohnung", "nung"] * 3


def test_compound_keys_are_its_stem_and_trailing_parts():
    keys = word_keys("Wohnungssuche")

    assert {"wohnungssuch", "such"} <= set(keys)
    # The first word is found through the stem's beginning.
    assert "wohnung" not in keys


def test_short_words_are_not_split():
    assert word_keys("Wohnen") == ("wohn",)


def test_other_scripts_are_kept():
    assert finds("اللاجئين", "مساعدة اللاجئين في فلنسبورغ")
    assert finds("біженці", "Допомога біженці у Фленсбурзі")


# Highlighting ----------------------------------------------------------------


def test_highlight_marks_every_matching_form():
    keys = parse_query("Wohnung").keys

    assert highlight("Wohnungen, Wohnraum & Wohnen: alles", keys) == (
        "<mark>Wohnungen</mark>, <mark>Wohnraum</mark> &amp; <mark>Wohnen</mark>: alles"
    )


def test_highlight_escapes_html_in_text_and_matches():
    keys = parse_query("script").keys

    marked = highlight('<script>alert("x")</script>', keys)

    assert "<script>" not in marked
    assert marked == (
        "&lt;<mark>script</mark>&gt;alert(&quot;x&quot;)&lt;/<mark>script</mark>&gt;"
    )


def test_excerpt_is_the_text_around_the_first_match():
    text = " ".join(["Anfang"] * 100 + ["Wohnungssuche"] + ["Ende"] * 100)

    result = excerpt(text, parse_query("Wohnung").keys, length=120)

    assert result.startswith("… Anfang")
    assert "<mark>Wohnungssuche</mark>" in result
    assert result.endswith("Ende …")
    assert len(result) < 200


def test_excerpt_without_match_is_the_beginning():
    result = excerpt("Kurzer Text ohne Treffer.", parse_query("Wohnung").keys)

    assert result == "Kurzer Text ohne Treffer."


def test_excerpt_of_empty_text_is_empty():
    assert excerpt("", parse_query("Wohnung").keys) == ""


def test_highlight_marks_short_keys_only_as_whole_words():
    keys = parse_query("Kurs").keys

    assert highlight("Kurse, kurz und Sprachkurs", keys) == (
        "<mark>Kurse</mark>, kurz und <mark>Sprachkurs</mark>"
    )
