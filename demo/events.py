"""The demo site's events: the two dates of the source page and example events.

The 3rd forum (9 October 2017) and the committee meeting (November 2017) are
the source's and stay past events. The source gives neither time nor place,
so both are all-day events in Flensburg; the committee's day is an example.

The example events (a counselling hour, a language café, an info evening, a
neighbourhood party) are dated from the day the demo is loaded, so that
"Termine" and the calendars show upcoming events. Like every demo page they
are created once and never changed by a later run. Their titles start with
"Beispiel:" (they appear in lists and calendars without the page's note).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from demo.blocks import office_contact, paragraph
from demo.contacts import (
    COMMUNITY_HALL,
    LANGUAGE_CAFE,
    LANGUAGE_CAFE_PLACE,
    OFFICE_NAME,
    OFFICE_PLACE,
    demo_organisation,
    demo_place,
)
from demo.tree import PageSpec
from events.models import EventIndexPage, EventPage, EventTopic, all_day_bounds

FORUM_DAY = datetime.date(2017, 10, 9)
# The source says only "im November 2017": the day is an example.
COMMITTEE_EXAMPLE_DAY = datetime.date(2017, 11, 16)

MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY = range(7)
# Days no example event falls on: Schleswig-Holstein's public holidays with a
# fixed date and the days between the years. (The movable holidays fall on
# Mondays, Thursdays and Fridays; the example events are on other weekdays.)
CLOSED_DAYS = {(1, 1), (5, 1), (10, 3), (10, 31), (12, 31)} | {
    (12, day) for day in range(24, 31)
}


def _all_day(day: datetime.date) -> dict[str, Any]:
    """Start and end of an all-day event (callables: built when the page is)."""
    return {
        "all_day": True,
        "start": lambda: all_day_bounds(day, day)[0],
        "end": lambda: all_day_bounds(day, day)[1],
    }


def upcoming_day(
    weekday: int, *, at_least: int, today: datetime.date | None = None
) -> datetime.date:
    """The first ``weekday`` (0 = Monday) at least ``at_least`` days after
    ``today`` (in Flensburg) that is no holiday (``CLOSED_DAYS``)."""
    today = today or timezone.localdate(timezone=timezone.get_default_timezone())
    earliest = today + datetime.timedelta(days=at_least)
    day = earliest + datetime.timedelta(days=(weekday - earliest.weekday()) % 7)
    while (day.month, day.day) in CLOSED_DAYS:
        day += datetime.timedelta(days=7)
    return day


def _berlin(day: datetime.date, time: str) -> datetime.datetime:
    return datetime.datetime.combine(
        day, datetime.time.fromisoformat(time), tzinfo=timezone.get_default_timezone()
    )


@dataclass(frozen=True)
class ExampleEvent:
    slug: str
    title: str
    topic: str
    weekday: int
    at_least: int  # days after loading the demo
    starts: str
    ends: str
    place: str
    organiser: str
    intro: str
    body: str
    registration_note: str = ""
    accessibility_notes: str = ""
    with_contact: bool = False

    def spec(self) -> PageSpec:
        def when(time: str):
            return lambda: _berlin(
                upcoming_day(self.weekday, at_least=self.at_least), time
            )

        def body():
            blocks = [paragraph(self.body)]
            if self.with_contact:
                blocks.append(office_contact())
            return blocks

        return PageSpec(
            model=EventPage,
            slug=self.slug,
            title=self.title,
            fields={
                "start": when(self.starts),
                "end": when(self.ends),
                "topic": self.topic,
                "place": lambda: demo_place(self.place),
                "organiser": lambda: demo_organisation(self.organiser),
                "intro": self.intro,
                "body": body,
                "registration_note": self.registration_note,
                "accessibility_notes": self.accessibility_notes,
                "contains_examples": True,
            },
        )


EXAMPLE_EVENTS = [
    ExampleEvent(
        slug="beispiel-offene-sprechstunde",
        title="Beispiel: Offene Sprechstunde der Koordinierungsstelle",
        topic=EventTopic.COUNSELLING,
        weekday=TUESDAY,
        at_least=3,
        starts="10:00",
        ends="12:00",
        place=OFFICE_PLACE,
        organiser=OFFICE_NAME,
        intro=(
            "Fragen zur Aufnahme, zu Leistungen oder zum Ehrenamt? In der offenen "
            "Sprechstunde berät Sie die Koordinierungsstelle ohne Termin. Sie findet "
            "jede Woche statt."
        ),
        body=(
            "<p>Bringen Sie Briefe und Bescheide mit, zu denen Sie Fragen haben. Sie "
            "können gern jemanden mitbringen, der für Sie übersetzt.</p>"
        ),
        registration_note="Ohne Anmeldung.",
        with_contact=True,
    ),
    ExampleEvent(
        slug="beispiel-sprachcafe-fruerlund",
        title="Beispiel: Sprachcafé im Stadtteiltreff Fruerlund",
        topic=EventTopic.LANGUAGE,
        weekday=WEDNESDAY,
        at_least=8,
        starts="16:00",
        ends="18:00",
        place=LANGUAGE_CAFE_PLACE,
        organiser=LANGUAGE_CAFE,
        intro=(
            "Deutsch sprechen üben, bei Tee und Kuchen: Ehrenamtliche und Geflüchtete "
            "treffen sich im Sprachcafé. Alle Sprachniveaus sind willkommen."
        ),
        body=(
            "<p>Sie brauchen keine Vorkenntnisse. Kinder können mitkommen; es gibt eine "
            "Spielecke.</p>"
        ),
        registration_note="Ohne Anmeldung, kostenlos.",
    ),
    ExampleEvent(
        slug="beispiel-infoabend-ehrenamtlich-helfen",
        title="Beispiel: Infoabend „Ehrenamtlich helfen“",
        topic=EventTopic.FORUM,
        weekday=WEDNESDAY,
        at_least=15,
        starts="18:30",
        ends="20:00",
        place=OFFICE_PLACE,
        organiser=OFFICE_NAME,
        intro=(
            "Sie möchten Geflüchtete in Flensburg unterstützen? Die Koordinierungsstelle "
            "stellt Initiativen und Spendenstellen vor und beantwortet Ihre Fragen."
        ),
        body=(
            "<p>Initiativen berichten, wo gerade Hilfe gebraucht wird: als Patin oder "
            "Pate, im Sprachcafé, bei Behördengängen oder in der Kleiderkammer.</p>"
        ),
        registration_note="Bitte melden Sie sich bei der Koordinierungsstelle an.",
        accessibility_notes="Gebärdensprachdolmetschung auf Anfrage.",
        with_contact=True,
    ),
    ExampleEvent(
        slug="beispiel-begegnungsfest-nordstadt",
        title="Beispiel: Begegnungsfest in der Nordstadt",
        topic=EventTopic.ENCOUNTER,
        weekday=SATURDAY,
        at_least=22,
        starts="14:00",
        ends="18:00",
        place=COMMUNITY_HALL,
        organiser=OFFICE_NAME,
        intro=(
            "Nachbarinnen und Nachbarn aus vielen Ländern feiern zusammen: mit Musik, "
            "Spielen für Kinder und einem Buffet, zu dem alle etwas mitbringen können."
        ),
        body="<p>Der Eintritt ist frei. Bei Regen feiern wir im Gemeindehaus.</p>",
        registration_note="Ohne Anmeldung.",
    ),
]

EVENTS = PageSpec(
    model=EventIndexPage,
    slug="veranstaltungen",
    title="Veranstaltungen",
    show_in_menus=True,
    fields={
        "menu_title": "Termine",
        "intro": (
            "Foren, Ausschusssitzungen und Treffen rund um die Aufnahme und Integration "
            "Geflüchteter in Flensburg. Abonnieren Sie die Termine in Ihrem Kalender."
        ),
    },
    children=[
        PageSpec(
            model=EventPage,
            slug="3-forum-fluechtlinge-unsere-neuen-nachbarn",
            title="3. Forum „Flüchtlinge – unsere neuen Nachbarn“",
            fields={
                **_all_day(FORUM_DAY),
                "topic": EventTopic.FORUM,
                "location_note": "Flensburg",
                "intro": (
                    "Beim 3. Forum am 9. Oktober 2017 werden erste Ergebnisse des "
                    "„Check Up Integration“ vorgestellt und ausgewählte Maßnahmen in fünf "
                    "Arbeitsgruppen mit den Teilnehmenden diskutiert."
                ),
                "body": lambda: [
                    paragraph(
                        "<p>Die Rückmeldungen aus den Arbeitsgruppen fließen in die "
                        "Maßnahmensteckbriefe ein und verbessern sie. Die vorläufigen "
                        "Ergebnisse sind ein Arbeitspapier, über das danach weiter "
                        "beraten wird.</p>"
                    ),
                    office_contact(),
                ],
            },
        ),
        PageSpec(
            model=EventPage,
            slug="ausschuss-buergerservice-schutz-und-ordnung-november-2017",
            title="Check Up Integration im Ausschuss für Bürgerservice, Schutz und Ordnung",
            fields={
                **_all_day(COMMITTEE_EXAMPLE_DAY),
                "topic": EventTopic.COMMITTEE,
                "location_note": "Flensburg",
                "intro": (
                    "Im November 2017 werden die vorläufigen Ergebnisse des „Check Up "
                    "Integration“ im Ausschuss für Bürgerservice, Schutz und Ordnung "
                    "präsentiert und danach weiter diskutiert und abgestimmt."
                ),
                "body": lambda: [
                    paragraph(
                        "<p>Fragen zum „Check Up Integration“ beantwortet die "
                        "Koordinierungsstelle.</p>"
                    ),
                    office_contact(),
                ],
                # The day in November is an example.
                "contains_examples": True,
            },
        ),
        *(event.spec() for event in EXAMPLE_EVENTS),
    ],
)
