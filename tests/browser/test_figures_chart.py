"""The charts of "Lage in Zahlen" as readers meet them: inside the screen at
every width, points reachable with the Tab key with a visible focus and a
name, table, sources and licence on the page, mirrored on right-to-left
pages, readable in print, and no axe violations."""

import re

import pytest

from tests.browser.demo_pages import localized
from tests.browser.geometry import layout_problems
from tests.browser.test_accessibility import axe_violations, report

pytestmark = pytest.mark.browser

WIDTHS = [320, 360, 414, 768, 1280]
LOCALES = ["de", "ar", "fa"]
FACTS_PAGE = "/fluechtlinge-in-flensburg/lage-und-fakten/"
DIGIT = re.compile(r"[0-9\u06f0-\u06f9]")


@pytest.fixture(scope="session")
def chart_paths(demo_server):
    """The demo's figures pages (from the list /zahlen/) and the page "Lage
    und Fakten" where it shows a chart."""
    status, body = demo_server.get("/zahlen/")
    assert status == 200, "/zahlen/ answers"
    details = sorted(set(re.findall(r'href="(/zahlen/[a-z0-9-]+/)"', body)))
    assert details, "the demo has indicators with pages under /zahlen/"
    paths = details[:3]
    status, body = demo_server.get(FACTS_PAGE)
    if status == 200 and "figure-chart" in body:
        paths.append(FACTS_PAGE)
    return paths


def _no_sideways_scroll(page) -> bool:
    return page.evaluate(
        "() => document.documentElement.scrollWidth"
        " <= document.documentElement.clientWidth"
    )


# Elements of the chart that stick out of the screen and are not inside a
# scrolling box (the table scrolls inside its own box on narrow screens).
OUTSIDE = """root => {
    const width = document.documentElement.clientWidth;
    const out = [];
    for (const el of root.querySelectorAll('*')) {
        const box = el.getBoundingClientRect();
        if (box.width === 0 || (box.left >= -0.5 && box.right <= width + 0.5)) continue;
        let parent = el.parentElement, scrolls = false;
        while (parent && parent !== root.parentElement) {
            if (getComputedStyle(parent).overflowX !== 'visible') { scrolls = true; break; }
            parent = parent.parentElement;
        }
        if (!scrolls) out.push(`${el.tagName} ${el.getAttribute('class') || ''}`);
    }
    return out;
}"""


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("width", WIDTHS)
def test_charts_fit_the_screen_with_table_source_and_licence(
    shared_page, visit, chart_paths, width, locale
):
    page = shared_page(width)
    for path in chart_paths:
        visit(page, localized(locale, path))
        chart = page.locator(".figure-chart").first
        chart.wait_for()
        outside = chart.evaluate(OUTSIDE)
        assert not outside, f"{locale} {path} at {width}px: {outside[:5]}"
        problems = layout_problems(
            page,
            page.locator(
                ".figure-chart__svg, .figure-chart__legend li, "
                ".figure-chart__sources a, .figure-chart__downloads a"
            ),
            minimum=3,
        )
        assert not problems, f"{locale} {path} at {width}px: " + "; ".join(problems)
        assert chart.locator("table caption").count() == 1
        assert chart.locator("table th[scope=row]").count() >= 1
        sources = chart.locator(".figure-chart__sources")
        assert sources.is_visible()
        assert re.search(r"Lizenz|licen|ترخيص|مجوز", sources.inner_text(), re.I)
        assert sources.locator("a").count() >= 1


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("width", [320, 360])
def test_chart_pages_do_not_scroll_sideways(
    shared_page, visit, chart_paths, width, locale
):
    page = shared_page(width)
    for path in chart_paths:
        visit(page, localized(locale, path))
        assert _no_sideways_scroll(page), (
            f"{locale} {path} scrolls sideways at {width}px"
        )


def _tab_to_first_point(page, limit=120):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(
            "() => document.activeElement.classList.contains('figure-chart__point')"
        ):
            return page.evaluate_handle("() => document.activeElement")
    pytest.fail("no chart point reached with the Tab key")


FOCUS_STATE = """el => {
    const ring = el.querySelector('.figure-chart__ring');
    const tip = el.querySelector('.figure-chart__tip');
    const box = el.getBoundingClientRect();
    return {
        name: el.getAttribute('aria-label'),
        ring: ring ? getComputedStyle(ring).visibility : 'none',
        ringWidth: ring ? parseFloat(getComputedStyle(ring).strokeWidth) : 0,
        tip: tip ? getComputedStyle(tip).visibility : 'none',
        x: box.x + box.width / 2,
        inside: box.left >= 0 && box.right <= window.innerWidth,
    };
}"""


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("width", WIDTHS)
def test_points_are_reached_by_tab_with_visible_focus_and_a_name(
    shared_page, visit, chart_paths, locale, width
):
    page = shared_page(width)
    visit(page, localized(locale, chart_paths[0]))
    first = _tab_to_first_point(page).evaluate(FOCUS_STATE)
    assert first["name"] and DIGIT.search(first["name"]), first
    assert first["ring"] == "visible" and first["ringWidth"] >= 2, first
    assert first["tip"] == "visible", "the value shows at the focused point"
    assert first["inside"], first
    page.keyboard.press("Tab")
    second = page.evaluate_handle("() => document.activeElement").evaluate(FOCUS_STATE)
    assert second["name"] != first["name"]
    if second["name"].split(":")[0] != first["name"].split(":")[0]:
        return  # another series (a chart of one period)
    # Time runs left to right, right to left on Arabic and Farsi pages.
    if locale in ("ar", "fa"):
        assert second["x"] < first["x"], (first, second)
    else:
        assert second["x"] > first["x"], (first, second)


@pytest.mark.parametrize("locale", ["de", "ar"])
@pytest.mark.parametrize("width", [360, 1280])
def test_chart_pages_have_no_axe_violations(
    shared_page, visit, chart_paths, locale, width
):
    page = shared_page(width, height=900, bypass_csp=True)
    found = {}
    for path in ["/zahlen/", *chart_paths]:
        url = localized(locale, path)
        visit(page, url)
        if violations := axe_violations(page):
            found[url] = violations
    assert not found, f"{locale} at {width}px:\n" + report(found)


def test_chart_and_table_print(shared_page, visit, chart_paths):
    """Chart, table (a folded one unfolds: ``::details-content``), sources in
    print; the download links stay on the screen."""
    page = shared_page(800)
    for path in chart_paths:
        visit(page, path)
        page.emulate_media(media="print")
        try:
            chart = page.locator(".figure-chart").first
            assert chart.locator(".figure-chart__svg").is_visible()
            assert chart.locator("table").is_visible(), f"{path}: the table prints"
            assert chart.locator(".figure-chart__sources").is_visible()
            assert not chart.locator(".figure-chart__downloads").is_visible()
        finally:
            page.emulate_media(media="screen")


def test_the_chart_stylesheet_loads_under_the_csp(open_page, chart_paths):
    """No inline style: the CSP would block it, and the chart would lose its
    colours; the stylesheet is the site's own."""
    messages = []
    page, requests = open_page(chart_paths[0], 360)
    page.on("console", lambda message: messages.append(message.text))
    page.reload(wait_until="networkidle")
    assert any(url.endswith(".css") and "figures" in url for url in requests)
    assert not [m for m in messages if "Content Security Policy" in m], messages
    stroke = page.locator(".figure-chart__line, .figure-chart__bar").first.evaluate(
        "el => getComputedStyle(el).stroke"
    )
    assert stroke not in ("none", ""), "the series colour comes from figures.css"
