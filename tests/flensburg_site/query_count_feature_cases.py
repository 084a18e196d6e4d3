"""Query-count cases of the feature apps (Check Up Integration, events,
news) for ``test_query_counts``."""

from __future__ import annotations

import datetime

from django.utils import timezone

import wagtail_factories

from integration_checkup.models import MeasureStatus, MeasureStatusChange
from integration_checkup.models.feedback import FeedbackStatus
from tests.contacts.factories import (
    PlaceFactory,
)
from tests.factories import (
    CheckUpPageFactory,
    ContentPageFactory,
    EventIndexPageFactory,
    EventPageFactory,
    InfoIndexPageFactory,
    InfoPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
)
from tests.flensburg_site.query_count_cases import (
    LARGE,
    SMALL,
    Case,
    grow_body,
    organisation,
)
from tests.integration_checkup.factories import (
    DocumentFactory,
    FeedbackFactory,
    FieldOfActionFactory,
    MeasureSheetFactory,
    ProcessStepFactory,
    StatusAnalysisFactory,
)


def _checkup(home):
    return CheckUpPageFactory(
        parent=home,
        slug="check-up-integration",
        body=[("checkup_timeline", None), ("checkup_progress", None)],
    )


def add_measures(count: int, field=None) -> list:
    sheets = []
    for _ in range(count):
        sheet = MeasureSheetFactory(
            field_of_action=field or FieldOfActionFactory(),
            document=DocumentFactory(),
            history=[
                (datetime.date(2017, 9, 1), MeasureStatus.DRAFT),
                (datetime.date(2017, 10, 9), MeasureStatus.FORUM),
                (datetime.date(2017, 11, 20), MeasureStatus.ADOPTED),
            ],
            status=MeasureStatus.ADOPTED,
        )
        StatusAnalysisFactory(field_of_action=sheet.field_of_action)
        sheets.append(sheet)
    return sheets


def checkup_overview(home) -> Case:
    page = _checkup(home)

    def grow(count: int) -> None:
        add_measures(count)
        for _ in range(count):
            ProcessStepFactory()

    return Case(page.url, grow, marker="Schritt ")


def _measure_sheet(home, suffix: str, marker: str) -> Case:
    page = _checkup(home)
    documents = [DocumentFactory() for _ in range(LARGE + SMALL)]
    (sheet,) = add_measures(1)
    added = []

    def grow(count: int) -> None:
        start = len(added)
        for number in range(start, start + count):
            MeasureStatusChange.objects.create(
                measure=sheet,
                date=datetime.date(2018, 1, 1) + datetime.timedelta(days=number),
                status=MeasureStatus.IN_PROGRESS,
                note=f"Schritt {number}",
            )
            FeedbackFactory(
                measure=sheet,
                text=f"Rückmeldung {number}",
                status=FeedbackStatus.APPROVED,
            )
            added.append(documents[number])
        # Working papers linked from the sheet's text.
        sheet.goals = "".join(
            f'<p><a linktype="document" id="{document.pk}">Anlage</a></p>'
            for document in added
        )
        sheet.save()

    return Case(f"{page.url}massnahmen/{sheet.number}/{suffix}", grow, marker=marker)


def measure_sheet(home) -> Case:
    return _measure_sheet(home, "", marker="Rückmeldung ")


def measure_handout(home) -> Case:
    return _measure_sheet(home, "handzettel/", marker="Anlage")


def measure_feedback_form(home) -> Case:
    return _measure_sheet(home, "rueckmeldung/", marker=None)


def measure_feed(home) -> Case:
    return _measure_sheet(home, "feed/", marker="<entry>")


def field_of_action(home) -> Case:
    page = _checkup(home)
    field = FieldOfActionFactory(slug="wohnen")
    StatusAnalysisFactory(field_of_action=field)

    def grow(count: int) -> None:
        for _ in range(count):
            MeasureSheetFactory(field_of_action=field, document=DocumentFactory())

    return Case(f"{page.url}handlungsfelder/wohnen/", grow, marker="Maßnahme ")


def field_feed(home) -> Case:
    case = field_of_action(home)
    return Case(case.url + "feed/", case.grow, marker="<entry>")


def status_analyses(home) -> Case:
    page = _checkup(home)
    return Case(
        f"{page.url}statusanalysen/", add_measures, marker="Statusanalyse Handlungsfeld"
    )


def papers_feed_atom(home) -> Case:
    page = _checkup(home)
    return Case(f"{page.url}arbeitspapiere/feed/", add_measures, marker="<entry>")


def papers_feed_rss(home) -> Case:
    page = _checkup(home)
    return Case(f"{page.url}arbeitspapiere/feed/rss/", add_measures, marker="<item>")


def _events(home):
    index = EventIndexPageFactory(parent=home)

    def grow(count: int) -> None:
        for number in range(count):
            EventPageFactory(
                parent=index,
                start=timezone.now() + datetime.timedelta(days=number + 1),
                place=PlaceFactory(),
                organiser=organisation(),
            )

    return index, grow


def event_page(home) -> Case:
    index, grow_events = _events(home)
    event = EventPageFactory(
        parent=index, place=PlaceFactory(), organiser=organisation(), body=[]
    )
    grow_contacts = grow_body(home, event)

    def grow(count: int) -> None:
        grow_events(count)
        grow_contacts(count)

    return Case(event.url, grow, marker="contact-card")


def event_ics(home) -> Case:
    case = event_page(home)
    return Case(case.url + "kalender/", case.grow)


def event_calendar(home) -> Case:
    index, grow = _events(home)
    return Case(index.url + "kalender/", grow, marker="BEGIN:VEVENT")


def event_topic_calendar(home) -> Case:
    index, grow = _events(home)
    return Case(index.url + "kalender/forum/", grow, marker="BEGIN:VEVENT")


def _news(home):
    index = NewsIndexPageFactory(parent=home)

    def grow(count: int) -> None:
        for _ in range(count):
            NewsPageFactory(parent=index, social_image=wagtail_factories.ImageFactory())

    return index, grow


def news_page(home) -> Case:
    index, grow_news = _news(home)
    item = NewsPageFactory(parent=index, body=[])
    grow_contacts = grow_body(home, item)

    def grow(count: int) -> None:
        grow_news(count)
        grow_contacts(count)

    return Case(item.url, grow, marker="contact-card")


def news_feed_rss(home) -> Case:
    index, grow = _news(home)
    return Case(index.url + "feed/rss/", grow, marker="<item>")


def news_feed_atom(home) -> Case:
    index, grow = _news(home)
    return Case(index.url + "feed/atom/", grow, marker="<entry>")


def sitemap(home) -> Case:
    _checkup(home)
    info = InfoIndexPageFactory(parent=home)
    news, grow_news = _news(home)
    events, grow_events = _events(home)

    def grow(count: int) -> None:
        add_measures(count)
        grow_news(count)
        grow_events(count)
        for _ in range(count):
            ContentPageFactory(parent=home)
            InfoPageFactory(parent=info)

    return Case("/sitemap.xml", grow, marker="<url>")
