"""The site as a person sees it: phone and desktop width, keyboard, no foreign hosts."""

from urllib.parse import urlsplit

import pytest

from tests.browser.demo_pages import LOCALES, PAGE_TYPES, expected_status, localized

pytestmark = pytest.mark.browser

PHONE, DESKTOP = 360, 1280
PAGES = [
    "/",
    "/koordinierungsstelle/",
    "/check-up-integration/",
    "/check-up-integration/massnahmen/",
    "/check-up-integration/massnahmen/7/",
    "/check-up-integration/massnahmen/7/rueckmeldung/",
    "/wie-kann-geholfen-werden/",
    "/ar/",
    "/ar/wie-kann-geholfen-werden/",
    "/fa/check-up-integration/massnahmen/7/",
    "/veranstaltungen/vergangene/",
    "/aktuelles/",
    "/suche/?q=Wohnungen",
    "/ar/suche/?q=Fluechtlinge",
    "/check-up-integration/massnahmen/7/handzettel/",
]


# The elements that stick out beyond the right (or, right to left, the left)
# edge, innermost first.
STICKING_OUT = """() => {
    const width = document.documentElement.clientWidth;
    return [...document.body.querySelectorAll('*')]
        .filter(el => {
            const box = el.getBoundingClientRect();
            return box.width > 0 && (box.right > width + 0.5 || box.left < -0.5);
        })
        .filter((el, _, all) => !all.some(other => other !== el && el.contains(other)))
        .slice(0, 5)
        .map(el => {
            const box = el.getBoundingClientRect();
            const cls = el.classList.length ? '.' + [...el.classList].join('.') : '';
            return `${el.tagName.toLowerCase()}${cls} (${Math.round(box.left)}..`
                + `${Math.round(box.right)})`;
        });
}"""


@pytest.mark.parametrize("path", PAGE_TYPES)
@pytest.mark.parametrize("locale", LOCALES)
def test_no_page_scrolls_sideways_at_320px(shared_page, visit, locale, path):
    url = localized(locale, path)
    page = visit(shared_page(320), url, status=expected_status(path))

    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )

    assert overflow <= 0, (
        f"{url} scrolls sideways by {overflow}px at 320px: "
        + ", ".join(page.evaluate(STICKING_OUT))
    )


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("width", [PHONE, DESKTOP])
def test_page_fits_the_screen_and_loads_only_from_this_host(
    open_page, demo_server, path, width
):
    page, requests = open_page(path, width)

    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at {width}px"
    assert page.locator("h1").first.is_visible()
    own_host = urlsplit(demo_server.url).netloc
    foreign = [url for url in requests if urlsplit(url).netloc not in {own_host, ""}]
    assert not foreign
    # The self-hosted fonts and KERN's stylesheet really load.
    font = page.evaluate("getComputedStyle(document.body).fontFamily")
    assert "Fira Sans" in font
    assert page.evaluate("document.fonts.check('16px \"Fira Sans\"')")


def test_phone_menu_opens_and_closes_with_the_menu_button(open_page):
    page, _ = open_page("/", PHONE)
    toggle = page.get_by_role("button", name="Menü")
    nav_link = page.locator("#site-nav-list").get_by_role("link", name="Helfen")

    assert toggle.is_visible()
    assert not nav_link.is_visible()
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    assert nav_link.is_visible()
    page.keyboard.press("Escape")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not nav_link.is_visible()


def test_desktop_shows_the_navigation_without_a_menu_button(open_page):
    page, _ = open_page("/", DESKTOP)

    assert not page.get_by_role("button", name="Menü").is_visible()
    nav = page.get_by_role("navigation", name="Hauptnavigation")
    assert nav.get_by_role("link", name="Check Up Integration").is_visible()


def test_navigation_works_without_javascript(browser, demo_server):
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": PHONE, "height": 800}
    )
    page = context.new_page()
    page.goto(demo_server.url + "/")

    # Folded behind "Menü", which is a plain link to the list here.
    page.get_by_role("link", name="Menü").click()
    link = page.locator("#site-nav-list").get_by_role("link", name="Helfen")
    assert link.is_visible()
    link.click()
    assert page.locator("h1").inner_text() == "Wie kann geholfen werden?"
    context.close()


def test_skip_link_is_the_first_stop_and_moves_focus_to_the_content(open_page):
    page, _ = open_page("/koordinierungsstelle/", PHONE)

    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Zum Inhalt springen"
    assert page.locator(".skip-link").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_failed_feedback_moves_focus_to_the_error_summary(open_page):
    page, _ = open_page("/check-up-integration/massnahmen/7/rueckmeldung/", PHONE)

    page.get_by_role("button", name="Rückmeldung senden").click()
    page.wait_for_load_state("networkidle")

    focused = page.evaluate("document.activeElement.id")
    assert focused == "fehler"
    assert page.get_by_text("Bitte schreiben Sie Ihre Rückmeldung.").first.is_visible()


@pytest.mark.parametrize("path", ["/", "/ar/wie-kann-geholfen-werden/"])
def test_keyboard_reaches_everything_in_order_with_a_visible_focus(open_page, path):
    page, _ = open_page(path, DESKTOP)
    seen = []
    for _ in range(40):
        page.keyboard.press("Tab")
        info = page.evaluate(
            """() => {
                const el = document.activeElement;
                if (!el || el === document.body) return null;
                const style = getComputedStyle(el);
                // KERN's stretched card links draw their focus ring on ::after.
                const after = getComputedStyle(el, '::after');
                const all = [...document.querySelectorAll('*')];
                return {
                    index: all.indexOf(el),
                    tag: el.tagName,
                    skipLink: el.classList.contains('skip-link'),
                    text: (el.textContent || '').trim().slice(0, 40),
                    visible: [style, after].some(
                        s => s.outlineStyle !== 'none' || s.boxShadow !== 'none'
                    ),
                };
            }"""
        )
        if info is None:
            break
        seen.append(info)

    assert seen[0]["skipLink"], "the skip link comes first"
    assert len(seen) >= 10
    invisible = [item for item in seen if not item["visible"]]
    assert not invisible, invisible
    order = [item["index"] for item in seen]
    assert order == sorted(order), "focus order does not follow the page order"


def test_language_switcher_works_without_javascript_and_keeps_the_page(
    browser, demo_server
):
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": PHONE, "height": 800}
    )
    page = context.new_page()
    page.goto(demo_server.url + "/koordinierungsstelle/")

    page.locator(".language-switcher__toggle").click()
    page.get_by_role("link", name="العربية").click()

    assert page.url == demo_server.url + "/ar/koordinierungsstelle/"
    assert page.locator("html").get_attribute("dir") == "rtl"
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    context.close()


# Every weight and style of text on the page, as the browser computes them.
TEXT_FACES = """() => {
    const faces = new Set();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const node = walker.currentNode;
        if (!node.textContent.trim()) continue;
        const style = getComputedStyle(node.parentElement);
        if (style.display === 'none' || style.visibility === 'hidden') continue;
        faces.add(`${style.fontWeight} ${style.fontStyle}`);
    }
    return [...faces].sort();
}"""


@pytest.mark.parametrize("path", ["/", "/koordinierungsstelle/", "/ar/", "/fa/"])
def test_text_uses_only_the_font_faces_the_site_loads(shared_page, visit, path):
    """Two weights per script (400, 600) and the italic: every other weight
    would be faked by the browser or fetched late, moving the text."""
    page = visit(shared_page(PHONE), path)

    faces = set(page.evaluate(TEXT_FACES))

    assert faces <= {"400 normal", "600 normal", "400 italic"}, faces
    # Nothing waits for a face that was not preloaded.
    loaded = page.evaluate(
        "() => [...document.fonts].filter(f => f.status === 'loaded')"
        ".map(f => f.weight).sort()"
    )
    assert set(loaded) <= {"400", "600"}, loaded
