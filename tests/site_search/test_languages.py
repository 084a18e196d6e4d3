"""Search in the visitor's language: translations where they exist, German
originals (marked as German) where they do not."""

from django.utils import translation
from django.utils.translation import gettext

import pytest

from tests.factories import ContentPageFactory
from tests.integration_checkup.factories import (
    FieldOfActionFactory,
    MeasureSheetFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def translated_page(home, translate):
    page = ContentPageFactory(
        parent=home,
        slug="wohnungsberatung",
        title="Wohnungsberatung",
        intro="Wir beraten zur Wohnungssuche.",
    )
    translate(
        page,
        "en",
        {
            "Wohnungsberatung": {"en": "Housing advice"},
            "Wir beraten zur Wohnungssuche.": {"en": "We advise on finding a flat."},
        },
    )
    return page


@pytest.fixture
def german_only_page(home):
    return ContentPageFactory(
        parent=home,
        slug="wohnraum",
        title="Wohnraum in Flensburg",
        intro="Wohnungen für Geflüchtete.",
    )


def test_german_search_shows_german_pages_only(search, translated_page):
    assert search("Wohnung").titles == ["Wohnungsberatung"]
    assert search("advice").titles == []


def test_translated_pages_are_searched_in_their_language(
    search, translated_page, german_only_page
):
    results = search("advice", prefix="/en")

    assert results.titles == ["Housing advice"]
    hit = results.hit("Housing advice")
    assert hit["url"] == "/en/wohnungsberatung/"
    assert hit["attrs"] == ""


def test_a_translated_page_does_not_appear_twice_in_german(
    search, translated_page, german_only_page
):
    # The German original mentions "Wohnung", its English translation does not.
    results = search("Wohnung", prefix="/en")

    assert results.titles == ["Wohnraum in Flensburg"]


def test_untranslated_pages_appear_in_german_marked_as_german(
    client, search, translated_page, german_only_page
):
    hit = search("Wohnraum", prefix="/en").hit("Wohnraum in Flensburg")

    assert hit["attrs"] == ' lang="de" dir="ltr"'
    assert hit["url"] == "/en/wohnraum/"
    assert client.get(hit["url"]).status_code == 200


def test_the_search_page_speaks_the_visitors_language(client, home):
    html = client.get("/en/suche/", {"q": "Wohnung"}).content.decode()

    assert '<html lang="en" dir="ltr"' in html
    assert 'action="/en/suche/"' in html


def test_arabic_search_page_is_right_to_left(client, home):
    response = client.get("/ar/suche/", {"q": "سكن"})

    assert response.status_code == 200
    assert '<html lang="ar" dir="rtl"' in response.content.decode()


def test_measure_sheets_in_the_visitors_language(client, search, home, translate):
    from tests.factories import CheckUpPageFactory

    CheckUpPageFactory(parent=home, slug="check-up-integration", body=[])
    wohnen = FieldOfActionFactory(name="Wohnen", slug="wohnen")
    translated = MeasureSheetFactory(
        number=1, title="Wohnungsbörse", field_of_action=wohnen, summary="Vermittlung."
    )
    MeasureSheetFactory(
        number=2, title="Wohnprojekt", field_of_action=wohnen, summary="Gemeinsam."
    )
    translate(
        translated,
        "en",
        {
            "Wohnungsbörse": {"en": "Housing exchange"},
            "Vermittlung.": {"en": "Agency."},
        },
    )

    english = search("Housing", prefix="/en")
    german_fallback = search("Wohnprojekt", prefix="/en")
    with translation.override("en"):
        first = gettext("Nr. %(number)s:") % {"number": 1} + " Housing exchange"
        second = gettext("Nr. %(number)s:") % {"number": 2} + " Wohnprojekt"

    assert english.titles == [first]
    url = english.hit(first)["url"]
    assert url == "/en/check-up-integration/massnahmen/1/"
    assert "Housing exchange" in client.get(url).content.decode()
    assert german_fallback.titles == [second]
    # The German title is marked German, its number is the site's (English).
    assert german_fallback.hit(second)["attrs"] == ' lang="de" dir="ltr"'
    assert search("Wohnungsbörse", prefix="/en").titles == []


def test_language_switcher_keeps_the_query(client, home):
    html = client.get("/suche/", {"q": "Wohnung"}).content.decode()

    switcher = html.split('class="language-switcher__list"')[1].split("</ul>")[0]
    assert 'href="/en/suche/?q=Wohnung"' in switcher
    assert 'href="/ar/suche/?q=Wohnung"' in switcher
    head = html.split("</head>")[0]
    assert "?q=" not in head.split('rel="canonical"')[0]
