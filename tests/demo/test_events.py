"""The demo's events: the source's 2017 dates stay past, the example events
are dated from the day the demo is loaded, so "Termine" and the calendars
always show something upcoming."""

import datetime
import re
import zoneinfo

from django.utils import timezone

import icalendar
import pytest

from demo.contacts import contacts_demo_load
from demo.events import EVENTS, EXAMPLE_EVENTS, upcoming_day
from demo.tree import PageSpec, page_tree_load
from events.models import EventIndexPage, EventPage, EventTopic
from pages.models import HomePage

pytestmark = pytest.mark.django_db
BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")
SOURCE_EVENTS = [
    "3. Forum „Flüchtlinge – unsere neuen Nachbarn“",
    "Check Up Integration im Ausschuss für Bürgerservice, Schutz und Ordnung",
]
EXAMPLE_TITLES = [event.title for event in EXAMPLE_EVENTS]


def listed_titles(html: str) -> list[str]:
    return re.findall(r'class="event-item__title"><a [^>]*>([^<]+)<', html)


@pytest.fixture
def events(home):
    """Only the directory and the events of the demo, below the test's home."""
    contacts_demo_load()
    tree = PageSpec(model=HomePage, slug="home", title="Start", children=[EVENTS])
    page_tree_load(tree=tree, settings_values={})
    return EventIndexPage.objects.get(slug="veranstaltungen")


@pytest.mark.parametrize(
    ("today", "weekday", "at_least", "expected"),
    [
        # Friday 4 December 2026: the Tuesday at least 3 days later.
        (datetime.date(2026, 12, 4), 1, 3, datetime.date(2026, 12, 8)),
        # A Tuesday 3 days on is that very Tuesday.
        (datetime.date(2026, 12, 5), 1, 3, datetime.date(2026, 12, 8)),
        # Across the turn of the year.
        (datetime.date(2026, 12, 28), 5, 22, datetime.date(2027, 1, 23)),
        # Not on a holiday or between the years: a week later.
        (datetime.date(2026, 12, 4), 5, 22, datetime.date(2027, 1, 2)),
        (datetime.date(2026, 12, 20), 1, 3, datetime.date(2027, 1, 5)),
        (datetime.date(2027, 4, 20), 5, 8, datetime.date(2027, 5, 8)),
    ],
)
def test_upcoming_day_is_the_first_such_weekday_far_enough_ahead(
    today, weekday, at_least, expected
):
    day = upcoming_day(weekday, at_least=at_least, today=today)

    assert day == expected
    assert day.weekday() == weekday


def test_termine_shows_the_example_events_and_the_2017_ones_as_past(client, events):
    upcoming = client.get(events.url).content.decode()
    past = client.get(f"{events.url}vergangene/").content.decode()

    assert listed_titles(upcoming) == EXAMPLE_TITLES
    assert listed_titles(past) == SOURCE_EVENTS[::-1]  # newest first
    for event in EventPage.objects.filter(title__in=EXAMPLE_TITLES):
        assert event.start > timezone.now()
        assert event.end > event.start
        assert event.place is not None and event.organiser is not None


@pytest.mark.parametrize(
    "topic",
    [
        EventTopic.COUNSELLING,
        EventTopic.LANGUAGE,
        EventTopic.FORUM,
        EventTopic.ENCOUNTER,
    ],
)
def test_every_topic_filter_and_calendar_has_an_upcoming_event(client, events, topic):
    html = client.get(f"{events.url}?thema={topic}").content.decode()
    calendar = icalendar.Calendar.from_ical(
        client.get(f"{events.url}kalender/{topic}/").content
    )

    titles = listed_titles(html)
    assert titles and all(title.startswith("Beispiel: ") for title in titles)
    assert [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")] == titles


def test_the_calendar_of_all_events_carries_the_example_events(client, events):
    calendar = icalendar.Calendar.from_ical(
        client.get(f"{events.url}kalender/").content
    )

    summaries = [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")]
    assert summaries == EXAMPLE_TITLES


def test_example_events_are_labelled_once_and_calmly(client, events):
    for event in EventPage.objects.filter(title__in=EXAMPLE_TITLES):
        html = client.get(event.url).content.decode()
        assert html.count("Beispielinhalt:") == 1
        assert "kern-alert--warning" not in html
        local = timezone.localtime(event.start, BERLIN)
        assert local.strftime("%H:%M") in {"10:00", "16:00", "18:30", "14:00"}


def test_the_source_events_say_no_word_about_the_source(client, events):
    forum, committee = (EventPage.objects.get(title=title) for title in SOURCE_EVENTS)

    forum_html = client.get(forum.url).content.decode()
    committee_html = client.get(committee.url).content.decode()

    for html in (forum_html, committee_html):
        assert "Quelle" not in html
        assert "kern-alert--warning" not in html
        assert (
            "Flensburg"
            in re.search(r"<dt>Wo</dt>\s*<dd[^>]*>(.*?)</dd>", html, re.S)[1]
        )
    # The forum's date is the source's; the committee's day is an example.
    assert "Beispielinhalt:" not in forum_html
    assert committee_html.count("Beispielinhalt:") == 1


def test_loading_again_changes_no_event(events):
    before = list(EventPage.objects.order_by("pk").values_list("pk", "start", "end"))

    tree = PageSpec(model=HomePage, slug="home", title="Start", children=[EVENTS])
    page_tree_load(tree=tree, settings_values={})

    assert (
        list(EventPage.objects.order_by("pk").values_list("pk", "start", "end"))
        == before
    )
    assert len(before) == len(SOURCE_EVENTS) + len(EXAMPLE_EVENTS)
