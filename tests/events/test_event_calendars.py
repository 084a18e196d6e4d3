"""iCal: one event as a download, subscribable calendars for all events and
per topic (RFC 5545 via the icalendar library)."""

import datetime
import zoneinfo

import icalendar
import pytest

from events.models import EventTopic
from tests.contacts.factories import OrganisationFactory, PlaceFactory
from tests.factories import EventIndexPageFactory, EventPageFactory

pytestmark = pytest.mark.django_db
BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")


def berlin(*args) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=BERLIN)


def soon(days: int) -> dict:
    start = datetime.datetime.now(tz=BERLIN).replace(microsecond=0)
    start += datetime.timedelta(days=days)
    return {"start": start, "end": start + datetime.timedelta(hours=2)}


def parse(response) -> icalendar.Calendar:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def summaries(calendar) -> list[str]:
    return [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")]


@pytest.fixture
def index(home):
    return EventIndexPageFactory(parent=home)


def test_single_event_download_is_a_complete_vevent(client, index):
    event = EventPageFactory(
        parent=index,
        title="3. Forum „Flüchtlinge – unsere neuen Nachbarn“",
        slug="3-forum",
        intro="Erste Ergebnisse des Check Up Integration.",
        start=berlin(2017, 10, 9, 18),
        end=berlin(2017, 10, 9, 21),
        place=PlaceFactory(name="Rathaus", street="Am Pferdewasser 14"),
        organiser=OrganisationFactory(name="Stadt", email="info@example.org"),
        accessibility_notes="Stufenloser Zugang.",
        topic=EventTopic.FORUM,
    )

    response = client.get(f"{event.url}kalender/")

    assert response["Content-Disposition"] == 'attachment; filename="3-forum.ics"'
    calendar = parse(response)
    assert calendar["VERSION"] == "2.0"
    assert "Koordinierungsstelle" in str(calendar["PRODID"])
    assert str(calendar["X-WR-CALNAME"]) == event.title
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]
    (vevent,) = calendar.walk("VEVENT")
    assert str(vevent["SUMMARY"]) == event.title
    assert vevent["DTSTART"].dt == berlin(2017, 10, 9, 18)
    assert vevent["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert vevent["DTEND"].dt == berlin(2017, 10, 9, 21)
    assert "DTSTAMP" in vevent
    assert str(vevent["URL"]) == f"http://testserver{event.url}"
    assert str(vevent["STATUS"]) == "CONFIRMED"
    assert "Rathaus, Am Pferdewasser 14" in str(vevent["LOCATION"])
    description = str(vevent["DESCRIPTION"])
    assert "Erste Ergebnisse" in description
    assert "Barrierefreiheit: Stufenloser Zugang." in description
    assert str(vevent["ORGANIZER"]) == "mailto:info@example.org"


def test_uid_is_stable_across_requests(client, index):
    event = EventPageFactory(parent=index, **soon(3))

    first = parse(client.get(f"{event.url}kalender/"))
    second = parse(client.get(f"{index.url}kalender/"))

    (one,) = first.walk("VEVENT")
    (two,) = second.walk("VEVENT")
    assert str(one["UID"]) == str(two["UID"])
    assert str(event.translation_key) in str(one["UID"])


def test_cancelled_event_has_status_cancelled(client, index):
    event = EventPageFactory(
        parent=index, title="Sprachcafé", cancelled=True, **soon(2)
    )

    (vevent,) = parse(client.get(f"{event.url}kalender/")).walk("VEVENT")

    assert str(vevent["STATUS"]) == "CANCELLED"
    assert str(vevent["SUMMARY"]) == "Abgesagt: Sprachcafé"


def test_all_day_event_uses_dates_with_exclusive_end(client, index):
    event = EventPageFactory(
        parent=index,
        all_day=True,
        start=berlin(2017, 10, 9),
        end=berlin(2017, 10, 10, 23, 59, 59),
    )

    (vevent,) = parse(client.get(f"{event.url}kalender/")).walk("VEVENT")

    assert vevent["DTSTART"].dt == datetime.date(2017, 10, 9)
    assert vevent["DTEND"].dt == datetime.date(2017, 10, 11)


def test_subscription_calendar_has_live_events_only(client, index):
    EventPageFactory(parent=index, title="Forum", **soon(3))
    EventPageFactory(parent=index, title="Entwurf", live=False, **soon(4))
    EventPageFactory(
        parent=index,
        title="Uralt",
        start=berlin(2001, 1, 1, 10),
        end=berlin(2001, 1, 1, 12),
    )

    response = client.get(f"{index.url}kalender/")
    calendar = parse(response)

    assert summaries(calendar) == ["Forum"]
    assert str(calendar["X-WR-CALNAME"]) == "Veranstaltungen"
    assert "REFRESH-INTERVAL" in calendar
    assert b"X-PUBLISHED-TTL:PT6H" in response.content


def test_topic_calendar_has_only_its_topic_and_unknown_topic_is_404(client, index):
    EventPageFactory(parent=index, title="Forum", topic=EventTopic.FORUM, **soon(3))
    EventPageFactory(
        parent=index, title="Ausschuss", topic=EventTopic.COMMITTEE, **soon(4)
    )

    calendar = parse(client.get(f"{index.url}kalender/gremium/"))
    missing = client.get(f"{index.url}kalender/unbekannt/")

    assert summaries(calendar) == ["Ausschuss"]
    assert str(calendar["X-WR-CALNAME"]) == "Veranstaltungen: Ausschuss/Gremium"
    assert missing.status_code == 404


def test_index_offers_webcal_and_https_subscriptions(client, index):
    html = client.get(index.url).content.decode()

    assert "Kalender abonnieren" in html
    assert 'href="webcal://testserver/veranstaltungen/kalender/"' in html
    assert 'href="http://testserver/veranstaltungen/kalender/"' in html
    for slug in EventTopic.values:
        assert f'href="webcal://testserver/veranstaltungen/kalender/{slug}/"' in html
    assert (
        '<link rel="alternate" type="text/calendar" title="Alle Veranstaltungen (iCal)" '
        'href="http://testserver/veranstaltungen/kalender/">'
    ) in html


def test_draft_event_has_no_calendar_file(client, index):
    event = EventPageFactory(parent=index, live=False, **soon(2))

    assert client.get(f"{event.url}kalender/").status_code == 404
