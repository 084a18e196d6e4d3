"""„Wer ist zuständig?“ as readers use it: from the home page on a phone, in
Arabic, to the housing contact for asylum seekers, with touch and with the
keyboard only; answers and result inside the screen; axe finds nothing."""

import pytest

from tests.browser.geometry import layout_problems
from tests.browser.test_accessibility import AXE, AXE_TAGS, report

pytestmark = pytest.mark.browser

BASE = "/wer-ist-zustaendig/"
STEPS = ["", "asylbewerber/", "asylbewerber/wohnen/"]
OFFICE_PHONE = "0461 85-1653"


def localized(locale: str, path: str) -> str:
    return path if locale == "de" else f"/{locale}{path}"


def test_from_the_arabic_home_page_to_the_housing_contact_with_taps(open_page):
    page, _requests = open_page("/ar/", 360, height=640)

    top = page.locator(".home-hero__top-link")
    box = top.bounding_box()
    assert box["y"] + box["height"] <= 640, "the finder is not on the first screen"
    top.click()
    page.wait_for_url(f"**/ar{BASE}")
    page.get_by_role("link", name="طالب أو طالبة لجوء").click()
    page.wait_for_url(f"**/ar{BASE}asylbewerber/")
    page.get_by_role("link", name="السكن").click()
    page.wait_for_url(f"**/ar{BASE}asylbewerber/wohnen/")

    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("#finder-result-heading").inner_text() == (
        "السكن أثناء إجراءات اللجوء"
    )
    phone = page.locator(".finder-result__contacts a[href^='tel:']").first
    phone.scroll_into_view_if_needed()
    assert phone.is_visible()
    assert phone.inner_text().strip().startswith(OFFICE_PHONE)


def _tab_to(page, name: str, limit: int = 80) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.innerText || ''").strip()
        if focused.startswith(name):
            return
    raise AssertionError(f"{name!r} not reached with the Tab key")


def test_the_same_path_with_the_keyboard_only(open_page):
    page, _requests = open_page("/ar/", 360, height=640)

    _tab_to(page, "من المسؤول؟")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/ar{BASE}")
    _tab_to(page, "طالب أو طالبة لجوء")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/ar{BASE}asylbewerber/")
    _tab_to(page, "السكن")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/ar{BASE}asylbewerber/wohnen/")
    _tab_to(page, OFFICE_PHONE)

    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused.startswith("tel:")


@pytest.mark.parametrize("width", [320, 360, 414, 768])
@pytest.mark.parametrize("locale", ["de", "ar", "fa"])
def test_answers_and_result_fit_the_screen(shared_page, visit, locale, width):
    page = shared_page(width)
    problems = []
    for step in STEPS[:2]:
        visit(page, localized(locale, BASE + step))
        problems += layout_problems(
            page, page.locator(".finder-answers__link"), minimum=3
        )
    visit(page, localized(locale, BASE + STEPS[2]))
    problems += layout_problems(
        page,
        page.locator(
            ".finder-summary__item, .finder-result__contacts > li, "
            ".finder-result__pages a, .finder-nav a"
        ),
        minimum=4,
    )
    for card in page.locator(".finder-result__contacts > li").all():
        problems += layout_problems(page, card.locator("a, p, address"), minimum=2)

    assert not problems, "\n".join(problems)


@pytest.fixture
def axe_page(shared_page):
    assert AXE.exists(), "npm ci installs axe-core"
    return lambda width: shared_page(width, height=900, bypass_csp=True)


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("locale", ["de", "ar"])
def test_no_axe_violations_on_the_question_path(axe_page, visit, locale, width):
    page = axe_page(width)
    found = {}
    for step in STEPS:
        url = localized(locale, BASE + step)
        visit(page, url)
        page.add_script_tag(path=str(AXE))
        result = page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})",
            AXE_TAGS,
        )
        if violations := [
            {
                "id": violation["id"],
                "impact": violation["impact"],
                "nodes": [node["target"][0] for node in violation["nodes"]],
            }
            for violation in result["violations"]
        ]:
            found[url] = violations

    assert not found, report(found)


@pytest.mark.parametrize("locale", ["de", "de-x-ls", "en", "ar", "uk", "fa", "tr"])
def test_every_part_is_marked_with_its_language(demo_server, locale):
    """German fallback (no translation yet: uk, fa, tr, Leichte Sprache) and
    the translated pages' links to pages in the reader's language."""
    from tests.browser.language_of_parts import check_html

    findings = []
    for step in [*STEPS, "transit/sprache/"]:
        status, html = demo_server.get(localized(locale, BASE + step))
        assert status == 200
        findings += [
            f"{step}: {f.kind} {f.lang} {f.text[:60]}" for f in check_html(html)
        ]

    assert not findings, "\n".join(findings)
