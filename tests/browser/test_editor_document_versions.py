"""The editor's task: a new version of a measure sheet's working paper.

On measure sheet no. 3 in the admin she adds a version (uploads a PDF),
publishes the sheet; readers then get the new file at the paper's stable
address and the earlier one from the sheet's history. The sheet with two
versions fits a 360 px phone in German and Arabic.
"""

import shutil
from pathlib import Path

import pytest

from demo.placeholders import PAPERS_DIR

pytestmark = pytest.mark.browser

SHEET = "/check-up-integration/massnahmen/3/"
OLD_PAPER = PAPERS_DIR / "massnahme-03.pdf"
NEW_PAPER = PAPERS_DIR / "massnahme-22.pdf"  # any other real PDF


def download(page, link) -> bytes:
    with page.expect_download() as event:
        link.click()
    return Path(event.value.path()).read_bytes()


def test_new_version_replaces_the_paper_and_keeps_the_old_one(admin_page, tmp_path):
    page = admin_page()
    base = page.server.url
    upload = tmp_path / "steckbrief-3-fassung-2.pdf"
    shutil.copyfile(NEW_PAPER, upload)

    # Check Up Integration -> Maßnahmensteckbriefe -> sheet no. 3.
    page.goto(f"{base}/admin/snippets/integration_checkup/measuresheet/")
    page.get_by_role("link", name="3", exact=True).click()
    page.locator("#id_paper_versions-ADD").click()  # "Fassung hinzufügen"
    index = int(page.locator("#id_paper_versions-TOTAL_FORMS").input_value()) - 1
    new_form = page.locator(f"#inline_child_paper_versions-{index}")
    new_form.get_by_role("button", name="Dokument auswählen").click()
    modal = page.locator(".modal-dialog")
    modal.get_by_role("tab", name="Hochladen").click()
    modal.locator("input[type=file]").set_input_files(str(upload))
    modal.locator("input[name='document-chooser-upload-title']").fill(
        "Steckbrief 3, Fassung 2"
    )
    modal.get_by_role("button", name="Hochladen").click()
    new_form.get_by_text("Steckbrief 3, Fassung 2").wait_for()
    new_form.locator("input[name$='-note']").fill("Neue Zahlen für 2026")
    page.get_by_role("button", name="Weitere Aktionen").click()
    page.get_by_role("button", name="Veröffentlichen").click()
    page.locator(".messages .success").wait_for()

    reader = page.context.browser.new_context(accept_downloads=True)
    try:
        reader.set_default_timeout(10_000)
        public = reader.new_page()
        public.goto(base + SHEET)
        history = public.locator("#fruehere-fassungen + ol")
        assert download(public, history.get_by_role("link", name="Fassung 1")) == (
            OLD_PAPER.read_bytes()
        )
        stable = public.locator(f"a[href='{SHEET}arbeitspapier/']")
        assert download(public, stable) == NEW_PAPER.read_bytes()
        assert "Neue Zahlen für 2026" in public.locator("main").inner_text()

        # The sheet with its versions fits a phone, in German and Arabic.
        for language, path in (("de", SHEET), ("ar", "/ar" + SHEET)):
            phone = reader.new_page()
            phone.set_viewport_size({"width": 360, "height": 800})
            phone.goto(base + path)
            phone.locator("#arbeitspapier").scroll_into_view_if_needed()
            phone.screenshot(
                path=str(tmp_path / f"sheet-{language}.png"), full_page=True
            )
            width = phone.evaluate("document.documentElement.scrollWidth")
            assert width <= 360, (language, width)
            phone.close()
    finally:
        reader.close()
