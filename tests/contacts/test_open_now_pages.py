"""'Jetzt geöffnet' as readers see it on the public pages: across the week's
wrap, in a translation, and for slots only by appointment."""

import datetime
import json
import re
import zoneinfo
from unittest import mock

from django.core.cache import cache
from django.utils import translation

from wagtail.models import Locale

import pytest

from contacts.models import OpeningHoursSlot, Organisation
from tests.factories import ContentPageFactory, HelpPageFactory

from .factories import OrganisationFactory

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")

pytestmark = pytest.mark.django_db

STATE = re.compile(
    r'opening-state--(\w+)">\s*<span class="status-dot" aria-hidden="true"></span>'
    r"([^<]*?)\s*<"
)


def states(client, url, at):
    """The opening states on the page at ``at``; the page cache is emptied
    first (it keeps a page by the clock, which the test does not turn)."""
    cache.clear()
    with mock.patch("django.utils.timezone.now", return_value=at):
        html = client.get(url).content.decode()
    return STATE.findall(html), html


def contact_page(parent, organisation):
    return ContentPageFactory(
        parent=parent,
        slug="kontakt",
        body=[
            {
                "type": "contact",
                "value": {
                    "person": None,
                    "organisation": organisation.pk,
                    "heading": "",
                },
            }
        ],
    )


@pytest.fixture
def translated(home, django_capture_on_commit_callbacks):
    """The start page and a page with a contact block in English, and a
    translation of the organisation: as wagtail-localize makes them."""
    from core.bootstrap import content_locales
    from demo.translations import object_translate

    content_locales()
    organisation = OrganisationFactory(name="Nachtcafé", slots=[(1, "10:00", "12:00")])
    page = contact_page(home, organisation)
    with django_capture_on_commit_callbacks(execute=True):
        for instance in (home, page, organisation):
            object_translate(instance=instance, language="en", strings={})
    english = Locale.objects.get(language_code="en")
    return organisation, page, page.get_translation(english)


@pytest.mark.parametrize(
    ("night", "at"),
    [
        # Sunday 22:00-02:00, Monday 01:00: the week's wrap.
        (6, datetime.datetime(2026, 11, 30, 1, 0, tzinfo=BERLIN)),
        # Saturday 22:00-02:00, Sunday 01:00.
        (5, datetime.datetime(2026, 11, 29, 1, 0, tzinfo=BERLIN)),
    ],
)
def test_night_slot_is_open_after_midnight_in_every_language(
    client, translated, night, at
):
    """The German original gets a night slot after the organisation was
    translated: the English page says what the German one says, at once
    (the hours are the original's; the translation's copy is only as fresh
    as its last sync and said "closed today")."""
    organisation, german, english = translated
    organisation.opening_hours = [
        OpeningHoursSlot(
            weekday=night, opens=datetime.time(22), closes=datetime.time(2)
        )
    ]
    organisation.save()

    german_states, _html = states(client, german.url, at)
    english_states, english_html = states(client, english.url, at)

    assert german_states == [("open", "jetzt geöffnet bis 02:00 Uhr")]
    with translation.override("en"):
        said = translation.gettext("jetzt geöffnet bis %(time)s Uhr")
    assert english_states == [("open", said % {"time": "02:00"})]
    day = "Sonntag" if night == 6 else "Samstag"
    with translation.override("en"):
        day = translation.gettext(day)
    assert f'<th scope="row">{day}</th>' in english_html


def test_directory_and_header_say_open_across_the_wrap(client, home):
    from pages.models import SiteSettings

    help_page = HelpPageFactory(parent=home, slug="wie-kann-geholfen-werden", body=[])
    night = OrganisationFactory(name="Nachtcafé", slots=[(6, "22:00", "02:00")])
    settings = SiteSettings(locale=Locale.get_default(), office=night)
    settings.save()

    found, _html = states(
        client, help_page.url, datetime.datetime(2026, 11, 30, 1, 0, tzinfo=BERLIN)
    )

    # The header (capitalised) and the directory's card.
    assert found == [
        ("open", "Jetzt geöffnet bis 02:00 Uhr"),
        ("open", "jetzt geöffnet bis 02:00 Uhr"),
    ]


def test_a_day_only_by_appointment_is_shown_everywhere(client, home):
    organisation = OrganisationFactory(
        name="Beratung",
        appointment_url="https://termine.example.org",
        slots=[(0, "09:00", "12:00"), (3, "14:00", "16:00")],
    )
    organisation.opening_hours.filter(weekday=0).update(appointment_only=True)
    page = contact_page(home, organisation)

    monday_ten = datetime.datetime(2026, 11, 23, 10, 0, tzinfo=BERLIN)
    found, html = states(client, page.url, monday_ten)
    assert found == [
        ("by_appointment", "jetzt nur nach Terminvereinbarung, bis 12:00 Uhr")
    ]
    assert (
        '<th scope="row">Montag</th><td>09:00–12:00 Uhr nur nach Terminvereinbarung</td>'
        in html
    )
    assert '<th scope="row">Donnerstag</th><td>14:00–16:00 Uhr</td>' in html
    assert 'href="https://termine.example.org"' in html

    monday_eight = datetime.datetime(2026, 11, 23, 8, 0, tzinfo=BERLIN)
    assert states(client, page.url, monday_eight)[0] == [
        ("opens_later", "geschlossen, heute ab 09:00 Uhr nach Terminvereinbarung")
    ]
    thursday = datetime.datetime(2026, 11, 26, 15, 0, tzinfo=BERLIN)
    assert states(client, page.url, thursday)[0] == [
        ("open", "jetzt geöffnet bis 16:00 Uhr")
    ]


def test_appointment_slots_in_json_ld_and_api(client, home):
    from tests.factories import OfficePageFactory

    organisation = OrganisationFactory(
        name="Beratung", kind="authority", slots=[(0, "09:00", "12:00")]
    )
    organisation.opening_hours.update(appointment_only=True)
    page = OfficePageFactory(parent=home, organisation=organisation, body=[])

    html = client.get(page.url).content.decode()
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html).group(1)
    )
    (spec,) = data["@graph"][0]["openingHoursSpecification"]
    assert spec["description"] == "nur nach Terminvereinbarung"

    api = client.get(f"/api/v1/organisations/{organisation.pk}").json()
    assert api["opening_hours"]["slots"][0]["appointment_only"] is True


def test_editor_marks_one_slot_as_by_appointment(editor_client):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data

    response = editor_client.post(
        "/admin/snippets/contacts/organisation/add/",
        nested_form_data(
            {
                "name": "Sprachcafé",
                "kind": "initiative",
                "description": "",
                "phone": "",
                "email": "",
                "website": "",
                "place": "",
                "appointment_url": "",
                "hours_note": "",
                "opening_hours": inline_formset(
                    [
                        {
                            "weekday": 0,
                            "opens": "09:00",
                            "closes": "12:00",
                            "appointment_only": "on",
                        },
                        {"weekday": 2, "opens": "16:00", "closes": "18:00"},
                    ]
                ),
            }
        ),
    )

    assert response.status_code == 302
    organisation = Organisation.objects.get()
    assert [str(slot) for slot in organisation.opening_hours.all()] == [
        "Montag 09:00–12:00 (nur nach Terminvereinbarung)",
        "Mittwoch 16:00–18:00",
    ]
