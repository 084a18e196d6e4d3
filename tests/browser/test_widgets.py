"""Every interactive widget, opened on a phone (and a small tablet), in German
and in the two right-to-left languages: each item inside the screen, none on
top of another; Escape closes the language switcher and the menu and gives
focus back to the control that opened them."""

import io

import pytest
from PIL import Image

from tests.browser.demo_pages import localized
from tests.browser.geometry import layout_problems

pytestmark = pytest.mark.browser

WIDTHS = [320, 360, 414, 768]
LOCALES = ["de", "ar", "fa"]
# Accordions of the demo content (the help page's "Die Personengruppen im
# Einzelnen").
ACCORDION_PAGE = "/wie-kann-geholfen-werden/"
MEASURES = "/check-up-integration/massnahmen/"
FEEDBACK = "/check-up-integration/massnahmen/7/rueckmeldung/"
# What a reader reads or operates in a form; the honeypot and text for screen
# readers only are no items on the screen.
FORM_ITEMS = (
    ":is(label, input:not([type=hidden]), select, textarea, button, a, "
    ".kern-error, .kern-hint, .kern-alert .kern-title)"
    ":not(.kern-sr-only, .honeypot *)"
)
SWITCHER_ITEMS = ".language-switcher__toggle, .language-switcher__link"
MENU_ITEMS = ".site-nav__toggle, #site-nav-list a"


def fail_on(problems, what):
    assert not problems, f"{what}:\n" + "\n".join(problems)


def focused_class(page) -> str:
    return page.evaluate("document.activeElement && document.activeElement.className")


def at_every_width(function):
    function = pytest.mark.parametrize("width", WIDTHS)(function)
    return pytest.mark.parametrize("locale", LOCALES)(function)


# Language switcher -------------------------------------------------------------


def open_switcher(page):
    page.locator(".language-switcher__toggle").click()
    assert page.locator("details.language-switcher").evaluate("d => d.open")


@at_every_width
def test_open_language_switcher_fits_the_screen(open_page, locale, width):
    page, _ = open_page(localized(locale, "/"), width)

    open_switcher(page)

    fail_on(
        layout_problems(page, page.locator(SWITCHER_ITEMS), minimum=8),
        f"language switcher, {locale} at {width}px",
    )


@at_every_width
def test_escape_closes_the_language_switcher_and_returns_focus(
    open_page, locale, width
):
    page, _ = open_page(localized(locale, "/"), width)
    open_switcher(page)
    page.keyboard.press("Tab")
    assert "language-switcher__link" in focused_class(page)

    page.keyboard.press("Escape")

    assert not page.locator("details.language-switcher").evaluate("d => d.open")
    assert "language-switcher__toggle" in focused_class(page)


# Phone menu --------------------------------------------------------------------


def open_menu(page):
    toggle = page.locator(".site-nav__toggle")
    assert toggle.is_visible(), "the menu button shows below 992px"
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"


@at_every_width
def test_open_phone_menu_fits_the_screen(open_page, locale, width):
    page, _ = open_page(localized(locale, "/"), width)

    open_menu(page)

    fail_on(
        layout_problems(page, page.locator(MENU_ITEMS), minimum=4),
        f"phone menu, {locale} at {width}px",
    )


@at_every_width
def test_escape_closes_the_phone_menu_and_returns_focus(open_page, locale, width):
    page, _ = open_page(localized(locale, "/"), width)
    open_menu(page)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('#site-nav-list') !== null")

    page.keyboard.press("Escape")

    assert page.locator(".site-nav__toggle").get_attribute("aria-expanded") == "false"
    assert not page.locator("#site-nav-list a").first.is_visible()
    assert "site-nav__toggle" in focused_class(page)


# Accordions --------------------------------------------------------------------


@at_every_width
def test_open_accordions_fit_the_screen(open_page, locale, width):
    page, _ = open_page(localized(locale, ACCORDION_PAGE), width)
    summaries = page.locator("details.kern-accordion > summary")
    assert summaries.count() >= 2, "the demo's help page has accordions"

    for summary in summaries.all():
        summary.click()

    assert page.locator("details.kern-accordion:not([open])").count() == 0
    items = page.locator(
        "details.kern-accordion > summary, .kern-accordion__body > *, "
        ".kern-accordion__body a"
    )
    fail_on(
        layout_problems(page, items, minimum=2 * summaries.count()),
        f"accordions, {locale} at {width}px",
    )


# Forms ---------------------------------------------------------------------------


@at_every_width
def test_measure_filter_fits_the_screen(open_page, locale, width):
    page, _ = open_page(localized(locale, MEASURES), width)

    items = page.locator(f"form.filter-form {FORM_ITEMS}")
    fail_on(
        layout_problems(page, items, minimum=7),
        f"measure filter, {locale} at {width}px",
    )


@at_every_width
def test_measure_filter_with_an_error_fits_the_screen(open_page, locale, width):
    page, _ = open_page(
        localized(locale, MEASURES + "?handlungsfeld=mond"), width, status=400
    )
    assert page.locator("form.filter-form .kern-error").first.is_visible()

    items = page.locator(f"form.filter-form {FORM_ITEMS}")
    fail_on(
        layout_problems(page, items, minimum=9),
        f"measure filter with an error, {locale} at {width}px",
    )


@at_every_width
def test_feedback_form_with_errors_fits_the_screen(open_page, locale, width):
    page, _ = open_page(localized(locale, FEEDBACK), width)

    page.locator("form.feedback-form button[type=submit]").click()
    page.wait_for_load_state("networkidle")

    assert page.locator(".form-error-summary").is_visible()
    items = page.locator(f"form.feedback-form {FORM_ITEMS}")
    fail_on(
        layout_problems(page, items, minimum=12),
        f"feedback form with errors, {locale} at {width}px",
    )


# The checks can fail -------------------------------------------------------------


def test_layout_check_catches_an_item_off_screen_and_items_on_top_of_each_other(
    open_page,
):
    # The site's CSP (rightly) blocks inline styles.
    page, _ = open_page("/", 360, bypass_csp=True)
    open_menu(page)
    items = page.locator(MENU_ITEMS)
    before = layout_problems(page, items)

    # One link pushed beyond the right edge, another laid over the first link.
    first = page.locator("#site-nav-list a").first.bounding_box()
    page.add_style_tag(
        content=f"""
        #site-nav-list li:nth-child(2) a {{ transform: translateX(2000px); }}
        #site-nav-list li:nth-child(3) a {{
            position: fixed; left: {first["x"]}px; top: {first["y"]}px;
            width: {first["width"]}px; height: {first["height"]}px;
        }}
        """
    )
    after = layout_problems(page, items)

    new = [problem for problem in after if problem not in before]
    assert any("outside the screen" in problem for problem in new), after
    assert any("overlap" in problem for problem in new), after
    # Too few items to see is a problem too.
    page.add_style_tag(content="#site-nav-list { display: none !important; }")
    assert any("visible items" in p for p in layout_problems(page, items, minimum=4))


def test_phone_menu_opens_without_javascript(open_page):
    # (No smooth scrolling to the list: its boxes are measured at rest.)
    page, _ = open_page("/", 360, java_script_enabled=False, reduced_motion="reduce")
    items = page.locator("#site-nav-list a")
    assert not items.first.is_visible(), "folded from the first paint"

    page.locator(".site-nav__toggle").click()

    assert items.first.is_visible()
    fail_on(
        layout_problems(page, page.locator(MENU_ITEMS), minimum=4),
        "phone menu without JavaScript",
    )


# Layout shifts of the whole load, as the browser records them.
LAYOUT_SHIFT = """() => new Promise(resolve => {
    new PerformanceObserver(list => resolve(
        list.getEntries().filter(e => !e.hadRecentInput)
            .map(e => [e.value, e.sources.map(s => s.node && s.node.className)])
    )).observe({type: 'layout-shift', buffered: true});
    setTimeout(() => resolve([]), 500);
})"""


@pytest.mark.parametrize("locale", ["de", "ar", "fa"])
@pytest.mark.parametrize("path", ["/", "/check-up-integration/massnahmen/7/"])
def test_nothing_moves_while_a_phone_page_loads(open_page, locale, path):
    """The menu is folded and the fonts are there before the first paint:
    the script and the fonts arriving move nothing (Lighthouse: CLS 0)."""
    page, _ = open_page(localized(locale, path), 360)
    page.wait_for_load_state("load")
    page.evaluate("document.fonts.ready")

    shifts = page.evaluate(LAYOUT_SHIFT)
    # Sub-pixel moves (the menu link becoming a button) are no visible shift;
    # the menu unfolding before the script, or a late font, scores 0.2.
    assert sum(value for value, _sources in shifts) < 0.001, shifts


@pytest.mark.parametrize("locale", ["ar", "fa"])
def test_a_ticked_checkbox_shows_the_same_tick_right_to_left(open_page, locale):
    """rtlcss mirrors KERN's tick into a "V" pushed out of its box; the site's
    stylesheet keeps it the tick it is: the box looks the same, pixel for pixel."""
    path = "/benachrichtigungen/?thema=sheet&auswahl=7"
    ticked = "input.kern-form-check__checkbox:checked"
    german, _ = open_page(localized("de", path), 360)
    mirrored, _ = open_page(localized(locale, path), 360)

    assert mirrored.locator(ticked).count() == 1
    expected = tick_centre(german.locator(ticked).screenshot(animations="disabled"))
    found = tick_centre(mirrored.locator(ticked).screenshot(animations="disabled"))
    # The same place inside the box, give or take anti-aliasing.
    assert abs(found[0] - expected[0]) <= 1.5, (found, expected)
    assert abs(found[1] - expected[1]) <= 1.5, (found, expected)


def tick_centre(png: bytes) -> tuple[float, float]:
    """Centre of the dark pixels inside the box's border (the tick)."""
    image = Image.open(io.BytesIO(png)).convert("L")
    inner = image.crop((4, 4, image.width - 4, image.height - 4))
    dark = [
        (index % inner.width, index // inner.width)
        for index, value in enumerate(inner.get_flattened_data())
        if value < 128
    ]
    assert dark, "no tick inside the box"
    return (
        sum(x for x, _y in dark) / len(dark),
        sum(y for _x, y in dark) / len(dark),
    )
