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

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from tests.flensburg_site import query_count_cases, query_count_feature_cases
from tests.flensburg_site.query_count_cases import (
    LARGE,
    MOST_QUERIES,
    SMALL,
    Case,
)

pytestmark = pytest.mark.django_db

CASES = {
    function.__name__: function
    for function in (
        query_count_cases.home_page,
        query_count_cases.office_page,
        query_count_cases.content_page,
        query_count_cases.info_index_page,
        query_count_cases.info_page,
        query_count_cases.info_page_handout,
        query_count_cases.state_links_page,
        query_count_cases.help_page,
        query_count_cases.accessibility_statement_page,
        query_count_feature_cases.checkup_overview,
        query_count_feature_cases.measure_sheet,
        query_count_feature_cases.measure_handout,
        query_count_feature_cases.measure_feedback_form,
        query_count_feature_cases.measure_feed,
        query_count_feature_cases.field_of_action,
        query_count_feature_cases.field_feed,
        query_count_feature_cases.status_analyses,
        query_count_feature_cases.papers_feed_atom,
        query_count_feature_cases.papers_feed_rss,
        query_count_feature_cases.event_page,
        query_count_feature_cases.event_ics,
        query_count_feature_cases.event_calendar,
        query_count_feature_cases.event_topic_calendar,
        query_count_feature_cases.news_page,
        query_count_feature_cases.news_feed_rss,
        query_count_feature_cases.news_feed_atom,
        query_count_feature_cases.sitemap,
        query_count_cases.not_found,
        query_count_cases.open_data_json,
        query_count_cases.open_data_csv,
    )
}


@pytest.fixture(autouse=True)
def _page_cache_off(settings):
    settings.PAGE_CACHE_SECONDS = 0
    settings.FRAGMENT_CACHE_SECONDS = 0


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
