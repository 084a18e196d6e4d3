"""The public pages /zahlen/ and /zahlen/<slug>/ and their downloads."""

import codecs
import datetime
from decimal import Decimal

import pytest

from core.bootstrap import content_locales

from .factories import IndicatorFactory, SourceFactory, ValueFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def indicator(home):
    content_locales()
    indicator = IndicatorFactory(
        title="Zugewiesene Geflüchtete", slug="zuweisungen", is_example=True
    )
    source = SourceFactory(publisher="Stadt Flensburg", title="Bericht Q1/2017")
    ValueFactory(indicator=indicator, source=source, value=Decimal("1240"))
    ValueFactory(
        indicator=indicator,
        source=source,
        period_start=datetime.date(2017, 1, 1),
        value=Decimal("1302.5"),
    )
    return indicator


def test_list_names_every_indicator(client, indicator):
    response = client.get("/zahlen/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Zugewiesene Geflüchtete" in html
    assert 'href="/zahlen/zuweisungen/"' in html
    assert "Beispieldaten" in html


def test_detail_shows_chart_texts_and_values(client, indicator):
    response = client.get("/zahlen/zuweisungen/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1" in html and "Zugewiesene Geflüchtete" in html
    assert "Zuweisungen durch das Land." in html  # what it counts
    assert "Stichtag ist das Quartalsende." in html  # method note
    assert "<svg" in html
    assert "1.240" in html  # German digit grouping
    assert "Bericht Q1/2017" in html
    assert "Beispieldaten" in html


def test_unknown_indicator_is_404(client, indicator):
    assert client.get("/zahlen/gibt-es-nicht/").status_code == 404
    assert client.get("/zahlen/gibt-es-nicht.csv").status_code == 404
    assert client.get("/zahlen/gibt-es-nicht.json").status_code == 404


def test_csv_is_for_a_german_spreadsheet(client, indicator):
    response = client.get("/zahlen/zuweisungen.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith(codecs.BOM_UTF8)
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0].split(";")[:5] == [
        "Zeitraum",
        "Beginn",
        "Ende",
        "Aufschlüsselung",
        "Wert",
    ]
    assert lines[1].split(";")[:5] == [
        "Q4/2016",
        "01.10.2016",
        "31.12.2016",
        "Gesamt",
        "1240",
    ]
    assert lines[2].split(";")[4] == "1302,5"
    assert "Beispieldaten" in lines[1]


def test_json_names_source_and_licence(client, indicator):
    data = client.get("/zahlen/zuweisungen.json").json()
    assert data["slug"] == "zuweisungen"
    assert data["is_example"] is True
    assert [value["value"] for value in data["values"]] == [1240.0, 1302.5]
    assert data["values"][0]["period"] == "Q4/2016"
    assert data["values"][0]["end"] == "2016-12-31"
    (source,) = data["sources"]
    assert data["values"][0]["source"] == source["id"]
    assert source["licence"] == {
        "code": "dl-de/by-2-0",
        "name": "Datenlizenz Deutschland – Namensnennung – 2.0",
        "url": "https://www.govdata.de/dl-de/by-2-0",
    }


def test_english_address_keeps_slug_and_marks_german_fallback(client, indicator):
    response = client.get("/en/zahlen/zuweisungen/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'lang="de"' in html  # the untranslated title
    assert "/en/zahlen/zuweisungen.csv" in html
