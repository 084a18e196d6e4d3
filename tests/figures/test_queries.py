"""A page with three charts, the indicator pages and their downloads run the
same small number of queries for 10 values per indicator as for 10,000.

Whole-page and fragment caches are off: this is what a cache miss costs.
"""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from core.bootstrap import content_locales
from tests.factories import InfoIndexPageFactory, InfoPageFactory

from .factories import IndicatorFactory, SourceFactory, daily_values

pytestmark = pytest.mark.django_db

SMALL, LARGE = 10, 10_000
# What one request may cost at most, whatever the number of values.
MAX_PAGE_QUERIES = 40
MAX_FIGURES_QUERIES = 12


@pytest.fixture
def charts_page(home, settings):
    settings.PAGE_CACHE_SECONDS = 0
    settings.FRAGMENT_CACHE_SECONDS = 0
    content_locales()
    indicators = [IndicatorFactory(slug=f"kennzahl-{n}") for n in range(3)]
    index = InfoIndexPageFactory(parent=home)
    page = InfoPageFactory(
        parent=index,
        slug="lage-und-fakten",
        body=[
            {"type": "indicator_chart", "value": {"indicator": indicator.pk}}
            for indicator in indicators
        ],
    )
    return page, indicators


def count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    assert response.get("X-Cache") != "HIT"
    return len(queries.captured_queries)


def fill(indicators, size, skip=0):
    source = SourceFactory()
    for indicator in indicators:
        daily_values(indicator, source, size, skip=skip)


@pytest.mark.parametrize("language", ["", "/en", "/ar"])
def test_page_with_three_charts(
    client, charts_page, language, django_assert_max_num_queries
):
    page, indicators = charts_page
    url = language + page.url
    fill(indicators, SMALL)
    client.get(url)
    with django_assert_max_num_queries(MAX_PAGE_QUERIES):
        small = count(client, url)
    html = client.get(url).content.decode()
    assert html.count("<svg") >= 3
    fill(indicators, LARGE - SMALL, skip=SMALL)
    with django_assert_max_num_queries(MAX_PAGE_QUERIES):
        large = count(client, url)
    assert large == small


@pytest.mark.parametrize(
    "path",
    [
        "/zahlen/",
        "/zahlen/kennzahl-0/",
        "/zahlen/kennzahl-0.csv",
        "/zahlen/kennzahl-0.json",
    ],
)
def test_figures_pages_and_downloads(
    client, charts_page, path, django_assert_max_num_queries
):
    _page, indicators = charts_page
    fill(indicators, SMALL)
    client.get(path)
    with django_assert_max_num_queries(MAX_FIGURES_QUERIES):
        small = count(client, path)
    fill(indicators, LARGE - SMALL, skip=SMALL)
    with django_assert_max_num_queries(MAX_FIGURES_QUERIES):
        large = count(client, path)
    assert large == small
