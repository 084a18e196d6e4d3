"""The editor's preview and Wagtail's checks, in the admin as an editor uses
them: the preview panel shows the page inside the admin (the admin's policy
allows framing by the admin itself, the public page keeps
``frame-ancestors 'none'``), and the "Überprüfungen" panel shows its figures
(word count, reading time, readability) and the result of its accessibility
check (axe), which runs inside the preview."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.admin_tasks import open_editor

pytestmark = pytest.mark.browser

OFFICE = "Koordinierungsstelle für Flüchtlinge"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"


def test_preview_shows_the_page_and_the_checks_show_their_figures(admin_page):
    page = admin_page(width=1280)
    open_editor(page, OFFICE)

    page.get_by_role("button", name="Vorschau umschalten").click()
    # Wagtail loads the preview into a second frame, then drops the first.
    frames = page.locator("[data-side-panel='preview'] iframe")
    expect(frames).to_have_count(1)
    heading = page.frame_locator("#w-preview-iframe").locator("h1").first
    expect(heading).to_have_text(OFFICE)

    page.get_by_role("button", name="Überprüfungen umschalten").click()
    checks = page.locator("[data-side-panel='checks']")
    # Filled in from the preview once axe and the content metrics have run.
    expect(checks).to_contain_text(re.compile(r"Wörter\s*\d+"))
    expect(checks).to_contain_text(re.compile(r"Probleme gefunden\s*\d+"))
    text = re.sub(r"\s+", " ", checks.inner_text())
    words = re.search(r"Wörter (\d+)", text)
    reading = re.search(r"Lesezeit (\d+) Min", text)
    readability = re.search(r"Lesbarkeit (\w+)", text)
    problems = re.search(r"Probleme gefunden (\d+)", text)
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "admin-preview-checks.png"))
    assert words and int(words.group(1)) > 100, text
    assert reading and int(reading.group(1)) >= 1, text
    assert readability, text
    # The demo's office page passes Wagtail's accessibility checks.
    assert problems and problems.group(1) == "0", text
