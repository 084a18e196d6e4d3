"""Each language's normalisation, shared by the index and the query (no
database): Arabic letter variants and diacritics, Snowball stems where
Snowball has a stemmer, German words from every language, compound parts."""

import pytest

from core.search_text import search_terms_for, word_keys
from core.search_words import fold, search_language
from site_search.index import fts5_query, tsquery
from site_search.normalise import key_matches, parse_query, with_compound_parts


def finds(query: str, text: str, *, language: str, visitor: str | None = None):
    """Whether the search finds ``text`` of a ``language`` object with the
    query of a visitor reading ``visitor`` (the same language by default)."""
    indexed = set(search_terms_for(texts=[text], language=language).split())
    terms = parse_query(query, visitor or language).terms
    return bool(terms) and all(
        any(key_matches(key, variant) for key in indexed for variant in term.variants)
        for term in terms
    )


@pytest.mark.parametrize(
    ("query", "text"),
    [
        # the examples the Arabic search form shows, and "refugees"
        ("سكن", "المساعدة في إيجاد السكن"),
        ("دورة لغة ألمانية", "دورات اللغة الألمانية للكبار"),
        ("تبرعات", "نقاط التبرع في المدينة"),
        ("تبرعات", "جمع التبرعات العينية"),
        ("لاجئين", "اللاجئون في فلنسبورغ"),
        ("لاجئين", "مكتب تنسيق شؤون اللاجئين"),
        ("لاجئين", "واللاجئين"),
        ("لاجئين", "للاجئين ولكل من يريد المساعدة"),
        # diacritics (tashkeel) and the tatweel, in the text or in the query
        ("اللغة", "دَوْرَاتُ اللُّغَةِ الأَلْمَانِيَّةِ"),
        ("اللُّغَةُ", "دورات اللغة"),
        ("سكـــن", "السكن"),
        # letter variants: alef with hamza or madda, alef maqsura, ta marbuta
        ("المانية", "اللغة الألمانية"),
        ("إعانة", "اعانه شهرية"),
        ("مستشفى", "مستشفي المدينة"),
        # Persian ی and ک typed on an Arabic keyboard, and the reverse
        ("كمك", "کمک به پناهندگان"),
    ],
)
def test_arabic_forms_find_each_other(query, text):
    assert finds(query, text, language="ar")


@pytest.mark.parametrize(
    ("query", "text", "language"),
    [
        # the examples of the Persian, Turkish, English, Ukrainian forms
        ("مسکن", "مسکن‌ها برای خانواده‌ها", "fa"),
        ("کلاس زبان آلمانی", "کلاس‌های زبان آلمانی", "fa"),
        ("کمک‌های اهدایی", "کمک اهدایی", "fa"),
        ("مسكن", "مسکن", "fa"),  # Arabic kaf and yeh
        ("konut", "Konutlar ve kira", "tr"),
        ("Almanca kursu", "Almanca kursları", "tr"),
        ("bağış", "Bağışlar için noktalar", "tr"),
        ("housing", "Houses for families", "en"),
        ("German course", "German courses in the evening", "en"),
        ("donations", "Where to donate", "en"),
        ("житло", "Житло для сімей", "uk"),
        ("курс німецької мови", "курс німецької мови для дорослих", "uk"),
        ("пожертви", "Пожертви та допомога", "uk"),
    ],
)
def test_every_language_finds_its_own_forms(query, text, language):
    assert finds(query, text, language=language)


@pytest.mark.parametrize("visitor", ["ar", "en", "uk", "fa", "tr", "de-x-ls"])
def test_german_words_find_german_text_from_every_language(visitor):
    # A German page stands in for an untranslated one: German stems count.
    assert finds("Sprachkurs", "Sprachkurse am Abend", language="de", visitor=visitor)
    assert finds("Fluechtlinge", "Flüchtlinge", language="de", visitor=visitor)


def test_german_stop_words_are_left_out_in_every_language():
    parsed = parse_query("Wohnung und Arbeit", "ar")

    assert [term.word for term in parsed.terms] == ["Wohnung", "Arbeit"]
    assert parsed.ignored == ("und",)


def test_the_visitors_stop_words_are_left_out():
    assert [
        term.word for term in parse_query("courses in the evening", "en").terms
    ] == [
        "courses",
        "evening",
    ]
    assert [term.word for term in parse_query("سكن في فلنسبورغ", "ar").terms] == [
        "سكن",
        "فلنسبورغ",
    ]


def test_leichte_sprache_is_german():
    assert search_language("de-x-ls") == "de"
    assert search_language("ar") == "ar"
    assert search_language(None) == "de"


def test_turkish_keeps_its_dotless_i_apart_for_the_stemmer():
    assert fold("KIRA", "tr") == "kıra"
    assert fold("İstanbul", "tr") == "istanbul"
    # Keys drop Turkish letters, so a query typed without them finds them too.
    assert word_keys("bağışlar", "tr") == ("bagis",)


def test_untranslated_arabic_words_do_not_find_unrelated_ones():
    assert not finds("سكن", "سكان فلنسبورغ", language="ar")
    assert not finds("تبرعات", "مساعدة اللاجئين", language="ar")


# Compounds asked by their parts ------------------------------------------------


def test_a_compound_can_be_asked_by_its_parts():
    query = with_compound_parts(parse_query("Deutschkurs"))

    assert ("deutsch", "kur") in query.terms[0].parts
    assert "('deutsch':* & 'kur')" in tsquery(query)
    assert '("deutsch"* AND "kur")' in fts5_query(query)


@pytest.mark.parametrize("query", ["Kurs", "Wohnung", "Quiz", "12345678"])
def test_short_words_have_no_parts(query):
    assert with_compound_parts(parse_query(query)) is None


def test_the_parts_find_a_text_with_both_words():
    indexed = set(
        search_terms_for(
            texts=["Deutsch lernen vom ersten Tag an: Sprachkurse"]
        ).split()
    )
    term = with_compound_parts(parse_query("Deutschkurs")).terms[0]

    assert not any(key_matches(key, v) for key in indexed for v in term.variants)
    assert any(key_matches(key, head) for key in indexed for head, _tail in term.parts)
    assert any(
        all(any(key_matches(key, part) for key in indexed) for part in pair)
        for pair in term.parts
    )
