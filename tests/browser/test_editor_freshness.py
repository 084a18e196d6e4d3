"""The editor's freshness task in Chromium: the report "Überfällige Inhalte"
in the admin's "Berichte" menu lists a page whose next check has passed
(the demo's state links page: its "Stand" is seven months old), with its
owner and a link to edit it; the dashboard shows the same."""

import re

from django.conf import settings

import pytest

pytestmark = pytest.mark.browser
OVERDUE_TITLE = "Informationsangebote des Landes"


def test_overdue_report_lists_the_page_whose_check_has_passed(admin_page):
    page = admin_page(width=1280)

    # The dashboard panel names it too.
    panel = page.locator("#editorial-due-reviews-section")
    assert OVERDUE_TITLE in panel.inner_text()

    page.get_by_role("button", name="Berichte").click()
    page.get_by_role("link", name="Überfällige Inhalte", exact=True).click()
    page.wait_for_url(re.compile(r"/berichte/ueberfaellige-inhalte/$"))

    row = page.locator("tbody tr", has_text=OVERDUE_TITLE)
    assert "überfällig" in row.inner_text()
    assert "Beispiel Redakteurin" in row.inner_text()
    row.get_by_role("link", name=re.compile(OVERDUE_TITLE)).click()
    page.wait_for_url(re.compile(rf"/{settings.ADMIN_URL_PATH}pages/\d+/edit/$"))
    assert page.locator("#id_next_review").count() == 1
    assert page.locator("#id_content_owner").count() == 1
