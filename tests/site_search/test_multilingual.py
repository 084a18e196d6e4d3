"""Search in every language: the examples the search form shows find the
pages in that language, German fallback pages are found by German words from
every language, and "Deutschkurs" finds the German course pages."""

from django.utils import translation
from django.utils.translation import gettext

import pytest

from tests.factories import ContentPageFactory

pytestmark = pytest.mark.django_db

FORM_HINT = "Ein oder mehrere Wörter, z. B. „Wohnung“, „Deutschkurs“ oder „Spenden“."


@pytest.fixture
def arabic_pages(home, translate):
    """Pages on housing, German courses, donations and refugees, in German and
    Arabic (as an editor would write them, partly with diacritics)."""
    pages = {
        "Wohnen": ("Hilfe bei der Wohnungssuche.", "السكن", "المساعدة في إيجاد سكن."),
        "Deutschkurse": (
            "Deutschkurse für Erwachsene am Abend.",
            "دَوْرَاتُ اللُّغَةِ الأَلْمَانِيَّةِ",
            "دورات اللغة الألمانية للكبار في المساء.",
        ),
        "Spenden": (
            "Sachspenden und Spendenkonto.",
            "التبرعات",
            "التبرعات العينية وحساب التبرع.",
        ),
        "Flüchtlinge in Flensburg": (
            "Informationen für Geflüchtete.",
            "اللاجئون في فلنسبورغ",
            "معلومات للاجئين وللمتطوعين.",
        ),
    }
    for number, (title, (intro, arabic_title, arabic_intro)) in enumerate(
        pages.items()
    ):
        page = ContentPageFactory(
            parent=home, slug=f"seite-{number}", title=title, intro=intro, body=[]
        )
        translate(
            page,
            "ar",
            {title: {"ar": arabic_title}, intro: {"ar": arabic_intro}},
        )
    return pages


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("سكن", "السكن"),
        ("دورة لغة ألمانية", "دَوْرَاتُ اللُّغَةِ الأَلْمَانِيَّةِ"),
        ("تبرعات", "التبرعات"),
        ("لاجئين", "اللاجئون في فلنسبورغ"),
    ],
)
def test_the_arabic_examples_find_the_arabic_pages(search, arabic_pages, query, title):
    results = search(query, prefix="/ar")

    assert results.status_code == 200
    assert title in results.titles
    assert results.hit(title)["attrs"] == ""  # in Arabic, not a German fallback


def test_the_arabic_form_shows_these_examples(client, home):
    with translation.override("ar"):
        hint = gettext(FORM_HINT)

    for example in ("سكن", "دورة لغة ألمانية", "تبرعات"):
        assert example in hint
    assert hint in client.get("/ar/suche/").content.decode()


def test_arabic_results_are_not_shown_twice_in_german(search, arabic_pages):
    results = search("Spenden", prefix="/ar")

    # Translated: the Arabic page is the hit, not its German original.
    assert results.titles == []
    assert search("Spenden").titles == ["Spenden"]


def test_a_german_fallback_page_is_found_by_german_words_in_arabic(
    client, search, home, arabic_pages
):
    ContentPageFactory(
        parent=home,
        slug="sprachcafe",
        title="Sprachcafé",
        intro="Sprachkurse und Gespräche bei Tee.",
        body=[],
    )

    # "Sprachkurs" meets "Sprachkurse" only by the German stem.
    results = search("Sprachkurs", prefix="/ar")

    assert results.titles == ["Sprachcafé"]
    hit = results.hit("Sprachcafé")
    assert hit["attrs"] == ' lang="de" dir="ltr"'
    assert hit["url"] == "/ar/sprachcafe/"
    assert client.get(hit["url"]).status_code == 200


def test_deutschkurs_finds_the_german_course_pages(search, home):
    # As the demo content words it: "Deutsch" and "Sprachkurse", no "Deutschkurs".
    ContentPageFactory(
        parent=home,
        title="Sprache",
        intro="Deutsch lernen vom ersten Tag an: Sprachkurse, Sprachcafés.",
        body=[],
    )
    ContentPageFactory(
        parent=home, title="Rechte", intro="Zugang zu Arbeit und Schule.", body=[]
    )

    results = search("Deutschkurs")

    assert results.titles == ["Sprache"]
    excerpt = results.hit("Sprache")["rest"]
    assert "<mark>Deutsch</mark>" in excerpt
    assert "<mark>Sprachkurse</mark>" in excerpt


def test_a_compound_that_exists_is_found_as_a_whole(search, home):
    ContentPageFactory(parent=home, title="Deutschkurse am Abend", body=[])
    ContentPageFactory(
        parent=home, title="Sprachkurse", intro="Auch auf Deutsch.", body=[]
    )

    assert search("Deutschkurs").titles == ["Deutschkurse am Abend"]


def test_english_words_are_stemmed_in_english(search, home, translate):
    page = ContentPageFactory(
        parent=home, title="Wohnungen", intro="Für Familien.", body=[]
    )
    translate(
        page,
        "en",
        {"Wohnungen": {"en": "Houses"}, "Für Familien.": {"en": "For families."}},
    )

    assert search("housing", prefix="/en").titles == ["Houses"]
