"""The translation editor of wagtail-localize speaks German to the editor:
its PO-file actions come from the project's catalogue, and the heading its
script writes in English ("Deutsch to Українська translation") is renamed
(static/js/admin-translation-heading.js)."""

import re

from django.conf import settings

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

OFFICE_UK = "Координаційний центр для біженців"


def test_translation_editor_in_german(admin_page):
    page = admin_page(width=1280)
    admin = f"{page.server.url}/{settings.ADMIN_URL_PATH}"
    page.goto(f"{admin}pages/search/?q=Координаційний")
    page.get_by_role("link", name=OFFICE_UK, exact=True).first.click()
    page.wait_for_url(re.compile(r".*/pages/\d+/edit/$"))

    editor = page.locator("main")
    expect(editor).to_contain_text("Übersetzung Deutsch → Українська")
    expect(editor).to_contain_text("PO-Datei herunterladen")
    text = editor.inner_text()
    assert " to Українська translation" not in text
    assert "Lade PO Datei" not in text
    # The note under each string carries no English date ("am 4 December 2026").
    assert not re.search(r"\d+ [A-Z][a-z]+ \d{4}", text)
