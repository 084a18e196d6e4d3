"""Events: the upcoming and past lists, the event page with its schema.org
data, model rules, tree rules and the admin form. (Calendars:
test_event_calendars.py; import: test_event_import.py.)"""

import datetime
import json
import re
import zoneinfo

from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, streamfield

import pytest

from core.bootstrap import content_locales
from demo.translations import object_translate
from events.models import EventIndexPage, EventPage, EventTopic
from pages.models import HomePage
from tests.contacts.factories import OrganisationFactory, PlaceFactory
from tests.factories import EventIndexPageFactory, EventPageFactory

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")


def berlin(*args) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=BERLIN)


def in_days(days: int, hours: int = 2) -> dict:
    start = timezone.now().replace(microsecond=0) + datetime.timedelta(days=days)
    return {"start": start, "end": start + datetime.timedelta(hours=hours)}


def listed_titles(html: str) -> list[str]:
    return re.findall(
        r'class="event-item__title"><a class="kern-link" href="[^"]+"[^>]*>([^<]+)<',
        html,
    )


@pytest.fixture
def index(home):
    return EventIndexPageFactory(parent=home, intro="Termine in Flensburg.")


@pytest.mark.django_db
def test_upcoming_events_soonest_first_without_past_or_draft_ones(client, index):
    EventPageFactory(parent=index, title="Später", **in_days(20))
    EventPageFactory(parent=index, title="Bald", **in_days(2))
    EventPageFactory(parent=index, title="Vorbei", **in_days(-3))
    EventPageFactory(parent=index, title="Entwurf", live=False, **in_days(5))
    # Started an hour ago, still running: still upcoming.
    EventPageFactory(parent=index, title="Läuft gerade", **in_days(0, hours=3))

    response = client.get(index.url)

    assert response.status_code == 200
    html = response.content.decode()
    assert listed_titles(html) == ["Läuft gerade", "Bald", "Später"]
    assert "3 Veranstaltungen" in html
    assert f'href="{index.url}vergangene/"' in html


@pytest.mark.django_db
def test_past_events_on_their_own_page_newest_first(client, index):
    EventPageFactory(
        parent=index,
        title="Forum",
        start=berlin(2017, 10, 9, 18),
        end=berlin(2017, 10, 9, 21),
    )
    EventPageFactory(
        parent=index,
        title="Ausschuss",
        start=berlin(2017, 11, 16, 17),
        end=berlin(2017, 11, 16, 19),
    )
    EventPageFactory(parent=index, title="Kommt noch", **in_days(4))

    response = client.get(f"{index.url}vergangene/")

    assert response.status_code == 200
    html = response.content.decode()
    assert listed_titles(html) == ["Ausschuss", "Forum"]
    assert "<title>Vergangene Veranstaltungen – " in html
    assert 'aria-current="page">Vergangene Veranstaltungen' in html
    assert (
        '<span aria-current="page" dir="auto">Vergangene Veranstaltungen</span>' in html
    )


@pytest.mark.django_db
def test_list_shows_german_date_and_time_in_berlin_time_place_topic(client, index):
    place = PlaceFactory(name="Rathaus", street="Am Pferdewasser 14")
    EventPageFactory(
        parent=index,
        title="3. Forum",
        # 16:00 UTC is 18:00 in Flensburg (summer time).
        start=datetime.datetime(2017, 10, 9, 16, tzinfo=datetime.UTC),
        end=datetime.datetime(2017, 10, 9, 19, tzinfo=datetime.UTC),
        place=place,
        location_note="Ratssaal",
        topic=EventTopic.FORUM,
    )

    html = client.get(f"{index.url}vergangene/").content.decode()

    assert (
        '<time class="event-item__when" datetime="2017-10-09T18:00:00+02:00">'
        "Montag, 9. Oktober 2017, 18:00 bis 21:00 Uhr</time>"
    ) in html
    assert "Rathaus, Am Pferdewasser 14 – Ratssaal" in re.sub(r"<[^>]+>", "", html)
    assert '<span class="event-item__topic">Forum</span>' in html


@pytest.mark.django_db
def test_cancelled_event_is_marked_in_list_and_on_its_page(client, index):
    event = EventPageFactory(
        parent=index, title="Sprachcafé", cancelled=True, **in_days(3)
    )

    list_html = client.get(index.url).content.decode()
    page_html = client.get(event.url).content.decode()

    assert "event-item--cancelled" in list_html
    assert (
        '<span class="kern-badge kern-badge--danger event-badge"><span class="kern-label">Abgesagt</span></span>'
        in list_html
    )
    assert "Diese Veranstaltung ist abgesagt." in page_html


@pytest.mark.django_db
def test_filter_by_topic_and_refuse_unknown_topic_with_400(client, index):
    EventPageFactory(parent=index, title="Forum", topic=EventTopic.FORUM, **in_days(2))
    EventPageFactory(
        parent=index, title="Ausschuss", topic=EventTopic.COMMITTEE, **in_days(3)
    )

    filtered = client.get(index.url, {"thema": "gremium"})
    wrong = client.get(index.url, {"thema": "<script>"})

    assert listed_titles(filtered.content.decode()) == ["Ausschuss"]
    assert "Alle Themen zeigen" in filtered.content.decode()
    assert wrong.status_code == 400
    assert "Dieses Thema gibt es nicht." in wrong.content.decode()
    assert listed_titles(wrong.content.decode()) == ["Forum", "Ausschuss"]


@pytest.mark.django_db
def test_list_is_paginated_with_seite(client, index):
    for day in range(1, 13):
        EventPageFactory(parent=index, title=f"Termin {day:02d}", **in_days(day))

    first = client.get(index.url).content.decode()
    second = client.get(index.url, {"seite": "2"}).content.decode()
    nonsense = client.get(index.url, {"seite": "x"})

    assert len(listed_titles(first)) == 10
    assert listed_titles(second) == ["Termin 11", "Termin 12"]
    assert "Seite 2 von 2" in second
    assert nonsense.status_code == 200


@pytest.mark.django_db
def test_event_page_shows_facts_and_calendar_link(client, index):
    organiser = OrganisationFactory(
        name="Koordinierungsstelle", website="https://www.flensburg.de/"
    )
    event = EventPageFactory(
        parent=index,
        title="Beratungstag",
        slug="beratungstag",
        start=berlin(2017, 10, 9),
        end=berlin(2017, 10, 10),
        all_day=True,
        place=PlaceFactory(name="Rathaus"),
        organiser=organiser,
        topic=EventTopic.COUNSELLING,
        registration_url="https://example.org/anmeldung",
        registration_note="Bitte bis 2. Oktober anmelden.",
        accessibility_notes="Stufenloser Zugang, Gebärdensprachdolmetschung.",
    )
    event.full_clean()
    event.save()

    response = client.get(event.url)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Montag, 9. Oktober 2017 bis Dienstag, 10. Oktober 2017" in html
    assert "(ganztägig)" in html
    assert "Rathaus" in html and "Auf OpenStreetMap ansehen" in html
    assert "Bitte bis 2. Oktober anmelden." in html
    assert "Stufenloser Zugang, Gebärdensprachdolmetschung." in html
    assert "Beratung" in html
    assert f'href="{event.url}kalender/" download' in html
    assert "In meinen Kalender übernehmen (.ics)" in html
    # Past: no registration link any more.
    assert 'href="https://example.org/anmeldung"' not in html


def jsonld_event(html: str) -> dict:
    for block in re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', html, re.S
    ):
        data = json.loads(block)
        if data.get("@type") == "Event":
            return data
    raise AssertionError("no schema.org Event on the page")


@pytest.mark.django_db
def test_event_page_has_schema_org_event(client, index):
    place = PlaceFactory(name="Rathaus", street="Am Pferdewasser 14", postcode="24937")
    event = EventPageFactory(
        parent=index,
        title="Forum </script>",
        intro="Erste Ergebnisse.",
        start=berlin(2017, 10, 9, 18),
        end=berlin(2017, 10, 9, 21),
        place=place,
        organiser=OrganisationFactory(name="Stadt Flensburg"),
        cancelled=True,
    )

    data = jsonld_event(client.get(event.url).content.decode())

    assert data["@context"] == "https://schema.org"
    assert data["name"] == "Forum </script>"
    assert data["startDate"] == "2017-10-09T18:00:00+02:00"
    assert data["endDate"] == "2017-10-09T21:00:00+02:00"
    assert data["eventStatus"] == "https://schema.org/EventCancelled"
    assert data["url"] == f"http://testserver{event.url}"
    assert data["location"]["@type"] == "Place"
    assert data["location"]["address"]["streetAddress"] == "Am Pferdewasser 14"
    assert data["location"]["address"]["postalCode"] == "24937"
    assert data["organizer"]["name"] == "Stadt Flensburg"


@pytest.mark.django_db
def test_end_must_follow_start(index):
    event = EventPageFactory.build(
        title="Falsch",
        slug="falsch",
        start=berlin(2017, 10, 9, 18),
        end=berlin(2017, 10, 9, 17),
    )

    with pytest.raises(ValidationError) as error:
        event.clean()

    assert error.value.message_dict["end"] == ["Das Ende muss nach dem Beginn liegen."]


@pytest.mark.django_db
def test_all_day_event_spans_whole_berlin_days(index):
    event = EventPageFactory.build(
        title="Aktionstag",
        slug="aktionstag",
        all_day=True,
        start=berlin(2017, 10, 9, 15),
        end=berlin(2017, 10, 9, 15),
    )

    event.clean()

    assert event.local_start == berlin(2017, 10, 9, 0, 0)
    assert event.local_end == berlin(2017, 10, 9, 23, 59, 59)


@pytest.mark.django_db
def test_slugs_of_index_routes_are_reserved(index):
    event = EventPageFactory.build(slug="kalender", **in_days(1))

    with pytest.raises(ValidationError) as error:
        event.clean()

    assert "reserviert" in error.value.message_dict["slug"][0]


@pytest.mark.django_db
def test_untranslated_events_appear_in_german_in_a_translated_list(
    client, home, index, django_capture_on_commit_callbacks
):
    content_locales()
    translated = EventPageFactory(parent=index, title="Forum", intro="", **in_days(2))
    EventPageFactory(parent=index, title="Sprachcafé", intro="", **in_days(3))
    with django_capture_on_commit_callbacks(execute=True):
        for page in (home, index, translated):
            object_translate(
                instance=page, language="en", strings={"Forum": {"en": "Forum (EN)"}}
            )

    html = client.get(f"/en{index.url}").content.decode()

    assert listed_titles(html) == ["Forum (EN)", "Sprachcafé"]
    # The German event's own text is marked German; its date, topic and
    # labels are the site's words, in English.
    assert re.search(r'href="[^"]+" lang="de" dir="ltr">Sprachcafé<', html)
    assert '<article class="event-item">' in html


@pytest.mark.django_db
def test_list_queries_do_not_grow_with_the_number_of_events(
    client, index, django_assert_num_queries, settings
):
    # Counts the rendering, not the page cache nor the fragment cache.
    settings.PAGE_CACHE_SECONDS = 0
    settings.FRAGMENT_CACHE_SECONDS = 0

    def add(count):
        place = PlaceFactory()
        organiser = OrganisationFactory()
        for day in range(count):
            EventPageFactory(
                parent=index, place=place, organiser=organiser, **in_days(day + 1)
            )
            EventPageFactory(parent=index, **in_days(-day - 1))

    add(2)
    client.get(index.url)  # warm the site-root cache
    for url in (index.url, f"{index.url}vergangene/"):
        with CaptureQueriesContext(connection) as few:
            client.get(url)
        # Counted now: the query log is a bounded deque.
        expected = len(few.captured_queries)
        add(8)
        with django_assert_num_queries(expected):
            client.get(url)


class TestEventTreeRules(WagtailPageTestCase):
    def test_events_only_under_their_index_under_home(self):
        self.assertAllowedParentPageTypes(EventIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(EventIndexPage, {EventPage})
        self.assertAllowedParentPageTypes(EventPage, {EventIndexPage})
        self.assertAllowedSubpageTypes(EventPage, set())
        assert EventIndexPage.max_count_per_parent == 1


class TestEventAdminCreate(WagtailPageTestCase):
    def setUp(self):
        self.login()
        root = Page.get_first_root_node()
        home = root.add_child(
            instance=HomePage(
                title="Start", slug="start-admin", last_reviewed="2026-11-01"
            )
        )
        self.index = home.add_child(
            instance=EventIndexPage(
                title="Veranstaltungen",
                slug="veranstaltungen",
                last_reviewed="2026-11-01",
            )
        )

    def _form(self, **extra):
        return nested_form_data(
            {
                "title": "4. Forum",
                "slug": "4-forum",
                "start": "2026-12-01 18:00",
                "end": "2026-12-01 21:00",
                "topic": "forum",
                "intro": "Einleitung",
                "last_reviewed": "2026-11-20",
                "body": streamfield([]),
                **extra,
            }
        )

    def test_editor_creates_an_event_in_berlin_time(self):
        self.assertCanCreate(self.index, EventPage, self._form())

        event = EventPage.objects.get(slug="4-forum")
        assert event.start == berlin(2026, 12, 1, 18)

    def test_end_before_start_is_refused_in_german(self):
        response = self.client.post(
            f"/admin/pages/add/events/eventpage/{self.index.pk}/",
            self._form(end="2026-12-01 17:00"),
        )

        assert response.status_code == 200
        assert "Das Ende muss nach dem Beginn liegen." in response.content.decode()
        assert not EventPage.objects.exists()
