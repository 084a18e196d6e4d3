"""Freshness: owner and next check of pages and measure sheets, the report
"Überfällige Inhalte" and the dashboard panel."""

import datetime

from django.utils import timezone

import pytest

from core.freshness import add_months
from editorial.selectors import review_items_due
from tests.factories import InfoPageFactory, OfficePageFactory
from tests.integration_checkup.factories import MeasureSheetFactory

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
REPORT = "/admin/berichte/ueberfaellige-inhalte/"


@pytest.fixture
def owner(django_user_model):
    return django_user_model.objects.create_user(
        username="a.prueferin",
        first_name="Anna",
        last_name="Prüferin",
        email="a.prueferin@example.org",
    )


@pytest.fixture
def content(home, owner):
    """An overdue page (its "Stand" seven months ago), a measure sheet due
    in a week and a fresh page."""
    overdue = OfficePageFactory(
        parent=home,
        title="Koordinierungsstelle",
        last_reviewed=add_months(TODAY, -7),
        content_owner=owner,
    )
    fresh = InfoPageFactory(
        parent=home, title="Frisch geprüft", last_reviewed=TODAY, content_owner=owner
    )
    sheet = MeasureSheetFactory(
        title="Sprachcafés",
        next_review=TODAY + datetime.timedelta(days=7),
        content_owner=owner,
    )
    return overdue, fresh, sheet


def test_next_check_defaults_to_stand_plus_six_months(home):
    page = OfficePageFactory(parent=home, last_reviewed=datetime.date(2026, 8, 31))

    assert page.next_review is None
    assert page.review_due == datetime.date(2027, 2, 28)
    page.next_review = datetime.date(2026, 12, 1)
    assert page.review_due == datetime.date(2026, 12, 1)


def test_measure_sheet_counts_from_its_last_publication():
    sheet = MeasureSheetFactory()
    sheet.save_revision().publish()
    sheet.refresh_from_db()

    assert sheet.review_due == add_months(timezone.localdate(), 6)


def test_due_items_are_the_overdue_page_and_the_soon_due_sheet(content):
    overdue, _fresh, sheet = content

    items = review_items_due()

    assert [(item.title, item.overdue) for item in items] == [
        ("Koordinierungsstelle", True),
        ("Sprachcafés", False),
    ]
    assert items[0].edit_url == f"/admin/pages/{overdue.pk}/edit/"
    assert items[1].edit_url.endswith(f"/measuresheet/edit/{sheet.pk}/")


def test_report_lists_overdue_and_due_soon_with_owner_date_and_edit_link(
    editor_client, content
):
    overdue, _fresh, sheet = content

    html = editor_client.get(REPORT).content.decode()

    assert "Überfällige Inhalte" in html
    assert f'href="/admin/pages/{overdue.pk}/edit/"' in html
    assert f"/measuresheet/edit/{sheet.pk}/" in html
    assert "Anna Prüferin" in html
    assert "überfällig" in html and "bald fällig" in html
    assert "Frisch geprüft" not in html


def test_report_is_in_the_reports_menu(editor_client, content):
    html = editor_client.get("/admin/").content.decode()

    assert REPORT in html


def test_dashboard_panel_lists_due_content(editor_client, content):
    overdue, _fresh, sheet = content

    html = editor_client.get("/admin/").content.decode()

    panel = html.split('id="editorial-due-reviews-section"', 1)[1]
    assert "Zu prüfen" in html
    assert f"/admin/pages/{overdue.pk}/edit/" in panel
    assert "Sprachcafés" in panel
    assert "Anna Prüferin" in panel
    assert "Frisch geprüft" not in panel


def test_report_exports_csv(editor_client, content):
    response = editor_client.get(REPORT + "?export=csv")

    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "Koordinierungsstelle" in text
    assert "Sprachcafés" in text
    assert "Frisch geprüft" not in text
