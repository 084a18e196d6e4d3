"""The editor's task: translate the office page into Ukrainian.

In the admin: "Übersetzen" on the German office page, tick Українська, type
the title in wagtail-localize's editor, publish; then a reader of /uk/ sees
the Ukrainian title under lang="uk". Before publishing, the reader still
sees the German page with its note (a draft does not pretend to be a
translation).
"""

import os
import tempfile
from pathlib import Path

import pytest

from tests.browser.conftest import _add_editor, _manage, _served_copy

pytestmark = pytest.mark.browser

SHOTS = Path(
    os.environ.get("BROWSER_SHOTS") or Path(tempfile.gettempdir()) / "browser-shots"
)
UKRAINIAN_TITLE = "Координаційний центр для біженців"
OFFICE_ID = {}

# The demo translates the office into every language: the copy forgets its
# Ukrainian translation, so that the editor translates it anew.
FORGET_UKRAINIAN_OFFICE = """
from pathlib import Path
from wagtail.models import Page
from pages.models import OfficePage
german = OfficePage.objects.get(locale__language_code="de")
german.get_translations().filter(locale__language_code="uk").delete()
Path({path!r}).write_text(str(german.pk))
"""


@pytest.fixture(scope="module")
def editor_server(tmp_path_factory, worker_id):
    def prepare(site):
        _add_editor(site)
        _manage(
            site,
            "shell",
            "-c",
            FORGET_UKRAINIAN_OFFICE.format(path=str(site / "office-id")),
        )
        OFFICE_ID["pk"] = int((site / "office-id").read_text())

    with _served_copy(tmp_path_factory, worker_id, prepare=prepare) as server:
        yield server


def shot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"translate-{name}.png"), full_page=True)


def test_editor_translates_the_office_page_into_ukrainian(admin_page, browser):
    page = admin_page()
    base = page.server.url
    office = OFFICE_ID["pk"]

    # The German office page: "⋯" (Aktionen) > "Diese Seite übersetzen".
    page.goto(f"{base}/admin/pages/{office}/edit/")
    actions = page.get_by_role("navigation", name="Actions")
    actions.get_by_role("button", name="Aktionen").click()
    page.get_by_role("link", name="Diese Seite übersetzen").click()
    page.get_by_label("Українська").check()
    shot(page, "1-submit")
    page.locator("main form [type=submit]").last.click()
    page.wait_for_selector(".js-translation-editor")
    page.wait_for_load_state("networkidle")
    shot(page, "2-editor")

    # Not translated yet: the reader sees the German page with the note.
    reader = browser.new_page()
    reader.goto(f"{base}/uk/koordinierungsstelle/")
    assert reader.locator("html").get_attribute("lang") == "uk"
    title = reader.locator("h1").first
    assert title.inner_text() == "Koordinierungsstelle für Flüchtlinge"
    assert title.get_attribute("lang") == "de"
    assert reader.get_by_text("Цієї сторінки ще немає вашою мовою").count() == 1
    shot(reader, "3-reader-before")

    # The title is the first string: "Übersetzen", type, "Speichern".
    page.get_by_role("button", name="Übersetzen", exact=True).first.click()
    page.locator(".js-translation-editor textarea").first.fill(UKRAINIAN_TITLE)
    shot(page, "4-typed")
    page.get_by_role("button", name="Speichern", exact=True).first.click()
    page.get_by_text("Von Hand übersetzt").first.wait_for()
    page.get_by_role("button", name="Veröffentlichen in Українська").click()
    page.wait_for_load_state("networkidle")
    shot(page, "5-published")

    reader.goto(f"{base}/uk/koordinierungsstelle/")
    shot(reader, "6-reader-after")
    title = reader.locator("h1").first
    assert title.inner_text() == UKRAINIAN_TITLE
    assert title.get_attribute("lang") is None
    assert reader.locator("html").get_attribute("lang") == "uk"
    assert reader.get_by_text("Цієї сторінки ще немає вашою мовою").count() == 0
    reader.close()
