"""Feedback on measure sheets: stored, moderated, never lost, protected from spam."""

import csv
import io
import re

from django.test import Client, override_settings

import pytest

from integration_checkup.models import Feedback
from integration_checkup.models.feedback import FeedbackStatus

from .factories import FeedbackFactory, MeasureSheetFactory

pytestmark = pytest.mark.django_db

VALID = {
    "text": "Bitte auch Sprechzeiten am Abend anbieten.",
    "name": "Amina K.",
    "email": "amina@example.org",
    "consent": "on",
    "website": "",
}


@pytest.fixture
def sheet():
    return MeasureSheetFactory(number=7, title="Wohnungsbörse")


@pytest.fixture
def form_url(checkup_url, sheet):
    return f"{checkup_url}massnahmen/7/rueckmeldung/"


def test_form_page_has_csrf_protection_and_a_hidden_honeypot(client, form_url):
    response = client.get(form_url)

    html = response.content.decode()
    assert 'name="csrfmiddlewaretoken"' in html
    assert '<div class="honeypot" aria-hidden="true">' in html
    assert 'tabindex="-1" autocomplete="off"' in html


def test_detail_page_sets_no_cookie(client, checkup_url, sheet):
    assert not client.get(f"{checkup_url}massnahmen/7/").cookies


def test_post_without_csrf_token_is_refused(checkup_url, form_url):
    strict = Client(enforce_csrf_checks=True)

    response = strict.post(form_url, VALID)

    assert response.status_code == 403
    assert not Feedback.objects.exists()


def test_valid_feedback_is_stored_pending_and_thanked(client, form_url, sheet):
    response = client.post(form_url, VALID)

    assert response.status_code == 302
    assert response["Location"] == f"{form_url}danke/"
    feedback = Feedback.objects.get()
    assert (feedback.measure, feedback.status) == (sheet, FeedbackStatus.PENDING)
    assert feedback.text == VALID["text"]
    assert feedback.consent is True
    thanks = client.get(response["Location"])
    assert "Vielen Dank für Ihre Rückmeldung" in thanks.content.decode()


def test_every_success_page_has_its_feedback_in_the_database(client, form_url):
    for number in range(3):
        response = client.post(form_url, {**VALID, "text": f"Rückmeldung {number}"})
        assert response.status_code == 302
        assert Feedback.objects.filter(text=f"Rückmeldung {number}").exists()


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"text": ""}, "text", "Bitte schreiben Sie Ihre Rückmeldung."),
        ({"text": "   "}, "text", "Bitte schreiben Sie Ihre Rückmeldung."),
        (
            {"text": "x" * 5001},
            "text",
            "Ihre Rückmeldung ist zu lang: höchstens 5000 Zeichen, Ihr Text hat 5001 Zeichen.",
        ),
        (
            {"email": "amina@"},
            "email",
            "Bitte geben Sie eine gültige E-Mail-Adresse an",
        ),
        ({"consent": ""}, "consent", "Bitte stimmen Sie den Datenschutzhinweisen zu."),
    ],
)
def test_bad_input_shows_german_errors_and_keeps_what_was_typed(
    client, form_url, changes, field, message
):
    data = {**VALID, **changes}

    response = client.post(form_url, data)

    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert f'id="id_{field}_error"' in html
    assert re.search(
        rf'<(input|textarea)[^>]*aria-invalid="true"[^>]*id="id_{field}"', html
    ) or (re.search(rf'id="id_{field}"[^>]*aria-invalid="true"', html))
    # What the visitor typed is still there.
    if field != "name":
        assert 'value="Amina K."' in html
    if field != "text":
        assert VALID["text"] in html
    assert not Feedback.objects.exists()


def test_honeypot_filled_in_is_refused_and_not_stored(client, form_url):
    response = client.post(form_url, {**VALID, "website": "https://spam.example"})

    assert response.status_code == 400
    assert "automatische Eingabe" in response.content.decode()
    assert not Feedback.objects.exists()


@override_settings(FEEDBACK_RATE="2/h")
def test_rate_limit_per_address_keeps_the_text_and_stores_nothing_more(
    client, form_url
):
    for _ in range(2):
        assert (
            client.post(form_url, VALID, REMOTE_ADDR="203.0.113.5").status_code == 302
        )

    blocked = client.post(form_url, VALID, REMOTE_ADDR="203.0.113.5")
    other = client.post(form_url, VALID, REMOTE_ADDR="198.51.100.7")

    assert blocked.status_code == 429
    assert "sehr viele Rückmeldungen" in blocked.content.decode()
    assert VALID["text"] in blocked.content.decode()
    assert other.status_code == 302
    assert Feedback.objects.count() == 3


def test_only_approved_feedback_is_public(client, checkup_url, sheet):
    FeedbackFactory(measure=sheet, text="Noch ungeprüft.")
    FeedbackFactory(measure=sheet, text="Abgelehnt.", status=FeedbackStatus.REJECTED)
    FeedbackFactory(
        measure=sheet, text="Gute Idee!", name="Jonas", status=FeedbackStatus.APPROVED
    )

    html = client.get(f"{checkup_url}massnahmen/7/").content.decode()

    assert "Gute Idee!" in html
    assert "Jonas" in html
    assert "Noch ungeprüft." not in html
    assert "Abgelehnt." not in html


def test_staff_approve_in_the_admin_and_the_feedback_appears(
    client, editor_client, checkup_url, sheet
):
    feedback = FeedbackFactory(measure=sheet, text="Bitte mehr Termine.")
    edit_url = f"/admin/snippets/integration_checkup/feedback/edit/{feedback.pk}/"

    response = editor_client.post(
        edit_url, {"status": FeedbackStatus.APPROVED, "moderation_note": "ok"}
    )

    assert response.status_code == 302
    feedback.refresh_from_db()
    assert feedback.status == FeedbackStatus.APPROVED
    assert feedback.text == "Bitte mehr Termine."  # read-only in the admin
    assert (
        "Bitte mehr Termine."
        in Client().get(f"{checkup_url}massnahmen/7/").content.decode()
    )


def test_staff_export_the_feedback_of_one_sheet_as_csv(editor_client, sheet):
    other = MeasureSheetFactory(number=8)
    FeedbackFactory(measure=sheet, text="Zu Nr. 7", name="A")
    FeedbackFactory(measure=other, text="Zu Nr. 8", name="B")

    response = editor_client.get(
        f"/admin/snippets/integration_checkup/feedback/?measure={sheet.pk}&export=csv"
    )

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(content), delimiter=";"))
    assert rows[0] == [
        "Maßnahmensteckbrief",
        "Eingegangen am",
        "Status",
        "Name",
        "E-Mail",
        "Rückmeldung",
        "Interne Notiz",
    ]
    assert [row[-2] for row in rows[1:]] == ["Zu Nr. 7"]


def test_staff_cannot_add_feedback_in_the_admin(editor_client):
    listing = editor_client.get("/admin/snippets/integration_checkup/feedback/")
    add = editor_client.get("/admin/snippets/integration_checkup/feedback/add/")

    assert "Rückmeldung hinzufügen" not in listing.content.decode()
    assert add.status_code in {302, 403}
