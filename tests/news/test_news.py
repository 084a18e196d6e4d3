"""News: the list, the news page, RSS and Atom feeds; and the feed of new
working papers on the Check Up Integration page."""

import datetime
import re
import xml.etree.ElementTree as ET

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, streamfield

import pytest

from core.bootstrap import content_locales
from demo.translations import object_translate
from news.models import NewsIndexPage, NewsPage
from pages.models import HomePage
from tests.factories import (
    CheckUpPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
)
from tests.integration_checkup.factories import (
    DocumentFactory,
    MeasureSheetFactory,
    StatusAnalysisFactory,
)

ATOM = "{http://www.w3.org/2005/Atom}"


def listed_titles(html: str) -> list[str]:
    return re.findall(
        r'class="news-item__title"><a class="kern-link" href="[^"]+">([^<]+)<', html
    )


def rss_items(response) -> list[dict]:
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    return [
        {child.tag: child.text for child in item} for item in channel.findall("item")
    ]


def atom_entries(response) -> list[dict]:
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    return [
        {
            "title": entry.findtext(f"{ATOM}title"),
            "id": entry.findtext(f"{ATOM}id"),
            "link": entry.find(f"{ATOM}link").get("href"),
        }
        for entry in root.findall(f"{ATOM}entry")
    ]


@pytest.fixture
def news_index(home):
    return NewsIndexPageFactory(parent=home, intro="Neuigkeiten.")


@pytest.mark.django_db
def test_news_list_newest_first_without_drafts(client, news_index):
    NewsPageFactory(parent=news_index, title="Alt", date=datetime.date(2017, 9, 15))
    NewsPageFactory(parent=news_index, title="Neu", date=datetime.date(2017, 11, 1))
    NewsPageFactory(parent=news_index, title="Mitte", date=datetime.date(2017, 9, 25))
    NewsPageFactory(
        parent=news_index, title="Entwurf", live=False, date=datetime.date(2018, 1, 1)
    )

    response = client.get(news_index.url)

    assert response.status_code == 200
    html = response.content.decode()
    assert listed_titles(html) == ["Neu", "Mitte", "Alt"]
    assert '<time datetime="2017-11-01">1. November 2017</time>' in html


@pytest.mark.django_db
def test_news_list_is_paginated(client, news_index):
    for day in range(1, 13):
        NewsPageFactory(
            parent=news_index,
            title=f"Meldung {day:02d}",
            date=datetime.date(2017, 10, day),
        )

    first = client.get(news_index.url).content.decode()
    second = client.get(news_index.url, {"seite": "2"}).content.decode()

    assert len(listed_titles(first)) == 10
    assert listed_titles(second) == ["Meldung 02", "Meldung 01"]


@pytest.mark.django_db
def test_news_page_shows_its_date_and_links_feeds_in_the_head(client, news_index):
    item = NewsPageFactory(
        parent=news_index,
        title="Forum angekündigt",
        date=datetime.date(2017, 9, 25),
        body=[{"type": "paragraph", "value": "<p>Alle sind eingeladen.</p>"}],
    )

    html = client.get(item.url).content.decode()

    assert '<time datetime="2017-09-25">25. September 2017</time>' in html
    assert "Alle sind eingeladen." in html
    assert (
        '<link rel="alternate" type="application/rss+xml" title="RSS-Feed: Aktuelles" '
        'href="/aktuelles/feed/rss/">'
    ) in html
    assert 'type="application/atom+xml" title="Atom-Feed: Aktuelles"' in html


@pytest.mark.django_db
def test_index_links_its_feeds_visibly_and_in_the_head(client, news_index):
    html = client.get(news_index.url).content.decode()

    head = html.split("</head>")[0]
    assert 'rel="alternate" type="application/rss+xml"' in head
    assert 'href="/aktuelles/feed/atom/"' in head
    assert '<a class="kern-link" href="/aktuelles/feed/rss/">RSS-Feed</a>' in html


@pytest.mark.django_db
def test_rss_feed_has_the_20_newest_live_items_with_absolute_links(client, news_index):
    for day in range(1, 23):
        NewsPageFactory(
            parent=news_index,
            title=f"Meldung {day:02d}",
            intro=f"Kurz {day}.",
            date=datetime.date(2017, 10, day),
        )
    NewsPageFactory(parent=news_index, title="Entwurf", live=False)

    items = rss_items(client.get(f"{news_index.url}feed/rss/"))

    assert len(items) == 20
    assert items[0]["title"] == "Meldung 22"
    assert items[-1]["title"] == "Meldung 03"
    assert items[0]["description"] == "Kurz 22."
    assert items[0]["link"] == "http://testserver/aktuelles/meldung-22/"
    assert "Entwurf" not in {item["title"] for item in items}


@pytest.mark.django_db
def test_atom_feed_has_stable_ids_and_absolute_links(client, news_index):
    item = NewsPageFactory(parent=news_index, title="Forum", slug="forum")

    first = atom_entries(client.get(f"{news_index.url}feed/atom/"))
    second = atom_entries(client.get(f"{news_index.url}feed/atom/"))

    assert first == second
    assert first[0]["title"] == "Forum"
    assert first[0]["link"] == "http://testserver/aktuelles/forum/"
    assert first[0]["id"] == f"urn:uuid:{item.translation_key}"


@pytest.mark.django_db
def test_translated_feed_uses_translations_and_german_fallback(
    client, home, news_index, django_capture_on_commit_callbacks
):
    content_locales()
    translated = NewsPageFactory(parent=news_index, title="Forum", intro="")
    NewsPageFactory(parent=news_index, title="Sprachcafé", intro="")
    with django_capture_on_commit_callbacks(execute=True):
        for page in (home, news_index, translated):
            object_translate(
                instance=page, language="en", strings={"Forum": {"en": "Forum (EN)"}}
            )

    titles = {
        item["title"] for item in rss_items(client.get("/en/aktuelles/feed/rss/"))
    }

    assert titles == {"Forum (EN)", "Sprachcafé"}


@pytest.mark.django_db
def test_news_list_queries_do_not_grow(
    client, news_index, django_assert_num_queries, settings
):
    # Counts the rendering, not the page cache nor the fragment cache.
    settings.PAGE_CACHE_SECONDS = 0
    settings.FRAGMENT_CACHE_SECONDS = 0

    def add(count):
        for _ in range(count):
            NewsPageFactory(parent=news_index)

    add(2)
    client.get(news_index.url)  # warm the site-root cache
    for url in (news_index.url, f"{news_index.url}feed/rss/"):
        with CaptureQueriesContext(connection) as few:
            client.get(url)
        # Counted now: the query log is a bounded deque.
        expected = len(few.captured_queries)
        add(8)
        with django_assert_num_queries(expected):
            client.get(url)


# The feed of new working papers on the Check Up Integration page ----------------


@pytest.fixture
def checkup_page(home):
    return CheckUpPageFactory(parent=home, slug="check-up-integration", body=[])


@pytest.mark.django_db
def test_working_papers_feed_lists_new_sheets_and_documents(client, checkup_page):
    sheet = MeasureSheetFactory(
        number=7,
        title="Wohnungsbörse",
        document=DocumentFactory(title="Steckbrief 7"),
    )
    sheet.first_published_at = timezone.now() - datetime.timedelta(days=30)
    sheet.save()
    StatusAnalysisFactory(
        field_of_action__name="Wohnen", field_of_action__slug="wohnen"
    )
    MeasureSheetFactory(number=8, title="Entwurf", live=False)

    entries = atom_entries(client.get(f"{checkup_page.url}arbeitspapiere/feed/"))
    items = rss_items(client.get(f"{checkup_page.url}arbeitspapiere/feed/rss/"))

    titles = [entry["title"] for entry in entries]
    # Documents were uploaded just now; the sheet was published a month ago.
    assert titles[-1] == "Maßnahmensteckbrief Nr. 7: Wohnungsbörse"
    assert "Neues Arbeitspapier zu Nr. 7: Steckbrief 7" in titles
    assert "Statusanalyse Wohnen: Statusanalyse Wohnen" in titles
    assert not any("Entwurf" in title for title in titles)
    links = {entry["link"] for entry in entries}
    assert links == {
        "http://testserver/check-up-integration/massnahmen/7/",
        "http://testserver/check-up-integration/handlungsfelder/wohnen/",
    }
    assert [item["title"] for item in items] == titles


@pytest.mark.django_db
def test_check_up_page_links_the_working_papers_feed(client, checkup_page):
    html = client.get(checkup_page.url).content.decode()

    head = html.split("</head>")[0]
    assert (
        '<link rel="alternate" type="application/atom+xml" '
        'title="Neue Arbeitspapiere (Atom-Feed)" '
        'href="/check-up-integration/arbeitspapiere/feed/">'
    ) in head
    assert 'href="/check-up-integration/arbeitspapiere/feed/rss/"' in head
    assert "Über neue Arbeitspapiere informiert werden" in html


class TestNewsTreeRules(WagtailPageTestCase):
    def test_news_only_under_their_index_under_home(self):
        self.assertAllowedParentPageTypes(NewsIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage})
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(NewsPage, set())


class TestNewsAdminCreate(WagtailPageTestCase):
    def test_editor_creates_a_news_item(self):
        self.login()
        home = Page.get_first_root_node().add_child(
            instance=HomePage(
                title="Start", slug="start-admin", last_reviewed="2026-11-01"
            )
        )
        index = home.add_child(
            instance=NewsIndexPage(
                title="Aktuelles", slug="aktuelles", last_reviewed="2026-11-01"
            )
        )

        self.assertCanCreate(
            index,
            NewsPage,
            nested_form_data(
                {
                    "title": "Neue Sprechzeiten",
                    "slug": "neue-sprechzeiten",
                    "date": "2026-11-20",
                    "intro": "Ab Dezember auch dienstags.",
                    "last_reviewed": "2026-11-20",
                    "body": streamfield([]),
                }
            ),
        )
        assert NewsPage.objects.get().date == datetime.date(2026, 11, 20)
