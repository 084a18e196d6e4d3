"""/api/v1/indicators: indicators, their values, each with source and licence."""

import datetime
from decimal import Decimal

import pytest

from core.bootstrap import content_locales
from figures.models import Indicator

from .factories import IndicatorFactory, SourceFactory, ValueFactory, daily_values

pytestmark = pytest.mark.django_db


@pytest.fixture
def indicator(db):
    content_locales()
    indicator = IndicatorFactory(
        title="Zugewiesene Geflüchtete", slug="zuweisungen", breakdown="district"
    )
    source = SourceFactory(licence="cc-by-4.0", title="Bericht Q1/2017")
    ValueFactory(
        indicator=indicator, source=source, breakdown="muerwik", value=Decimal("12.5")
    )
    ValueFactory(
        indicator=indicator,
        source=source,
        period_start=datetime.date(2017, 1, 1),
        value=Decimal("1302"),
    )
    return indicator


def test_list(api_get, indicator):
    response, data = api_get("indicators")
    assert response.status_code == 200
    assert data["count"] == 1
    (item,) = data["items"]
    assert item["slug"] == "zuweisungen"
    assert item["title"] == "Zugewiesene Geflüchtete"
    assert item["language"] == "de"
    assert item["breakdown"] == {"value": "district", "label": "Stadtteil"}
    assert item["page_url"] == "http://testserver/zahlen/zuweisungen/"
    assert item["detail_url"] == "http://testserver/api/v1/indicators/zuweisungen"
    assert "values" not in item


def test_detail_values_with_source_and_licence(api_get, indicator):
    response, data = api_get("indicators/zuweisungen")
    assert response.status_code == 200
    assert data["values"] == [
        {
            "period": "Q4/2016",
            "granularity": "quarter",
            "start": "2016-10-01",
            "end": "2016-12-31",
            "breakdown": "muerwik",
            "breakdown_label": "Mürwik",
            "value": 12.5,
            "source": data["sources"][0]["id"],
        },
        {
            "period": "Q1/2017",
            "granularity": "quarter",
            "start": "2017-01-01",
            "end": "2017-03-31",
            "breakdown": None,
            "breakdown_label": None,
            "value": 1302.0,
            "source": data["sources"][0]["id"],
        },
    ]
    assert data["sources"][0]["licence"] == {
        "code": "cc-by-4.0",
        "name": "Creative Commons Namensnennung 4.0 (CC BY 4.0)",
        "url": "https://creativecommons.org/licenses/by/4.0/deed.de",
    }


def test_translated_texts_and_german_facts(api_get, indicator, locales):
    english = indicator.copy_for_translation(locales["en"])
    english.title = "Refugees assigned"
    english.save()
    _response, data = api_get("indicators/zuweisungen?sprache=en")
    assert data["title"] == "Refugees assigned"
    assert data["language"] == "en"
    assert data["page_url"] == "http://testserver/en/zahlen/zuweisungen/"
    assert len(data["values"]) == 2  # the German original's values
    _response, data = api_get("indicators/zuweisungen?sprache=uk")
    assert (data["title"], data["language"]) == ("Zugewiesene Geflüchtete", "de")
    _response, listing = api_get("indicators?sprache=en")
    assert listing["count"] == 1  # one indicator, not one per language
    assert Indicator.objects.count() == 2


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("indicators/gibt-es-nicht", 404),
        ("indicators/%3Cscript%3E", 400),
        ("indicators?sprache=xx", 400),
        ("indicators?limit=1000", 400),
    ],
)
def test_bad_requests_are_json(api_get, indicator, path, status):
    response, data = api_get(path)
    assert response.status_code == status
    assert "detail" in data


def test_fixed_queries(api_get, indicator, django_assert_max_num_queries):
    source = SourceFactory()
    daily_values(IndicatorFactory(slug="wenige"), source, 10)
    daily_values(IndicatorFactory(slug="viele"), source, 10_000)
    counts = {}
    for slug in ("wenige", "viele"):
        api_get(f"indicators/{slug}")  # warm: locales, throttle
        with django_assert_max_num_queries(4) as queries:
            _response, data = api_get(f"indicators/{slug}")
        counts[slug] = (len(queries.captured_queries), len(data["values"]))
    assert counts["wenige"][0] == counts["viele"][0]
    assert (counts["wenige"][1], counts["viele"][1]) == (10, 10_000)
    api_get("indicators")
    with django_assert_max_num_queries(4):
        api_get("indicators")
