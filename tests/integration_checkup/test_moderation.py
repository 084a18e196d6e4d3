"""Feedback waiting for approval: counted in the admin menu, listed on the
admin's start page, approved or rejected many at once."""

from django.test import Client

import pytest

from integration_checkup.models.feedback import FeedbackStatus
from tests.admin_users import sidebar_labels, staff_user

from .factories import FeedbackFactory, MeasureSheetFactory

pytestmark = pytest.mark.django_db

BULK_URL = "/admin/bulk/integration_checkup/feedback/{action}/"
LISTING_URL = "/admin/snippets/integration_checkup/feedback/"


@pytest.fixture
def sheet():
    return MeasureSheetFactory(number=7, title="Wohnungsbörse")


def edit_url(feedback) -> str:
    return f"{LISTING_URL}edit/{feedback.pk}/"


def bulk(client, action, feedback, method="post"):
    query = "&".join(f"id={item.pk}" for item in feedback)
    url = f"{BULK_URL.format(action=action)}?{query}&next={LISTING_URL}"
    return getattr(client, method)(url, follow=method == "post")


def test_start_page_lists_the_waiting_feedback_with_links(editor_client, sheet):
    waiting = [
        FeedbackFactory(measure=sheet, text="Bitte Abendtermine."),
        FeedbackFactory(measure=sheet, text="Mehr Sprachkurse."),
    ]
    approved = FeedbackFactory(measure=sheet, status=FeedbackStatus.APPROVED)

    html = editor_client.get("/admin/").content.decode()

    assert 'id="pending-feedback-section"' in html
    assert "2 Rückmeldungen warten auf Freigabe." in html
    for feedback in waiting:
        assert f'href="{edit_url(feedback)}"' in html
    assert f'href="{edit_url(approved)}"' not in html
    assert f'href="{LISTING_URL}?status=pending"' in html


def test_start_page_panel_only_for_staff_who_may_moderate(
    client, django_user_model, sheet
):
    FeedbackFactory(measure=sheet)
    client.force_login(staff_user(django_user_model, "ohne"))
    without = client.get("/admin/").content.decode()
    client.force_login(
        staff_user(django_user_model, "mit", "integration_checkup.change_feedback")
    )
    with_permission = client.get("/admin/").content.decode()

    assert "pending-feedback" not in without
    assert "Rückmeldung wartet" not in without
    assert "1 Rückmeldung wartet auf Freigabe." in with_permission


def test_start_page_has_no_panel_when_nothing_waits(editor_client, sheet):
    FeedbackFactory(measure=sheet, status=FeedbackStatus.APPROVED)

    assert "pending-feedback" not in editor_client.get("/admin/").content.decode()


def test_menu_counts_the_waiting_feedback(editor_client, sheet):
    first, _second = FeedbackFactory(measure=sheet), FeedbackFactory(measure=sheet)
    FeedbackFactory(measure=sheet, status=FeedbackStatus.REJECTED)

    labels = sidebar_labels(editor_client.get("/admin/").content.decode())
    assert "Check Up Integration (2 neu)" in labels
    assert "Rückmeldungen (2 neu)" in labels

    bulk(editor_client, "approve", [first])
    labels = sidebar_labels(editor_client.get("/admin/").content.decode())
    assert "Rückmeldungen (1 neu)" in labels


def test_menu_without_waiting_feedback_has_no_count(editor_client, sheet):
    labels = sidebar_labels(editor_client.get("/admin/").content.decode())

    assert "Rückmeldungen" in labels
    assert "Check Up Integration" in labels


def test_listing_offers_the_bulk_actions(editor_client, sheet):
    FeedbackFactory(measure=sheet)

    html = editor_client.get(LISTING_URL).content.decode()

    assert BULK_URL.format(action="approve") in html
    assert BULK_URL.format(action="reject") in html
    assert "Freigeben" in html
    assert "Nicht veröffentlichen" in html


def test_bulk_approve_asks_first_in_german(editor_client, sheet):
    chosen = [FeedbackFactory(measure=sheet, text=f"Idee {n}") for n in range(2)]

    response = bulk(editor_client, "approve", chosen, method="get")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Diese Rückmeldungen freigeben?" in html
    assert "Ja, freigeben" in html
    assert "Idee 0" in html and "Idee 1" in html
    assert all(
        feedback.status == FeedbackStatus.PENDING for feedback in sheet.feedback.all()
    )


def test_bulk_approve_changes_the_chosen_only_and_they_appear(
    editor_client, checkup_url, sheet
):
    public_url = f"{checkup_url}massnahmen/7/"
    chosen = [
        FeedbackFactory(measure=sheet, text="Bitte Abendtermine."),
        FeedbackFactory(measure=sheet, text="Mehr Sprachkurse."),
    ]
    left = FeedbackFactory(measure=sheet, text="Noch ungeprüft.")
    before = Client().get(public_url).content.decode()  # now in the page cache

    response = bulk(editor_client, "approve", chosen)

    assert "2 Rückmeldungen freigegeben." in response.content.decode()
    statuses = dict(sheet.feedback.values_list("text", "status"))
    assert statuses == {
        "Bitte Abendtermine.": FeedbackStatus.APPROVED,
        "Mehr Sprachkurse.": FeedbackStatus.APPROVED,
        "Noch ungeprüft.": FeedbackStatus.PENDING,
    }
    after = Client().get(public_url).content.decode()
    assert "Bitte Abendtermine." not in before
    assert "Bitte Abendtermine." in after
    assert "Mehr Sprachkurse." in after
    assert left.text not in after


def test_bulk_reject_takes_approved_feedback_off_the_page(
    editor_client, checkup_url, sheet
):
    public_url = f"{checkup_url}massnahmen/7/"
    shown = FeedbackFactory(
        measure=sheet, text="Schon sichtbar.", status=FeedbackStatus.APPROVED
    )
    kept = FeedbackFactory(
        measure=sheet, text="Bleibt sichtbar.", status=FeedbackStatus.APPROVED
    )
    assert "Schon sichtbar." in Client().get(public_url).content.decode()

    response = bulk(editor_client, "reject", [shown])

    assert "1 Rückmeldung wird nicht veröffentlicht." in response.content.decode()
    shown.refresh_from_db()
    kept.refresh_from_db()
    assert (shown.status, kept.status) == (
        FeedbackStatus.REJECTED,
        FeedbackStatus.APPROVED,
    )
    after = Client().get(public_url).content.decode()
    assert "Schon sichtbar." not in after
    assert "Bleibt sichtbar." in after


def test_bulk_approve_changes_nothing_without_permission(
    client, django_user_model, sheet
):
    feedback = FeedbackFactory(measure=sheet)
    client.force_login(
        staff_user(django_user_model, "lesend", "integration_checkup.view_feedback")
    )

    page = bulk(client, "approve", [feedback], method="get").content.decode()
    bulk(client, "approve", [feedback])

    assert "Diese Rückmeldungen dürfen Sie nicht ändern:" in page
    assert "Ja, freigeben" not in page
    feedback.refresh_from_db()
    assert feedback.status == FeedbackStatus.PENDING


def test_select_all_in_a_filtered_listing_approves_only_what_it_shows(
    editor_client, sheet
):
    waiting = [FeedbackFactory(measure=sheet) for _ in range(2)]
    rejected = FeedbackFactory(measure=sheet, status=FeedbackStatus.REJECTED)
    url = (
        f"{BULK_URL.format(action='approve')}?status=pending&id=all&next={LISTING_URL}"
    )

    confirmation = editor_client.get(url).content.decode()
    editor_client.post(url)

    assert f'href="{edit_url(rejected)}"' not in confirmation
    for feedback in waiting:
        feedback.refresh_from_db()
        assert feedback.status == FeedbackStatus.APPROVED
    rejected.refresh_from_db()
    assert rejected.status == FeedbackStatus.REJECTED
