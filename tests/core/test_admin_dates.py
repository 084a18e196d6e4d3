"""Editors type dates and times the German way in every admin form.

"31.12.2026" and "15.12.2026 18:00" are stored as typed and shown again the
same way; what cannot be read gets a German error and keeps the input, never
a silent "today" (core.admin_dates)."""

import datetime
import json
import re
import zoneinfo

from wagtail.test.utils.form_data import nested_form_data

import pytest

from events.models import EventPage
from integration_checkup.models import MeasureSheet
from tests.contacts.factories import OrganisationFactory
from tests.factories import EventIndexPageFactory, EventPageFactory, OfficePageFactory
from tests.integration_checkup.factories import FieldOfActionFactory
from tests.integration_checkup.test_admin import sheet_form

pytestmark = pytest.mark.django_db
BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")
BAD_DATE = "Bitte ein gültiges Datum eingeben."
BAD_DATETIME = "Bitte ein gültiges Datum und Uhrzeit eingeben."


@pytest.fixture
def office(home):
    page = OfficePageFactory(parent=home, slug="koordinierungsstelle")
    page.last_reviewed = datetime.date(2026, 1, 15)
    page.save_revision().publish()
    return page


def office_form(page, **changes):
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "intro": page.intro,
            "last_reviewed": "15.01.2026",
            "menu_title": "",
            "seo_title": "",
            "search_description": "",
            "body": json.dumps([]),
            "body-count": 0,
            **changes,
        }
    )


def pickers(html: str) -> dict[str, dict]:
    """Each date/time picker of a page: its field id and its configuration."""
    return {
        field_id: json.loads(config)
        for field_id, config in re.findall(
            r'init(?:Date|DateTime|Time)Chooser\("([^"]+)", (\{[^}]*\})\)', html
        )
    }


def test_stand_is_shown_and_read_in_german(editor_client, office):
    url = f"/admin/pages/{office.pk}/edit/"
    assert 'value="15.01.2026"' in editor_client.get(url).content.decode()

    response = editor_client.post(url, office_form(office, last_reviewed="31.12.2026"))

    assert response.status_code == 302
    office.refresh_from_db()
    assert office.get_latest_revision_as_object().last_reviewed == datetime.date(
        2026, 12, 31
    )
    assert 'value="31.12.2026"' in editor_client.get(url).content.decode()


@pytest.mark.parametrize("typed", ["32.12.2026", "31.12.", "morgen", "12/31/2026"])
def test_an_unreadable_stand_gets_a_german_error_and_keeps_the_input(
    editor_client, office, typed
):
    url = f"/admin/pages/{office.pk}/edit/"
    response = editor_client.post(url, office_form(office, last_reviewed=typed))

    assert response.status_code == 200
    html = response.content.decode()
    assert BAD_DATE in html
    assert f'value="{typed}"' in html
    office.refresh_from_db()
    latest = office.get_latest_revision_as_object()
    assert latest.last_reviewed == datetime.date(2026, 1, 15)


def test_event_start_and_end_are_read_in_german(editor_client, home):
    index = EventIndexPageFactory(parent=home)
    form = nested_form_data(
        {
            "title": "4. Forum",
            "slug": "4-forum",
            "start": "15.12.2026 18:00",
            "end": "15.12.2026 21:30",
            "topic": "forum",
            "intro": "Einleitung",
            "last_reviewed": "01.12.2026",
            "body": json.dumps([]),
            "body-count": 0,
        }
    )

    response = editor_client.post(
        f"/admin/pages/add/events/eventpage/{index.pk}/", form
    )

    assert response.status_code == 302
    event = EventPage.objects.get(slug="4-forum")
    assert event.start == datetime.datetime(2026, 12, 15, 18, tzinfo=BERLIN)
    assert event.end == datetime.datetime(2026, 12, 15, 21, 30, tzinfo=BERLIN)
    html = editor_client.get(f"/admin/pages/{event.pk}/edit/").content.decode()
    assert 'value="15.12.2026 18:00"' in html


def test_an_unreadable_event_time_gets_a_german_error(editor_client, home):
    index = EventIndexPageFactory(parent=home)
    event = EventPageFactory(parent=index, slug="forum")
    form = nested_form_data(
        {
            "title": event.title,
            "slug": event.slug,
            "start": "15.12.2026 25:00",
            "end": "15.12.2026 21:30",
            "topic": "forum",
            "intro": "",
            "last_reviewed": "01.12.2026",
            "body": json.dumps([]),
            "body-count": 0,
        }
    )

    response = editor_client.post(f"/admin/pages/{event.pk}/edit/", form)

    assert response.status_code == 200
    html = response.content.decode()
    assert BAD_DATETIME in html
    assert 'value="15.12.2026 25:00"' in html


def test_measure_sheet_status_dates_are_read_in_german(editor_client):
    field = FieldOfActionFactory(name="Sprache", slug="sprache")
    url = "/admin/snippets/integration_checkup/measuresheet/add/"

    bad = editor_client.post(url, sheet_form(field, history=[("30.02.2018", "draft")]))
    assert bad.status_code == 200
    assert BAD_DATE in bad.content.decode()
    assert not MeasureSheet.objects.filter(number=12).exists()

    assert (
        editor_client.post(
            url, sheet_form(field, history=[("01.03.2018", "draft")])
        ).status_code
        == 302
    )
    sheet = MeasureSheet.objects.get(number=12)
    assert sheet.status_changes.get().date == datetime.date(2018, 3, 1)


def test_go_live_in_the_schedule_dialog_is_read_in_german(editor_client, office):
    url = f"/admin/pages/{office.pk}/edit/"

    bad = editor_client.post(url, office_form(office, go_live_at="24.12.2026 25:00"))
    assert bad.status_code == 200
    assert BAD_DATETIME in bad.content.decode()

    response = editor_client.post(
        url, office_form(office, go_live_at="24.12.2026 10:00")
    )
    assert response.status_code == 302
    office.refresh_from_db()
    revision = office.get_latest_revision()
    assert revision.approved_go_live_at is None  # only saved as a draft
    assert revision.as_object().go_live_at == datetime.datetime(
        2026, 12, 24, 10, tzinfo=BERLIN
    )


@pytest.mark.parametrize(
    "url",
    [
        "office_edit",
        "/admin/pages/add/events/eventpage/{index}/",
        "/admin/snippets/integration_checkup/measuresheet/add/",
        "organisation_edit",
        "/admin/snippets/contacts/need/add/",
    ],
)
def test_every_picker_is_german_and_keeps_what_was_typed(
    editor_client, office, home, url
):
    """The picker would otherwise replace what it cannot read with today."""
    index = EventIndexPageFactory(parent=home)
    organisation = OrganisationFactory()
    url = {
        "office_edit": f"/admin/pages/{office.pk}/edit/",
        "organisation_edit": (
            f"/admin/snippets/contacts/organisation/edit/{organisation.pk}/"
        ),
    }.get(url, url.format(index=index.pk))
    html = editor_client.get(url).content.decode()

    found = pickers(html)
    assert found, "no date picker on the page"
    for field_id, config in found.items():
        assert config["validateOnBlur"] is False, field_id
        expected = {"Y": "d.m.Y", "H": "H:i"}
        assert expected["Y"] in config["format"] or config["format"] == expected["H"]
    if "pages/" in url:
        assert any(name.endswith("go_live_at") for name in found)
