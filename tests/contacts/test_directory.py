"""The directory on "Wie kann geholfen werden?": filters, needs, markup, queries."""

import datetime
import json
import re
import zoneinfo
from unittest import mock

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from contacts.models import District
from tests.factories import HelpPageFactory

from .factories import (
    HelpCategoryFactory,
    LanguageFactory,
    NeedFactory,
    OrganisationFactory,
    PlaceFactory,
)

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")

pytestmark = pytest.mark.django_db


@pytest.fixture
def help_page(home):
    return HelpPageFactory(parent=home, slug="wie-kann-geholfen-werden", body=[])


@pytest.fixture
def directory():
    donations = HelpCategoryFactory(name="Sachspenden", slug="sachspenden")
    advice = HelpCategoryFactory(name="Beratung", slug="beratung")
    arabic = LanguageFactory(code="ar", name="Arabisch", native_name="العربية")
    german = LanguageFactory(code="de", name="Deutsch", native_name="Deutsch")
    return {
        "kleiderkammer": OrganisationFactory(
            name="Kleiderkammer Nord",
            place=PlaceFactory(district=District.NORDSTADT),
            categories=[donations],
            languages=[german, arabic],
        ),
        "beratung": OrganisationFactory(
            name="Migrationsberatung",
            description="Beratung zu Aufenthalt und Wohnen.",
            place=PlaceFactory(district=District.NEUSTADT),
            categories=[advice],
            languages=[german],
        ),
        "fahrrad": OrganisationFactory(
            name="Fahrradwerkstatt",
            place=PlaceFactory(district=District.NORDSTADT),
            categories=[donations],
            languages=[german],
        ),
    }


def names(html):
    return re.findall(
        r'class="organisation-card__name" id="organisation-\d+"[^>]*>([^<]+)<', html
    )


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["Fahrradwerkstatt", "Kleiderkammer Nord", "Migrationsberatung"]),
        ("?kategorie=sachspenden", ["Fahrradwerkstatt", "Kleiderkammer Nord"]),
        ("?stadtteil=neustadt", ["Migrationsberatung"]),
        ("?sprache=ar", ["Kleiderkammer Nord"]),
        (
            "?kategorie=sachspenden&stadtteil=nordstadt&sprache=de",
            ["Fahrradwerkstatt", "Kleiderkammer Nord"],
        ),
        ("?kategorie=beratung&stadtteil=nordstadt", []),
        ("?q=Wohnen", ["Migrationsberatung"]),
        ("?q=fahrrad", ["Fahrradwerkstatt"]),
    ],
)
def test_directory_filters_combine_and_count(
    client, help_page, directory, query, expected
):
    response = client.get(help_page.url + query)

    assert response.status_code == 200
    html = response.content.decode()
    assert names(html) == expected
    noun = "Organisation" if len(expected) == 1 else "Organisationen"
    assert f"{len(expected)} {noun} gefunden" in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # folded as the site search folds words: umlauts and ß spelled out, case
        ("?q=Boerse", ["Kleiderbörse Mürwik", "Migrationsberatung"]),
        ("?q=boerse", ["Kleiderbörse Mürwik", "Migrationsberatung"]),
        ("?q=B%C3%96RSE", ["Kleiderbörse Mürwik", "Migrationsberatung"]),
        ("?q=kleiderboerse+MUERWIK", ["Kleiderbörse Mürwik"]),
        ("?q=Bahnhofstrasse", ["Kleiderbörse Mürwik"]),
        ("?q=Spenden", ["Kleiderbörse Mürwik"]),  # a category's name
        ("?stadtteil=nordstadt&q=Boerse", ["Kleiderbörse Mürwik"]),
        ("?q=Flohmarkt", []),
        ("?q=Boerse+Flohmarkt", []),
    ],
)
def test_directory_text_filter_matches_words_as_the_site_search(
    client, help_page, query, expected
):
    OrganisationFactory(
        name="Kleiderbörse Mürwik",
        place=PlaceFactory(street="Bahnhofstraße 5", district=District.NORDSTADT),
        categories=[
            HelpCategoryFactory(name="Beratung", slug="beratung"),
            HelpCategoryFactory(name="Sachspenden", slug="sachspenden"),
        ],
    )
    OrganisationFactory(
        name="Migrationsberatung",
        description="Hinweise zur Jobbörse.",
        place=PlaceFactory(district=District.NEUSTADT),
    )
    OrganisationFactory(name="Fahrradwerkstatt")

    response = client.get(help_page.url + query)

    assert response.status_code == 200
    html = response.content.decode()
    assert names(html) == expected
    noun = "Organisation" if len(expected) == 1 else "Organisationen"
    assert f"{len(expected)} {noun} gefunden" in html


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?stadtteil=mond", "Diesen Stadtteil gibt es nicht."),
        ("?kategorie=zauberei", "Diese Kategorie gibt es nicht."),
        ("?sprache=xx", "Diese Sprache gibt es im Verzeichnis nicht."),
    ],
)
def test_bad_filter_values_get_a_german_400(
    client, help_page, directory, query, message
):
    response = client.get(help_page.url + query)

    assert response.status_code == 400
    assert message in response.content.decode()


def test_phone_and_postcode_are_read_digit_by_digit(client, help_page):
    OrganisationFactory(
        name="Beratung", phone="0461 851653", place=PlaceFactory(postcode="24937")
    )

    html = client.get(help_page.url).content.decode()

    assert 'href="tel:+49461851653"' in html
    assert (
        '<span aria-hidden="true" dir="ltr">0461 85-1653</span><span class="kern-sr-only">0 4 6 1 8 5 1 6 5 3</span>'
        in html
    )
    assert (
        '<span class="postcode" aria-hidden="true" dir="ltr">24937</span><span class="kern-sr-only">2 4 9 3 7</span>'
        in html
    )


def test_places_link_to_openstreetmap_and_no_map_is_loaded(
    client, help_page, directory
):
    html = client.get(help_page.url).content.decode()

    assert (
        'href="https://www.openstreetmap.org/?mlat=54.783300&amp;mlon=9.436900#map=18/54.783300/9.436900"'
        in html
    )
    assert "<iframe" not in html
    assert "tile.openstreetmap" not in html


def test_open_now_is_shown_in_berlin_time(client, help_page):
    OrganisationFactory(name="Beratung", slots=[(0, "09:00", "12:00")])
    monday_ten = datetime.datetime(2026, 11, 23, 10, 0, tzinfo=BERLIN)

    with mock.patch("django.utils.timezone.now", return_value=monday_ten):
        html = client.get(help_page.url).content.decode()

    assert "jetzt geöffnet bis 12:00 Uhr" in html
    assert '<th scope="row">Montag</th><td>09:00–12:00 Uhr</td>' in html


def test_needs_disappear_by_themselves_after_their_date(client, help_page):
    today = timezone.now().astimezone(BERLIN).date()
    NeedFactory(title="Winterjacken", needed_until=today)
    NeedFactory(title="Fahrradhelme", needed_until=today + datetime.timedelta(days=10))
    NeedFactory(title="Sommerkleidung", needed_until=today - datetime.timedelta(days=1))

    html = client.get(help_page.url).content.decode()

    needs = re.search(r'<section class="needs".*?</section>', html, re.S).group(0)
    assert needs.index("Winterjacken") < needs.index("Fahrradhelme")
    assert "Sommerkleidung" not in html


def test_need_expiry_follows_the_berlin_date(client, help_page):
    NeedFactory(title="Schlafsäcke", needed_until=datetime.date(2026, 11, 23))
    # 23:30 UTC on the 23rd is already the 24th in Flensburg.
    late = datetime.datetime(2026, 11, 23, 23, 30, tzinfo=datetime.UTC)

    with mock.patch("django.utils.timezone.now", return_value=late):
        html = client.get(help_page.url).content.decode()

    assert "Schlafsäcke" not in html


def jsonld_blocks(html):
    """The page's schema.org graphs, without the breadcrumb trail every
    subpage carries."""
    blocks = [
        json.loads(block)
        for block in re.findall(
            r'<script type="application/ld\+json">(.*?)</script>', html, re.S
        )
    ]
    return [block for block in blocks if block.get("@type") != "BreadcrumbList"]


def test_directory_publishes_schema_org_data(client, help_page):
    OrganisationFactory(
        name="Kleiderkammer <Nord>",
        place=PlaceFactory(street="Holm 1", postcode="24937"),
        slots=[(1, "10:00", "13:00")],
    )

    html = client.get(help_page.url).content.decode()

    assert "<Nord>" not in html.split("application/ld+json")[1].split("</script>")[0]
    (data,) = jsonld_blocks(html)
    assert data["@context"] == "https://schema.org"
    (node,) = data["@graph"]
    assert node["@type"] == "Organization"
    assert node["name"] == "Kleiderkammer <Nord>"
    place = node["location"]
    assert place["@type"] == "Place"
    assert place["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "Holm 1",
        "postalCode": "24937",
        "addressLocality": "Flensburg",
        "addressCountry": "DE",
    }
    assert place["geo"]["latitude"] == pytest.approx(54.7833)
    assert place["openingHoursSpecification"] == [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": "https://schema.org/Tuesday",
            "opens": "10:00:00",
            "closes": "13:00:00",
        }
    ]


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries.captured_queries)


def test_directory_runs_the_same_queries_for_10_and_300_organisations(
    client, help_page, settings
):
    # Counts the rendering, not the page cache nor the fragment cache.
    settings.PAGE_CACHE_SECONDS = 0
    settings.FRAGMENT_CACHE_SECONDS = 0
    category = HelpCategoryFactory(slug="beratung")
    language = LanguageFactory(code="de")

    def add(count):
        for _ in range(count):
            OrganisationFactory(
                categories=[category],
                languages=[language],
                slots=[(0, "09:00", "12:00")],
            )

    add(10)
    client.get(help_page.url)
    few = count_queries(client, help_page.url)
    few_filtered = count_queries(
        client, help_page.url + "?kategorie=beratung&sprache=de"
    )
    add(290)

    assert count_queries(client, help_page.url) == few
    assert (
        count_queries(client, help_page.url + "?kategorie=beratung&sprache=de")
        == few_filtered
    )


def test_language_filter_names_languages_in_the_readers_language(
    client, help_page, directory
):
    directory["fahrrad"].languages.add(
        LanguageFactory(code="ku", name="Kurdisch", native_name="Kurdî")
    )

    german = client.get(help_page.url).content.decode()
    ukrainian = client.get("/uk" + help_page.url).content.decode()

    # One language per option: an option cannot mark a part of itself.
    assert '<option value="ar">Arabisch</option>' in german
    assert '<option value="ar">Арабська</option>' in ukrainian
    # A language Django's catalogues do not name: in itself, marked so.
    assert '<option value="ku" lang="ku">Kurdî</option>' in ukrainian
    assert "Arabisch – العربية" not in german
