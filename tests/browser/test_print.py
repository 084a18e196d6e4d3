"""Printing: every page type prints its content without the site chrome;
handouts fit on one A4 page."""

import io
import re
import unicodedata

import pytest
from pypdf import PdfReader

pytestmark = pytest.mark.browser

ARABIC_SCRIPT = re.compile("[\u0600-\u06ff]")

PAGES = [
    "/",
    "/koordinierungsstelle/",
    "/check-up-integration/",
    "/check-up-integration/massnahmen/",
    "/check-up-integration/massnahmen/7/",
    "/fluechtlinge-in-flensburg/",
    "/fluechtlinge-in-flensburg/lage-und-fakten/",
    "/informationsangebote-des-landes/",
    "/wie-kann-geholfen-werden/",
    "/ar/koordinierungsstelle/",
]
HANDOUTS = [
    "/check-up-integration/massnahmen/7/handzettel/",
    "/fluechtlinge-in-flensburg/lage-und-fakten/handzettel/",
    "/ar/check-up-integration/massnahmen/7/handzettel/",
]


@pytest.fixture
def print_page(browser, demo_server):
    context = browser.new_context()
    page = context.new_page()

    def _print(path):
        response = page.goto(demo_server.url + path, wait_until="networkidle")
        assert response.status == 200
        heading = page.locator("h1").first.inner_text()
        pdf = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=False)))
        # NFKC: Fira Sans sets "fl" and "fi" as ligatures.
        text = unicodedata.normalize(
            "NFKC", "\n".join(sheet.extract_text() for sheet in pdf.pages)
        )
        return heading, pdf, text

    yield _print
    context.close()


# What a printout must not show (site chrome and forms), and must show.
HIDDEN_IN_PRINT = [
    ".site-search",
    ".language-switcher",
    ".site-nav",
    ".site-footer",
    ".breadcrumbs",
    ".skip-link",
]


@pytest.mark.parametrize("path", PAGES)
def test_page_prints_its_content_without_navigation(print_page, browser, path):
    heading, pdf, text = print_page(path)

    squeezed = " ".join(text.split())
    if not ARABIC_SCRIPT.search(heading):
        # PDF text of Arabic script comes out as shaped glyphs, not letters;
        # the print layout itself is checked below for every page.
        assert " ".join(heading.split())[:20] in squeezed
    assert "Zum Inhalt springen" not in squeezed
    assert "Sprache wählen" not in squeezed
    assert len(pdf.pages) <= 12
    if path.endswith("/koordinierungsstelle/"):
        assert len(pdf.pages) <= 2, "the office page prints on two A4 pages"


@pytest.mark.parametrize(
    "path", ["/koordinierungsstelle/", "/ar/koordinierungsstelle/"]
)
def test_print_shows_title_content_date_and_address_only(browser, demo_server, path):
    context = browser.new_context()
    page = context.new_page()
    page.goto(demo_server.url + path, wait_until="load")
    page.emulate_media(media="print")

    assert page.locator("h1").first.is_visible()
    assert page.locator(".page-body").first.is_visible()
    assert page.locator(".page-meta").first.is_visible()
    address = page.locator(".site-print-url")
    assert address.is_visible()
    assert path in address.inner_text()
    for selector in HIDDEN_IN_PRINT:
        shown = [
            element for element in page.locator(selector).all() if element.is_visible()
        ]
        assert not shown, f"{selector} is printed on {path}"
    context.close()


@pytest.mark.parametrize("path", HANDOUTS)
def test_handout_fits_on_one_page_with_its_address(print_page, demo_server, path):
    heading, pdf, text = print_page(path)

    assert len(pdf.pages) == 1
    squeezed = "".join(text.split())
    address = demo_server.url + path.removesuffix("handzettel/")
    assert address in squeezed
    assert "Handzetteldrucken" not in squeezed
