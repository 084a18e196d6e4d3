"""Indicators in several languages, the cache purge, search and sitemap."""

import datetime
from decimal import Decimal

from django.core.cache import cache

import pytest

from caching.page_cache import GENERATION_KEY
from figures.models import Indicator
from figures.selectors import chart_data, with_facts

from .factories import IndicatorFactory, SourceFactory, ValueFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def indicator(locales):
    indicator = IndicatorFactory(
        title="Zugewiesene Geflüchtete", slug="zuweisungen", breakdown="district"
    )
    ValueFactory(indicator=indicator, breakdown="muerwik", value=Decimal("7"))
    return indicator


def translate(indicator, locale, **texts):
    translation = indicator.copy_for_translation(locale)
    for name, value in texts.items():
        setattr(translation, name, value)
    translation.save()
    return translation


def test_translation_shows_its_texts_and_the_german_values(client, indicator, locales):
    english = translate(indicator, locales["en"], title="Refugees assigned")
    # A value added to the German original shows in English at once.
    ValueFactory(
        indicator=indicator,
        breakdown="muerwik",
        period_start=datetime.date(2017, 1, 1),
        value=Decimal("9"),
    )
    html = client.get("/en/zahlen/zuweisungen/").content.decode()
    assert "Refugees assigned" in html
    assert 'lang="de"' not in html.split("<h1", 1)[1].split(">", 1)[0]
    with_facts([english])
    assert [point.value for point in chart_data(english).series[0].points] == [
        Decimal("7"),
        Decimal("9"),
    ]


def test_untranslated_indicator_is_german_and_marked(client, indicator, locales):
    # What wagtail-localize's "Übersetzen" leaves: a copy with German texts.
    translate(indicator, locales["ar"])
    html = client.get("/ar/zahlen/zuweisungen/").content.decode()
    h1 = html.split("<h1", 1)[1].split(">", 1)[0]
    assert 'lang="de"' in h1 and 'dir="ltr"' in h1
    listing = client.get("/uk/zahlen/").content.decode()
    assert 'lang="de"' in listing.split("zuweisungen", 1)[1].split(">", 1)[0]


def test_slug_is_synchronised_and_unique_per_locale(indicator, locales):
    english = translate(indicator, locales["en"], title="Refugees assigned")
    assert english.slug == "zuweisungen"
    from wagtail_localize.fields import SynchronizedField

    synced = {
        field.field_name
        for field in Indicator.override_translatable_fields
        if isinstance(field, SynchronizedField)
    }
    assert "slug" in synced
    with pytest.raises(Exception):  # noqa: B017 (the database's constraint)
        IndicatorFactory(slug="zuweisungen")


def test_a_new_value_purges_the_page_cache(indicator):
    cache.set(GENERATION_KEY, 1, timeout=None)
    ValueFactory(indicator=indicator, period_start=datetime.date(2018, 1, 1))
    assert cache.get(GENERATION_KEY) != 1


def test_search_finds_indicators_in_the_readers_language(client, indicator, home):
    html = client.get("/suche/?q=Geflüchtete&typ=kennzahlen").content.decode()
    assert 'href="/zahlen/zuweisungen/"' in html
    english = client.get("/en/suche/?q=Geflüchtete&typ=kennzahlen").content.decode()
    assert 'href="/en/zahlen/zuweisungen/"' in english


def test_sitemap_lists_the_figures(client, indicator, home, locales):
    translate(indicator, locales["en"], title="Refugees assigned")
    xml = client.get("/sitemap.xml").content.decode()
    for path in (
        "/zahlen/",
        "/ar/zahlen/",
        "/zahlen/zuweisungen/",
        "/en/zahlen/zuweisungen/",
    ):
        assert f"<loc>http://testserver{path}</loc>" in xml
    assert "<loc>http://testserver/tr/zahlen/zuweisungen/</loc>" not in xml


def test_source_licence_and_editor_name(django_user_model):
    user = django_user_model.objects.create_user(
        username="statistik", first_name="Jana", last_name="Hansen"
    )
    source = SourceFactory(
        licence="other", licence_name="Eigene Lizenz", entered_by=user
    )
    assert (source.licence_label, source.entered_by_name) == (
        "Eigene Lizenz",
        "Jana Hansen",
    )
    assert SourceFactory(entered_by=None).entered_by_name == ""
