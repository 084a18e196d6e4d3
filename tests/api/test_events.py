"""Events: published ones, times with the Europe/Berlin offset, place, calendar."""

import datetime
import zoneinfo

from django.utils import timezone

import pytest

from events.models import EventTopic
from tests.contacts.factories import OrganisationFactory, PlaceFactory
from tests.factories import EventIndexPageFactory, EventPageFactory

from .helpers import translate_page

pytestmark = pytest.mark.django_db
BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")


@pytest.fixture
def index(home):
    return EventIndexPageFactory(parent=home)


def berlin(*args):
    return datetime.datetime(*args, tzinfo=BERLIN)


@pytest.fixture
def forum(index):
    return EventPageFactory(
        parent=index,
        slug="forum",
        title="4. Forum",
        intro="Alle sind eingeladen.",
        start=berlin(2099, 10, 9, 18, 0),
        end=berlin(2099, 10, 9, 20, 30),
        topic=EventTopic.FORUM,
        place=PlaceFactory(name="Rathaus", street="Rathausplatz 1"),
        location_note="Ratssaal",
        organiser=OrganisationFactory(name="Koordinierungsstelle"),
        registration_url="https://anmeldung.example.org",
        registration_note="Ohne Anmeldung.",
        accessibility_notes="Stufenloser Zugang.",
    )


def test_event_detail(api_get, client, forum):
    response, data = api_get(f"events/{forum.pk}")

    assert response.status_code == 200
    organiser = forum.organiser
    assert data == {
        "id": forum.pk,
        "title": "4. Forum",
        "locale": "de",
        "url": "http://testserver/veranstaltungen/forum/",
        "detail_url": f"http://testserver/api/v1/events/{forum.pk}",
        "intro": "Alle sind eingeladen.",
        "start": "2099-10-09T18:00:00+02:00",
        "end": "2099-10-09T20:30:00+02:00",
        "all_day": False,
        "topic": {"value": "forum", "label": "Forum"},
        "cancelled": False,
        "place": data["place"],
        "location_note": "Ratssaal",
        "organiser": {
            "id": organiser.pk,
            "name": "Koordinierungsstelle",
            "detail_url": f"http://testserver/api/v1/organisations/{organiser.pk}",
        },
        "registration_url": "https://anmeldung.example.org",
        "registration_note": "Ohne Anmeldung.",
        "accessibility_notes": "Stufenloser Zugang.",
        "ics_url": f"http://testserver/veranstaltungen/forum/{forum.ics_url_path}",
    }
    assert data["place"]["name"] == "Rathaus"
    assert data["place"]["address"]["street"] == "Rathausplatz 1"
    calendar = client.get(data["ics_url"])
    assert calendar.status_code == 200
    assert calendar["Content-Type"].startswith("text/calendar")


def test_winter_times_have_the_winter_offset(api_get, index):
    event = EventPageFactory(
        parent=index, start=berlin(2099, 1, 15, 9, 0), end=berlin(2099, 1, 15, 11, 0)
    )

    _response, data = api_get(f"events/{event.pk}")

    assert data["start"] == "2099-01-15T09:00:00+01:00"
    assert data["end"] == "2099-01-15T11:00:00+01:00"


def test_upcoming_soonest_first_and_past_latest_first(api_get, index):
    now = timezone.now()
    later = EventPageFactory(
        parent=index, title="Später", start=now + datetime.timedelta(days=9)
    )
    soon = EventPageFactory(
        parent=index, title="Bald", start=now + datetime.timedelta(days=1)
    )
    running = EventPageFactory(
        parent=index,
        title="Läuft gerade",
        start=now - datetime.timedelta(hours=1),
        end=now + datetime.timedelta(hours=1),
    )
    long_ago = EventPageFactory(
        parent=index,
        title="Lange her",
        start=now - datetime.timedelta(days=30),
        end=now - datetime.timedelta(days=30, hours=-2),
    )
    recent = EventPageFactory(
        parent=index,
        title="Gestern",
        start=now - datetime.timedelta(days=1),
        end=now - datetime.timedelta(days=1, hours=-2),
    )

    _response, upcoming = api_get("events")
    _response, past = api_get("events?past=true")

    assert [item["id"] for item in upcoming["items"]] == [running.pk, soon.pk, later.pk]
    assert [item["id"] for item in past["items"]] == [recent.pk, long_ago.pk]


def test_topic_filter_and_cancelled_flag(api_get, index):
    EventPageFactory(parent=index, title="Forum", topic=EventTopic.FORUM)
    cafe = EventPageFactory(
        parent=index, title="Sprachcafé", topic=EventTopic.LANGUAGE, cancelled=True
    )

    _response, data = api_get("events?topic=sprache")

    assert [item["id"] for item in data["items"]] == [cafe.pk]
    assert data["items"][0]["cancelled"] is True
    response, error = api_get("events?topic=party")
    assert response.status_code == 400


def test_drafts_are_not_shown(api_get, index):
    draft = EventPageFactory(parent=index, title="Entwurf", live=False)

    _response, data = api_get("events")
    response, _body = api_get(f"events/{draft.pk}")

    assert data["items"] == []
    assert response.status_code == 404


def test_language_filter(api_get, home, index, forum, locales):
    translate_page(home, locales["en"], title="Refugees in Flensburg")
    translate_page(index, locales["en"], title="Events")
    english = translate_page(forum, locales["en"], title="4th forum")

    _response, data = api_get("events?sprache=en")

    assert [(item["id"], item["title"]) for item in data["items"]] == [
        (english.pk, "4th forum")
    ]
    assert data["items"][0]["url"] == "http://testserver/en/veranstaltungen/forum/"
