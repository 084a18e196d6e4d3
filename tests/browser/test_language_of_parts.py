"""Language of parts: every text is marked with the language it is written in,
on every page type in every locale (no browser needed: the HTML as served by
the demo server)."""

import pytest

from tests.browser.demo_pages import (
    API_DOCS,
    LOCALES,
    PAGE_TYPES,
    expected_status,
    localized,
)
from tests.browser.language_of_parts import check_html, check_text

# The checker itself ---------------------------------------------------------


def test_arabic_script_under_a_latin_language_is_caught():
    findings = check_html(
        '<html lang="de"><body><p>Willkommen</p><p>مرحبا بكم</p></body></html>'
    )

    assert [(f.kind, f.lang) for f in findings] == [("script", "de")]
    assert "مرحبا" in findings[0].text


@pytest.mark.parametrize("lang", ["de", "en", "tr", "de-x-ls", "uk", ""])
def test_arabic_script_is_wrong_under_every_language_but_arabic_and_farsi(lang):
    assert check_text("خدمات", lang)
    assert not check_text("خدمات", "ar")
    assert not check_text("خدمات", "fa")


@pytest.mark.parametrize("lang", ["ar", "fa", "uk", "uk-UA"])
def test_german_words_under_arabic_farsi_or_ukrainian_are_caught(lang):
    findings = check_html(
        f'<html lang="{lang}"><head><title>Startseite</title></head><body>'
        '<nav aria-label="Zum Inhalt">x</nav><p>Telefon: 0461 85-0</p>'
        '<img alt="Die Koordinierungsstelle" src="a.png"></body></html>'
    )

    assert [f.kind for f in findings] == ["german", "german", "german"]
    wheres = " ".join(f.where for f in findings)
    assert "nav[aria-label]" in wheres
    assert "img[alt]" in wheres
    assert "Telefon" in wheres


def test_german_text_marked_as_german_inside_an_arabic_page_is_fine():
    html = (
        '<html lang="ar" dir="rtl"><body><h1>منسقية شؤون اللاجئين</h1>'
        '<p lang="de" dir="ltr">Die Seite ist nicht übersetzt.</p>'
        "<p>Check Up Integration – Katja Jüngling, fluechtlinge@flensburg.de</p>"
        '<a href="/de/" lang="de">Deutsch</a><a href="/uk/" lang="uk">Українська</a>'
        "<script>var die = 'und';</script><style>.die::after{content:'für'}</style>"
        "</body></html>"
    )

    assert check_html(html) == []


def test_the_language_of_a_part_ends_with_its_element():
    html = (
        '<html lang="ar"><body><p lang="de">Für Sie<br>und<img alt="ok" src="x">'
        "</p><p>und danach wieder Arabisch</p></body></html>"
    )

    findings = check_html(html)

    assert [(f.kind, f.lang, f.text) for f in findings] == [
        ("german", "ar", "und danach wieder Arabisch")
    ]


def test_an_element_takes_its_own_lang_for_its_attributes():
    assert check_html('<div lang="de"><a lang="ar" title="بحث">x</a></div>') == []
    assert check_html('<div lang="ar"><a lang="de" title="بحث">x</a></div>')


def test_cyrillic_outside_ukrainian_and_screen_reader_text_are_checked():
    findings = check_html(
        '<html lang="uk"><body><span class="kern-sr-only">Sprache wählen: </span>'
        '<a href="/uk/">Українська</a></body></html>'
    )
    assert findings == []
    findings = check_html(
        '<html lang="fa"><body><span class="kern-sr-only">Sprache wählen für'
        "</span></body></html>"
    )
    assert [f.kind for f in findings] == ["german"]
    assert [f.kind for f in check_html('<p lang="en">Українська</p>')] == ["script"]


def test_other_languages_of_the_script_are_fine():
    assert not check_html('<p lang="ru">Русский</p><p lang="ps">پښتو</p>')


def test_addresses_are_no_words():
    assert not check_text(
        "http://127.0.0.1/uk/wie-kann-geholfen-werden/ info@die-seite.de", "uk"
    )
    assert check_text("http://127.0.0.1/uk/ und", "uk")


def test_whole_words_only():
    # "Dieser", "Standort", "Telefonnummer" are no words of the list; "die" is.
    assert not check_text("Dieser Standort, Telefonnummer", "ar")
    assert check_text("die", "fa")
    assert check_text("DIE", "uk")


def test_official_german_names_may_stay_in_a_translation():
    assert not check_text("مكتب Landesamt für Ausländerangelegenheiten", "ar")
    assert not check_text("Agentur\u00a0für\u00a0Arbeit و Jobcenter", "ar")
    # ... but not a German sentence around them.
    assert check_text("Die Agentur für Arbeit hilft", "ar")


def test_title_of_a_german_fallback_page_may_be_german():
    fallback = (
        '<html lang="ar"><head><title>Rechte – مكتب التنسيق</title></head>'
        '<body><h1 lang="de" dir="ltr">Rechte und Pflichten</h1></body></html>'
    )
    translated = (
        '<html lang="ar"><head><title>Rechte und Pflichten – مكتب</title></head>'
        "<body><h1>الحقوق</h1></body></html>"
    )

    assert not check_html(fallback)
    assert [(f.kind, f.where) for f in check_html(translated)] == [
        ("german", "title (German: und)")
    ]


# The demo site --------------------------------------------------------------


def _pages():
    for locale in LOCALES:
        for path in PAGE_TYPES:
            yield pytest.param(locale, path, id=f"{locale}:{path}")


@pytest.mark.browser
@pytest.mark.parametrize(("locale", "path"), list(_pages()))
def test_every_text_is_in_the_language_it_is_marked_with(demo_server, locale, path):
    url = localized(locale, path)
    status, html = demo_server.get(url)
    assert status == expected_status(path), f"{url}: HTTP {status}"

    findings = check_html(html)

    assert not findings, f"{url}:\n" + "\n".join(map(str, findings))


@pytest.mark.browser
def test_the_api_documentation_is_in_the_language_it_is_marked_with(demo_server):
    status, html = demo_server.get(API_DOCS)
    assert status == 200

    assert not check_html(html), "\n".join(map(str, check_html(html)))
