"""Every public page type runs a fixed number of SQL queries, whatever its content.

Each case builds a page with a little content, counts the queries of one
request, adds several times as much content of the kind the page lists
(teasers, contacts, status entries, measures, news, events, ...) and expects
exactly the same count: no query per item (N+1). Pages whose lists have
their own tests elsewhere (directory, measure list, search, news and event
lists, API; see ``django_assert_num_queries`` in tests/) are not repeated.

The whole-page cache and the fragment cache are switched off
(``PAGE_CACHE_SECONDS = 0``, ``FRAGMENT_CACHE_SECONDS = 0``): these tests
measure the rendering, which is what a cache miss costs. A response marked
``X-Cache: HIT`` fails the test instead of passing it with zero queries.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest
import wagtail_factories

from integration_checkup.models import MeasureStatus, MeasureStatusChange
from integration_checkup.models.feedback import FeedbackStatus
from tests.contacts.factories import (
    HelpCategoryFactory,
    LanguageFactory,
    NeedFactory,
    OrganisationFactory,
    PersonFactory,
    PlaceFactory,
)
from tests.factories import (
    AccessibilityStatementPageFactory,
    CheckUpPageFactory,
    ContentPageFactory,
    EventIndexPageFactory,
    EventPageFactory,
    HelpPageFactory,
    InfoIndexPageFactory,
    InfoPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    OfficePageFactory,
    StateLinksPageFactory,
)
from tests.integration_checkup.factories import (
    DocumentFactory,
    FeedbackFactory,
    FieldOfActionFactory,
    MeasureSheetFactory,
    ProcessStepFactory,
    StatusAnalysisFactory,
)

pytestmark = pytest.mark.django_db

SMALL = 2
LARGE = 12
# Enough for any page of this site; a page above it does too much.
MOST_QUERIES = 50


@dataclass
class Case:
    url: str
    grow: Callable[[int], None]
    # Appears once per listed item: proves the large page shows more.
    marker: str | None = None
    status: int = 200


@pytest.fixture(autouse=True)
def _page_cache_off(settings):
    settings.PAGE_CACHE_SECONDS = 0
    settings.FRAGMENT_CACHE_SECONDS = 0


def organisation(**kwargs):
    return OrganisationFactory(
        slots=[(0, "09:00", "12:00"), (2, "14:00", "16:00")],
        categories=[HelpCategoryFactory()],
        languages=[LanguageFactory(code="ar"), LanguageFactory(code="fa")],
        **kwargs,
    )


def body_blocks(home, number: int) -> list[tuple[str, dict]]:
    """One of every kind of content block that points at other objects."""
    target = ContentPageFactory(parent=home)
    document = DocumentFactory(title=f"Merkblatt {number}")
    image = wagtail_factories.ImageFactory(title=f"Bild {number}")
    return [
        ("heading", {"text": f"Abschnitt {number}", "level": "h2"}),
        ("paragraph", f'<p>Text <a linktype="page" id="{target.pk}">Seite</a></p>'),
        ("image", {"image": image, "alt_text": "Ein Bild", "decorative": False}),
        (
            "link_list",
            {
                "title": "Links",
                "links": [
                    {"page": target, "document": None, "url": "", "label": ""},
                    {"page": None, "document": document, "url": "", "label": ""},
                ],
            },
        ),
        (
            "call_to_action",
            {
                "title": "Mitmachen",
                "text": "Jetzt.",
                "link": {"page": target, "document": None, "url": "", "label": ""},
                "button_label": "Los",
            },
        ),
        ("contact", {"person": PersonFactory(organisation=organisation())}),
        ("contact", {"organisation": organisation()}),
        (
            "accordion",
            {
                "title": "Fragen",
                "items": [{"heading": "Wer?", "content": "<p>Wir</p>"}],
            },
        ),
        ("notice", {"kind": "info", "title": "Hinweis", "text": "<p>Achtung</p>"}),
    ]


def grow_body(home, page) -> Callable[[int], None]:
    def grow(count: int) -> None:
        blocks = [block for n in range(count) for block in body_blocks(home, n)]
        page.refresh_from_db()
        for block in blocks:
            page.body.append(block)
        page.save()

    return grow


# --- one function per page type: build it, return its URL and how to grow it


def home_page(home) -> Case:
    def grow(count: int) -> None:
        targets = [
            ContentPageFactory(parent=home, show_in_menus=True) for _ in range(count)
        ]
        document = DocumentFactory()
        home.refresh_from_db()
        for target in targets:
            home.teasers.append(("teaser", {"page": target, "title": "", "text": ""}))
            home.quick_links.append(
                ("link", {"page": target, "document": None, "url": "", "label": ""})
            )
            home.quick_links.append(
                ("link", {"page": None, "document": document, "url": "", "label": ""})
            )
        home.save()

    return Case("/", grow, marker='class="card-grid__item"')


def office_page(home) -> Case:
    office = OfficePageFactory(parent=home, organisation=organisation(), body=[])
    return Case(office.url, grow_body(home, office), marker="contact-card")


def content_page(home) -> Case:
    page = ContentPageFactory(parent=home, body=[])
    return Case(page.url, grow_body(home, page), marker="contact-card")


def info_index_page(home) -> Case:
    index = InfoIndexPageFactory(parent=home)

    def grow(count: int) -> None:
        for _ in range(count):
            InfoPageFactory(parent=index)

    return Case(index.url, grow, marker="Thema ")


def info_page(home) -> Case:
    index = InfoIndexPageFactory(parent=home)
    page = InfoPageFactory(parent=index, body=[])
    return Case(page.url, grow_body(home, page), marker="contact-card")


def info_page_handout(home) -> Case:
    case = info_page(home)
    # The handout shortens the text to one sheet: no marker to count.
    return Case(case.url + "handzettel/", case.grow)


def state_links_page(home) -> Case:
    page = StateLinksPageFactory(parent=home, links=[])

    def grow(count: int) -> None:
        page.refresh_from_db()
        for number in range(count):
            page.links.append(
                (
                    "link",
                    {
                        "title": f"Landesangebot {number}",
                        "url": f"https://www.schleswig-holstein.de/{number}",
                        "provider": "Land Schleswig-Holstein",
                        "description": "Informationen.",
                        "languages": "Deutsch, Englisch",
                    },
                )
            )
        page.save()

    return Case(page.url, grow, marker="Landesangebot ")


def help_page(home) -> Case:
    page = HelpPageFactory(parent=home, body=[])

    def grow(count: int) -> None:
        for _ in range(count):
            NeedFactory(organisation=organisation())

    return Case(page.url, grow, marker="Bedarf ")


def accessibility_statement_page(home) -> Case:
    page = AccessibilityStatementPageFactory(parent=home, barriers=[])

    def grow(count: int) -> None:
        page.refresh_from_db()
        for number in range(count):
            page.barriers.append(
                (
                    "barrier",
                    {
                        "title": f"Barriere {number}",
                        "description": "PDF ohne Tags.",
                        "reason": "disproportionate_burden",
                        "alternative": "Auf Anfrage als Text.",
                        "planned_fix": "",
                    },
                )
            )
        page.save()

    return Case(page.url, grow, marker="Barriere ")


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


def not_found(home) -> Case:
    def grow(count: int) -> None:
        for _ in range(count):
            ContentPageFactory(parent=home, show_in_menus=True)

    return Case("/gibt-es-nicht/", grow, status=404)


def open_data_json(home) -> Case:
    def grow(count: int) -> None:
        for _ in range(count):
            organisation()

    return Case(
        "/offene-daten/adressverzeichnis.json", grow, marker='"oeffnungszeiten"'
    )


def open_data_csv(home) -> Case:
    case = open_data_json(home)
    return Case(
        "/offene-daten/adressverzeichnis.csv", case.grow, marker="Organisation "
    )


CASES = {
    function.__name__: function
    for function in (
        home_page,
        office_page,
        content_page,
        info_index_page,
        info_page,
        info_page_handout,
        state_links_page,
        help_page,
        accessibility_statement_page,
        checkup_overview,
        measure_sheet,
        measure_handout,
        measure_feedback_form,
        measure_feed,
        field_of_action,
        field_feed,
        status_analyses,
        papers_feed_atom,
        papers_feed_rss,
        event_page,
        event_ics,
        event_calendar,
        event_topic_calendar,
        news_page,
        news_feed_rss,
        news_feed_atom,
        sitemap,
        not_found,
        open_data_json,
        open_data_csv,
    )
}


def render(client, case: Case) -> tuple[int, str]:
    """Queries and text of one uncached request, after a warm-up request
    (Wagtail's site root paths, content types: as on a running site)."""
    client.get(case.url)
    with CaptureQueriesContext(connection) as context:
        response = client.get(case.url)
    assert response.status_code == case.status
    assert response.headers.get("X-Cache", "").upper() != "HIT"
    text = b"".join(
        response.streaming_content if response.streaming else [response.content]
    ).decode()
    return len(context.captured_queries), text


@pytest.mark.parametrize("name", CASES)
def test_queries_do_not_grow_with_the_content(
    client, home, django_assert_num_queries, name
):
    case = CASES[name](home)
    case.grow(SMALL)
    few, small = render(client, case)

    case.grow(LARGE - SMALL)
    client.get(case.url)
    with django_assert_num_queries(few):
        response = client.get(case.url)
    large = b"".join(
        response.streaming_content if response.streaming else [response.content]
    ).decode()

    assert few <= MOST_QUERIES
    if case.marker:
        # The larger page really lists more.
        assert len(re.findall(re.escape(case.marker), large)) > len(
            re.findall(re.escape(case.marker), small)
        )
