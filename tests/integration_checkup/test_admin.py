"""Staff edit the Check Up Integration in the German Wagtail admin."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

import pytest

from integration_checkup.models import MeasureSheet, MeasureStatus

from .factories import FieldOfActionFactory, MeasureSheetFactory

pytestmark = pytest.mark.django_db
ADD_URL = "/admin/snippets/integration_checkup/measuresheet/add/"


def sheet_form(
    field,
    number=12,
    history=(("2017-09-01", "draft"), ("2017-10-09", "forum")),
    **extra,
):
    return nested_form_data(
        {
            "number": number,
            "title": "Sprachcafés",
            "field_of_action": field.pk,
            "summary": "Treffpunkte zum Deutschsprechen.",
            "goals": rich_text("<p>Mehr Übung im Alltag</p>"),
            "responsible_body": "VHS",
            "partners": "",
            "council_decision_url": "",
            "paper_versions": inline_formset([]),
            "feedback_outcome": rich_text(""),
            "status_changes": inline_formset(
                [
                    {"date": date, "status": status, "note": ""}
                    for date, status in history
                ]
            ),
            **extra,
        }
    )


@pytest.fixture
def field():
    return FieldOfActionFactory(name="Sprache", slug="sprache")


def test_status_follows_the_newest_history_entry(editor_client, field):
    response = editor_client.post(
        ADD_URL,
        sheet_form(
            field,
            history=[("2018-02-01", "adopted"), ("2017-09-01", "draft")],
            **{"action-publish": "1"},
        ),
    )

    assert response.status_code == 302
    sheet = MeasureSheet.objects.get(number=12)
    assert sheet.status == MeasureStatus.ADOPTED
    assert sheet.live
    assert [change.status for change in sheet.status_changes.order_by("date")] == [
        "draft",
        "adopted",
    ]


def test_draft_is_not_public_until_published(client, editor_client, field, checkup_url):
    editor_client.post(ADD_URL, sheet_form(field))
    sheet = MeasureSheet.objects.get(number=12)
    assert not sheet.live
    assert client.get(f"{checkup_url}massnahmen/12/").status_code == 404

    editor_client.post(
        f"/admin/snippets/integration_checkup/measuresheet/edit/{sheet.pk}/",
        sheet_form(field, **{"action-publish": "1"}),
    )

    assert client.get(f"{checkup_url}massnahmen/12/").status_code == 200


def test_prepared_change_stays_private_until_published(
    client, editor_client, checkup_url
):
    sheet = MeasureSheetFactory(number=3, status=MeasureStatus.FORUM)
    sheet.save_revision().publish()
    edit_url = f"/admin/snippets/integration_checkup/measuresheet/edit/{sheet.pk}/"
    history = [
        ("2017-09-01", "draft"),
        ("2017-10-09", "forum"),
        ("2018-03-01", "adopted"),
    ]

    editor_client.post(
        edit_url, sheet_form(sheet.field_of_action, number=3, history=history)
    )

    public = client.get(f"{checkup_url}massnahmen/3/").content.decode()
    assert "im Forum diskutiert" in public
    assert "1. März 2018" not in public
    sheet.refresh_from_db()
    assert sheet.has_unpublished_changes

    editor_client.post(
        edit_url,
        sheet_form(
            sheet.field_of_action, number=3, history=history, **{"action-publish": "1"}
        ),
    )

    public = client.get(f"{checkup_url}massnahmen/3/").content.decode()
    assert "1. März 2018" in public
    sheet.refresh_from_db()
    assert sheet.status == MeasureStatus.ADOPTED


def test_duplicate_number_gets_a_german_error_and_keeps_the_input(editor_client, field):
    MeasureSheetFactory(number=12)

    response = editor_client.post(ADD_URL, sheet_form(field))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Es gibt schon einen Maßnahmensteckbrief mit dieser Nummer." in html
    assert "Treffpunkte zum Deutschsprechen." in html
    assert MeasureSheet.objects.filter(number=12).count() == 1


def test_sheet_needs_at_least_one_history_entry(editor_client, field):
    response = editor_client.post(ADD_URL, sheet_form(field, history=[]))

    assert response.status_code == 200
    assert not MeasureSheet.objects.filter(number=12).exists()


def test_admin_list_searches_and_filters(editor_client):
    MeasureSheetFactory(number=1, title="Sprachcafés", status=MeasureStatus.DONE)
    MeasureSheetFactory(number=2, title="Wohnungsbörse", status=MeasureStatus.FORUM)
    list_url = "/admin/snippets/integration_checkup/measuresheet/"

    by_status = editor_client.get(list_url + "?status=done").content.decode()
    by_text = editor_client.get(list_url + "?q=Wohnung").content.decode()

    assert "Sprachcafés" in by_status and "Wohnungsbörse" not in by_status
    assert "Wohnungsbörse" in by_text and "Sprachcafés" not in by_text
    assert "Maßnahmensteckbriefe" in by_text


def test_duplicate_field_slug_gets_a_german_error(editor_client, field):
    response = editor_client.post(
        "/admin/snippets/integration_checkup/fieldofaction/add/",
        {
            "name": "Sprache 2",
            "slug": "sprache",
            "sort_order": 9,
            "description": "Doppelt",
            "focus_group": "",
        },
    )

    assert response.status_code == 200
    assert (
        "Es gibt schon ein Handlungsfeld mit diesem Kurznamen."
        in response.content.decode()
    )
