"""Save-Data (caching/save_data.py): a visitor whose browser asks for less
data gets pages without web fonts, in the system font stack; everyone else
gets the fonts. The two are separate entries of the whole-page cache, and the
HTML says ``Vary: Save-Data``."""

import http.client
from urllib.parse import urlsplit

import pytest

from tests.browser.weight import record

pytestmark = pytest.mark.browser

SAVE_DATA = {"Save-Data": "on"}
# What each language's first view preloads (templates/components/fonts.html).
WEB_FONT = {"de": '"Fira Sans"', "ar": '"Noto Sans Arabic"'}


def fetch(server, path, headers):
    """(headers, body) of a GET as a plain client sends it."""
    parts = urlsplit(server.url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        body = response.read().decode()
        assert response.status == 200, path
        return {k.lower(): v for k, v in response.getheaders()}, body
    finally:
        connection.close()


@pytest.fixture
def phone(browser, demo_server):
    """``phone(path, save_data)``: the page loaded at 360 px until the network
    is idle, and what it loaded (tests/browser/weight.py)."""
    contexts = []

    def _open(path, save_data):
        context = browser.new_context(
            viewport={"width": 360, "height": 740},
            is_mobile=True,
            extra_http_headers=SAVE_DATA if save_data else None,
        )
        contexts.append(context)
        page = context.new_page()
        weight = record(page)
        response = page.goto(demo_server.url + path, wait_until="networkidle")
        weight.settle(page)
        assert response.status == 200
        assert "save-data" in response.headers.get("vary", "").lower()
        return page, weight

    yield _open
    for context in contexts:
        context.close()


def font_links(page) -> list[str]:
    return page.eval_on_selector_all(
        'link[as="font"], link[rel="stylesheet"][href*="/fonts/"]',
        "links => links.map(link => link.getAttribute('href'))",
    )


@pytest.mark.parametrize(("locale", "path"), [("de", "/"), ("ar", "/ar/")])
def test_with_save_data_the_page_loads_no_web_font(phone, locale, path):
    page, weight = phone(path, save_data=True)

    assert not weight.of("font"), weight.describe()
    assert font_links(page) == []
    # The text is there, in the system's fonts named after the web fonts.
    assert page.locator("main h1").first.is_visible()
    family = page.eval_on_selector("main", "e => getComputedStyle(e).fontFamily")
    assert family.startswith(WEB_FONT[locale]) and "system-ui" in family, family
    assert page.evaluate("document.fonts.size") == 0


@pytest.mark.parametrize(("locale", "path"), [("de", "/"), ("ar", "/ar/")])
def test_without_save_data_the_web_fonts_load(phone, locale, path):
    page, weight = phone(path, save_data=False)

    assert len(weight.of("font")) >= 2, weight.describe()
    assert font_links(page)
    assert page.evaluate(f"document.fonts.check('16px {WEB_FONT[locale]}')")
    loaded = page.evaluate(
        "[...document.fonts].filter(f => f.status === 'loaded').map(f => f.family)"
    )
    assert WEB_FONT[locale].strip('"') in loaded


def test_the_page_cache_keeps_the_two_variants_apart(demo_server):
    path = "/koordinierungsstelle/"
    plain = {"Accept-Language": "de"}
    lean = plain | SAVE_DATA
    # Whatever came first, after two requests each variant is in the cache.
    for headers in (plain, lean, plain, lean):
        fetch(demo_server, path, headers)

    plain_headers, plain_body = fetch(demo_server, path, plain)
    lean_headers, lean_body = fetch(demo_server, path, lean)

    assert plain_headers["x-cache"] == lean_headers["x-cache"] == "HIT"
    assert "/fonts/" in plain_body
    assert "/fonts/" not in lean_body
    for headers in (plain_headers, lean_headers):
        assert "save-data" in headers["vary"].lower()
