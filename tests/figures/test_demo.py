"""The demo's example figures: labelled as examples everywhere, idempotent,
shown on "Lage und Fakten"."""

import io
import re

from django.core.management import call_command

import pytest

from demo.figures import KEY_INDICATORS, figures_demo_load
from figures.models import Indicator, Source, Value

pytestmark = pytest.mark.django_db


def counts():
    return tuple(model.objects.count() for model in (Indicator, Source, Value))


def test_example_figures_are_labelled_and_loaded_once():
    report = figures_demo_load()
    assert len(report.created) == 4
    first = counts()
    assert figures_demo_load().created == []
    assert counts() == first
    for indicator in Indicator.objects.all():
        assert indicator.is_example
        assert indicator.title.startswith("Beispiel: ")
        assert "erfunden" in indicator.method_note
    (source,) = Source.objects.all()
    assert source.publisher.startswith("Beispiel: ")
    assert "keine echte Quelle" in source.title
    years = {value.period_start.year for value in Value.objects.all()}
    assert years == {2015, 2016, 2017}
    quarters = set(
        Value.objects.filter(indicator__slug="stadtteile").values_list(
            "period_start", flat=True
        )
    )
    assert {(day.year, day.month) for day in quarters} == {(2016, 10), (2017, 1)}


def test_lage_und_fakten_shows_the_key_charts(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_initial_data", stdout=io.StringIO())
    html = client.get("/fluechtlinge-in-flensburg/lage-und-fakten/").content.decode()
    assert html.count("<svg") >= len(KEY_INDICATORS)
    for slug in KEY_INDICATORS:
        assert f'href="/zahlen/{slug}/"' in html
    assert "Beispieldaten" in html
    english = client.get("/en/fluechtlinge-in-flensburg/lage-und-fakten/")
    assert english.status_code == 200
    # Links stay in the reader's language.
    assert re.search(r'href="/en/zahlen/zuweisungen/"', english.content.decode())
    listing = client.get("/zahlen/").content.decode()
    assert listing.count('class="figures-list__item"') == 4
