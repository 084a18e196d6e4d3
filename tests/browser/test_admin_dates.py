"""An editor types German dates into the admin's date pickers: a page's
"Stand" and an event's start and end are stored as typed (read back after
reloading the edit view); a date that cannot be read stays in the field with
a German error instead of turning into today."""

import pytest
from playwright.sync_api import expect

from tests.browser.admin_tasks import open_editor

pytestmark = pytest.mark.browser

OFFICE = "Koordinierungsstelle für Flüchtlinge"
FORUM = "3. Forum „Flüchtlinge – unsere neuen Nachbarn“"


def type_into(page, field_id, text):
    """Click into the field (the picker opens), replace what is there by
    typing, and leave it with Tab as an editor does."""
    field = page.locator(f"#{field_id}")
    field.scroll_into_view_if_needed()
    field.click()
    field.press("Control+a")
    field.press_sequentially(text)
    field.press("Tab")


def save_draft(page):
    page.get_by_role("button", name="Entwurf speichern").click()
    page.wait_for_load_state()


def test_german_dates_are_stored_as_typed(admin_page):
    page = admin_page(width=1280)

    office = open_editor(page, OFFICE)
    type_into(page, "id_last_reviewed", "31.12.2026")
    expect(page.locator("#id_last_reviewed")).to_have_value("31.12.2026")
    save_draft(page)
    page.goto(office)
    expect(page.locator("#id_last_reviewed")).to_have_value("31.12.2026")

    forum = open_editor(page, FORUM)
    # The demo's forum of 2017 lasted all day; this one has hours.
    page.locator("#id_all_day").set_checked(False)
    type_into(page, "id_start", "15.12.2026 18:00")
    type_into(page, "id_end", "15.12.2026 20:30")
    save_draft(page)
    page.goto(forum)
    expect(page.locator("#id_start")).to_have_value("15.12.2026 18:00")
    expect(page.locator("#id_end")).to_have_value("15.12.2026 20:30")


def test_an_unreadable_date_gets_a_german_error_and_stays(admin_page):
    page = admin_page(width=1280)
    office = open_editor(page, OFFICE)
    before = page.locator("#id_last_reviewed").input_value()

    type_into(page, "id_last_reviewed", "32.12.2026")
    expect(page.locator("#id_last_reviewed")).to_have_value("32.12.2026")
    save_draft(page)

    expect(page.get_by_text("Bitte ein gültiges Datum eingeben.")).to_be_visible()
    expect(page.locator("#id_last_reviewed")).to_have_value("32.12.2026")
    page.goto(office)
    expect(page.locator("#id_last_reviewed")).to_have_value(before)
