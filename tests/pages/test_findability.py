"""Findability: sitemap.xml, robots.txt, canonical URLs, description and
OpenGraph data, schema.org breadcrumbs."""

import io
import json
import re
import xml.etree.ElementTree as ET

from django.core.files.images import ImageFile

from wagtail.models import Locale, PageViewRestriction

import pytest
from PIL import Image as PILImage

from core.bootstrap import content_locales
from core.models import SiteImage
from demo.translations import object_translate
from pages.models import SiteSettings
from tests.factories import ContentPageFactory, OfficePageFactory
from tests.integration_checkup.factories import MeasureSheetFactory

pytestmark = pytest.mark.django_db

INTRO = "Wir koordinieren die Hilfe für Geflüchtete in Flensburg."
NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
}


@pytest.fixture
def office(home):
    content_locales()
    return OfficePageFactory(
        parent=home,
        slug="koordinierungsstelle",
        title="Koordinierungsstelle",
        intro=INTRO,
    )


@pytest.fixture
def translated(office, home, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        object_translate(
            instance=home, language="en", strings={home.title: {"en": "Welcome"}}
        )
    with django_capture_on_commit_callbacks(execute=True):
        object_translate(
            instance=office,
            language="en",
            strings={
                "Koordinierungsstelle": {"en": "Coordination office"},
                INTRO: {"en": "We coordinate help for refugees in Flensburg."},
            },
        )
    return office.get_translation(Locale.objects.get(language_code="en"))


def _head(response) -> str:
    return response.content.decode().split("</head>")[0]


def _meta(html: str, attribute: str, name: str) -> list[str]:
    return re.findall(
        rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)">', html
    )


def _sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return ET.fromstring(response.content)


def _entries(tree) -> dict[str, dict[str, str]]:
    return {
        url.find("sm:loc", NS).text: {
            link.get("hreflang"): link.get("href")
            for link in url.findall("xhtml:link", NS)
        }
        for url in tree.findall("sm:url", NS)
    }


def test_sitemap_lists_every_language_with_hreflang_alternates(
    client, office, translated
):
    entries = _entries(_sitemap(client))

    german = "http://testserver/koordinierungsstelle/"
    english = "http://testserver/en/koordinierungsstelle/"
    assert german in entries
    assert english in entries
    expected = {"de": german, "en": english, "x-default": german}
    assert entries[german] == expected
    assert entries[english] == expected
    assert "http://testserver/" in entries
    assert "http://testserver/en/" in entries


def test_sitemap_leaves_out_drafts_and_restricted_pages(client, office):
    ContentPageFactory(parent=office, slug="entwurf", title="Entwurf", live=False)
    secret = ContentPageFactory(parent=office, slug="intern", title="Intern")
    PageViewRestriction.objects.create(
        page=secret, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )

    locations = set(_entries(_sitemap(client)))

    assert "http://testserver/koordinierungsstelle/" in locations
    assert not any("entwurf" in url or "intern" in url for url in locations)


def test_sitemap_has_the_published_measure_sheets_below_check_up(client, home):
    from tests.factories import CheckUpPageFactory

    checkup = CheckUpPageFactory(parent=home, slug="check-up-integration")
    MeasureSheetFactory(number=3, title="Sprachcafé")
    MeasureSheetFactory(number=4, title="Noch nicht veröffentlicht", live=False)

    locations = set(_entries(_sitemap(client)))

    base = f"http://testserver{checkup.url}"
    assert f"{base}massnahmen/" in locations
    assert f"{base}massnahmen/3/" in locations
    assert f"{base}massnahmen/4/" not in locations


def test_robots_txt_points_to_the_sitemap_and_keeps_out_of_forms(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    text = response.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Disallow: /admin/" in text
    assert "Disallow: /suche/" in text
    assert "Disallow: /*/rueckmeldung/" in text


def test_canonical_and_opengraph_fall_back_to_the_intro(client, office):
    head = _head(client.get("/koordinierungsstelle/?utm_source=newsletter"))

    assert (
        '<link rel="canonical" href="http://testserver/koordinierungsstelle/">' in head
    )
    description = "Wir koordinieren die Hilfe für Geflüchtete in Flensburg."
    assert _meta(head, "name", "description") == [description]
    assert _meta(head, "property", "og:description") == [description]
    assert _meta(head, "property", "og:title") == ["Koordinierungsstelle"]
    assert _meta(head, "property", "og:url") == [
        "http://testserver/koordinierungsstelle/"
    ]
    assert _meta(head, "property", "og:locale") == ["de_DE"]
    assert _meta(head, "name", "twitter:card") == ["summary"]


def test_editors_search_description_wins_and_is_shortened(client, office):
    office.search_description = "Kurz: " + "sehr lange Beschreibung " * 20
    office.save_revision().publish()

    head = _head(client.get("/koordinierungsstelle/"))

    (description,) = _meta(head, "name", "description")
    assert description.startswith("Kurz: sehr lange Beschreibung")
    assert len(description) <= 160


def test_page_without_any_text_gets_a_site_wide_description(client, home):
    ContentPageFactory(parent=home, slug="leer", title="Leer", intro="")

    head = _head(client.get("/leer/"))

    (description,) = _meta(head, "name", "description")
    assert "Koordinierungsstelle für Flüchtlinge" in description


def test_pagination_stays_in_the_canonical_url_filters_do_not(client, office):
    head = _head(client.get("/koordinierungsstelle/?seite=2&thema=wohnen"))

    assert (
        '<link rel="canonical" href="http://testserver/koordinierungsstelle/?seite=2">'
        in head
    )


def test_german_fallback_page_names_its_german_address_as_canonical(client, office):
    head = _head(client.get("/en/koordinierungsstelle/"))

    assert (
        '<link rel="canonical" href="http://testserver/koordinierungsstelle/">' in head
    )


def test_translated_page_is_its_own_canonical_with_locale_alternates(
    client, translated
):
    head = _head(client.get("/en/koordinierungsstelle/"))

    assert (
        '<link rel="canonical" href="http://testserver/en/koordinierungsstelle/">'
        in head
    )
    assert _meta(head, "property", "og:locale") == ["en_GB"]
    assert _meta(head, "property", "og:locale:alternate") == ["de_DE"]


def _image() -> SiteImage:
    buffer = io.BytesIO()
    PILImage.new("RGB", (1600, 900), "navy").save(buffer, "PNG")
    return SiteImage.objects.create(
        title="Rathaus", file=ImageFile(buffer, name="rathaus.png")
    )


def test_social_image_from_page_or_site_settings(client, office):
    image = _image()
    settings = SiteSettings.for_locale(Locale.get_default())
    settings.default_social_image = image
    settings.save()

    head = _head(client.get("/koordinierungsstelle/"))

    (url,) = _meta(head, "property", "og:image")
    assert url.startswith("http://testserver/")
    assert _meta(head, "property", "og:image:width") == ["1200"]
    assert _meta(head, "property", "og:image:height") == ["630"]
    assert _meta(head, "name", "twitter:card") == ["summary_large_image"]


def test_breadcrumb_list_structured_data(client, office):
    page = ContentPageFactory(parent=office, slug="team", title="Unser Team")

    html = client.get(page.url).content.decode()

    (block,) = re.findall(
        r'<script type="application/ld\+json">(\{"@context": "https://schema.org", '
        r'"@type": "BreadcrumbList".*?)</script>',
        html,
    )
    data = json.loads(block)
    assert [item["name"] for item in data["itemListElement"]] == [
        "Startseite",
        "Koordinierungsstelle",
        "Unser Team",
    ]
    assert [item["position"] for item in data["itemListElement"]] == [1, 2, 3]
    assert data["itemListElement"][-1]["item"] == (
        "http://testserver/koordinierungsstelle/team/"
    )


def test_measure_sheet_describes_itself(client, home):
    from tests.factories import CheckUpPageFactory

    checkup = CheckUpPageFactory(parent=home, slug="check-up-integration")
    MeasureSheetFactory(number=7, title="Sprachcafé", summary="Ein Ort zum Üben.")

    head = _head(client.get(f"{checkup.url}massnahmen/7/"))

    assert _meta(head, "property", "og:title") == ["Sprachcafé"]
    assert _meta(head, "name", "description") == ["Ein Ort zum Üben."]
    assert _meta(head, "property", "og:type") == ["article"]
    assert (
        f'<link rel="canonical" href="http://testserver{checkup.url}massnahmen/7/">'
        in head
    )


def test_not_found_page_is_not_indexed_and_names_no_canonical(client, home):
    response = client.get("/gibt-es-nicht/")

    assert response.status_code == 404
    head = _head(response)
    assert '<meta name="robots" content="noindex">' in head
    assert 'rel="canonical"' not in head


def test_robots_txt_does_not_give_away_a_custom_admin_path(client, settings):
    settings.ADMIN_URL_PATH = "redaktion-7f3a/"

    text = client.get("/robots.txt").content.decode()

    assert "redaktion-7f3a" not in text
    assert "/admin/" not in text
