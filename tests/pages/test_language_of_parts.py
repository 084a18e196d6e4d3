"""Language of parts (WCAG 3.1.2) on a German page shown as a fallback: its
own text is German, the site's words around it are the reader's."""

import datetime
from html.parser import HTMLParser

import pytest

from core.bootstrap import content_locales
from core.formatting import format_date, localize_digits
from tests.factories import NewsIndexPageFactory, NewsPageFactory, OfficePageFactory

pytestmark = pytest.mark.django_db

VOID = {"br", "hr", "img", "input", "link", "meta", "source", "wbr"}


class LanguageOfText(HTMLParser):
    """Each text of a page with the language it is marked with."""

    def __init__(self):
        super().__init__()
        self.stack: list[tuple[str, str]] = []
        self.texts: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        inherited = self.stack[-1][1] if self.stack else ""
        self.stack.append((tag, dict(attrs).get("lang") or inherited))

    def handle_endtag(self, tag):
        while self.stack and self.stack.pop()[0] != tag:
            pass

    def handle_data(self, data):
        # A <title> cannot mark parts of itself; scripts are not read.
        if self.stack and self.stack[-1][0] in {"script", "style", "title"}:
            return
        if data.strip() and self.stack:
            self.texts.append((data.strip(), self.stack[-1][1]))


def languages_of(html: str, text: str) -> set[str]:
    parser = LanguageOfText()
    parser.feed(html)
    found = {lang for shown, lang in parser.texts if text in shown}
    assert found, f"{text!r} is not on the page"
    return found


@pytest.fixture
def office(home):
    content_locales()
    return OfficePageFactory(
        parent=home,
        slug="koordinierungsstelle",
        title="Büro am Hafen",
        intro="Wir beraten Geflüchtete.",
        last_reviewed=datetime.date(2026, 11, 25),
    )


def test_fallback_page_marks_its_text_german_and_the_interface_arabic(client, office):
    html = client.get("/ar/koordinierungsstelle/").content.decode()

    assert languages_of(html, "Büro am Hafen") == {"de"}
    assert languages_of(html, "Wir beraten Geflüchtete.") == {"de"}
    # The review date and its label are the site's words, in Arabic.
    date = format_date(office.last_reviewed, "ar")
    assert languages_of(html, date) == {"ar"}


def test_news_dates_are_not_marked_german_on_a_fallback_list(client, home):
    content_locales()
    index = NewsIndexPageFactory(parent=home, slug="aktuelles", title="Aktuelles")
    NewsPageFactory(
        parent=index,
        title="Drittes Forum",
        date=datetime.date(2017, 11, 1),
    )

    html = client.get("/fa/aktuelles/").content.decode()

    assert languages_of(html, "Drittes Forum") == {"de"}
    persian = localize_digits("1", "fa")
    assert persian == "۱"
    assert languages_of(html, format_date(datetime.date(2017, 11, 1), "fa")) == {"fa"}


def test_menu_entry_of_an_untranslated_page_is_marked_german(client, office):
    html = client.get("/uk/").content.decode()

    assert 'href="/uk/koordinierungsstelle/" lang="de" dir="ltr"' in html
