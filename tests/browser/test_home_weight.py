"""Issue 18's budget: every language's home page, opened on a phone 360 CSS
pixels wide with an empty cache, transfers at most 150 kB at load (HTML, CSS,
JS, fonts, images; 1 kB = 1000 bytes), counted as a production server sends
it (tests/browser/weight.py). bench/locale_weight.py measures the same
against a running site for the README."""

import pytest

from bench.locale_weight import BUDGET_KB, HEIGHT, WIDTH
from tests.browser.demo_pages import LOCALES, locale_prefix
from tests.browser.weight import record

pytestmark = pytest.mark.browser

BUDGET = BUDGET_KB * 1000


@pytest.mark.parametrize("locale", LOCALES)
def test_home_page_at_360_px_stays_within_the_budget(browser, demo_server, locale):
    context = browser.new_context(
        viewport={"width": WIDTH, "height": HEIGHT},
        device_scale_factor=2,  # a phone's screen: images may pick larger files
        is_mobile=True,
        has_touch=True,
    )
    try:
        page = context.new_page()
        weight = record(page)
        path = locale_prefix(locale) + "/"
        response = page.goto(demo_server.url + path, wait_until="networkidle")
        weight.settle(page)
        assert response.status == 200
        assert page.evaluate("document.documentElement.lang") == locale

        # The measurement saw the whole page: its HTML, styles, script, fonts.
        kinds = {item.kind for item in weight.loaded}
        assert {"document", "stylesheet", "script", "font"} <= kinds, kinds
        assert weight.total <= BUDGET, (
            f"{path}: {weight.total:,} bytes at load, budget {BUDGET:,}:\n"
            + weight.describe()
        )
    finally:
        context.close()
