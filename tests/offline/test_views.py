"""The offline app's views: the service worker at /sw.js, the offline page and
the web app manifest of each language."""

import json
import re

from django.conf import settings

from wagtail.models import Locale

import pytest

from contacts.models import Organisation
from pages.models import SiteSettings
from tests.api.helpers import translate_page
from tests.factories import HelpPageFactory

pytestmark = pytest.mark.django_db

PREFIXES = {
    "de": "/",
    "de-x-ls": "/de-x-ls/",
    "en": "/en/",
    "ar": "/ar/",
    "uk": "/uk/",
    "fa": "/fa/",
    "tr": "/tr/",
}


@pytest.fixture
def site_pages(home, office):
    """Home, office (translated into Arabic) and help page (German only);
    the office's phone number in the directory."""
    help_page = HelpPageFactory(parent=home, slug="wie-kann-geholfen-werden")
    arabic = Locale.objects.get(language_code="ar")
    translate_page(home, arabic, title="الصفحة الرئيسية")
    translate_page(office, arabic, title="مكتب التنسيق", slug="maktab")
    organisation = Organisation.objects.create(
        name="Koordinierungsstelle", kind="authority", phone="+49 461 85-1653"
    )
    SiteSettings.objects.create(
        locale=Locale.get_default(), office=organisation, office_name="Stelle"
    )
    return {"home": home, "office": office, "help": help_page}


def worker_config(client) -> dict:
    body = client.get("/sw.js").content.decode()
    found = re.search(r"^var CONFIG = (\{.*\});$", body, re.MULTILINE)
    assert found, body[:500]
    return json.loads(found.group(1))


def test_the_worker_is_javascript_at_the_root_asked_for_every_time(client, site_pages):
    response = client.get("/sw.js")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/javascript; charset=utf-8"
    assert response["Cache-Control"] == "no-cache"
    # Not from the page cache, ever: a second request renders it again.
    assert client.get("/sw.js").get("X-Cache") != "HIT"
    # The strict CSP of the site applies to it (no inline script needed).
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "{%" not in response.content.decode()
    assert client.post("/sw.js").status_code == 405


def test_the_worker_knows_each_language_key_pages(client, site_pages):
    languages = worker_config(client)["languages"]

    assert set(languages) == set(PREFIXES)
    for code, prefix in PREFIXES.items():
        assert languages[code]["prefix"] == prefix
        assert languages[code]["offline"] == f"{prefix}offline/"
    assert languages["de"]["pages"] == [
        "/",
        "/koordinierungsstelle/",
        "/wie-kann-geholfen-werden/",
    ]
    # The Arabic office page is a translation of its own; the help page is
    # German, shown under the Arabic prefix.
    assert languages["ar"]["pages"] == [
        "/ar/",
        "/ar/maktab/",
        "/ar/wie-kann-geholfen-werden/",
    ]
    assert languages["tr"]["pages"][0] == "/tr/"
    assert languages["ar"]["dir"] == "rtl"
    assert languages["fa"]["dir"] == "rtl"
    assert languages["en"]["dir"] == "ltr"


def test_the_worker_keeps_each_language_stylesheets(client, site_pages):
    languages = worker_config(client)["languages"]

    assert "/static/rtl/kern.rtl.min.css" in languages["ar"]["assets"]
    assert "/static/fonts/fira-sans-noto-sans-arabic.css" in languages["ar"]["assets"]
    assert "/static/fonts/fira-sans-vazirmatn.css" in languages["fa"]["assets"]
    assert "/static/kern/kern.min.css" in languages["de"]["assets"]
    assert "/static/rtl/kern.rtl.min.css" not in languages["de"]["assets"]
    for code in PREFIXES:
        assert "/static/js/site.js" in languages[code]["assets"]
        assert "/static/css/site.css" in languages[code]["assets"]


def test_the_worker_never_keeps_forms_search_admin_api(client, site_pages):
    config = worker_config(client)
    rules = config["neverCache"]

    assert f"/{settings.ADMIN_URL_PATH}" in rules["bypass"]
    assert "/django-admin/" in rules["bypass"]
    assert f"/{settings.API_PATH}" in rules["bypass"]
    assert "/dokumente/" in rules["bypass"]
    assert "/sw.js" in rules["bypass"]
    for prefix in PREFIXES.values():
        assert f"{prefix}benachrichtigungen/" in rules["forms"]
        assert f"{prefix}suche/" in rules["withQuery"]
    assert "/barriere-melden/danke/" in rules["formParts"]
    assert "/rueckmeldung/danke/" in rules["formParts"]
    assert config["timeout"] == 3000
    assert re.fullmatch(r"[0-9a-f]{16}", config["version"])


def test_the_worker_code_is_network_first_and_drops_old_caches(client, site_pages):
    body = client.get("/sw.js").content.decode()

    assert "Promise.race([network, slow])" in body
    assert 'request.method !== "GET"' in body
    assert "caches.delete(name)" in body
    assert "no-store|private" in body
    assert 'name="csrfmiddlewaretoken"' in body


def test_a_publish_changes_the_worker_addresses(client, site_pages):
    """The addresses are kept until the next purge: moving the office page
    gives the next /sw.js its new address."""
    before = worker_config(client)["languages"]["de"]["pages"]
    office = site_pages["office"]
    office.slug = "stelle"
    office.save_revision().publish()

    after = worker_config(client)["languages"]["de"]["pages"]
    assert "/koordinierungsstelle/" in before
    assert after == ["/", "/stelle/", "/wie-kann-geholfen-werden/"]


@pytest.mark.parametrize(
    ("path", "lang", "direction"),
    [
        ("/offline/", "de", "ltr"),
        ("/ar/offline/", "ar", "rtl"),
        ("/fa/offline/", "fa", "rtl"),
    ],
)
def test_the_offline_page_speaks_the_language_of_its_address(
    client, site_pages, path, lang, direction
):
    heading = {"de": "Sie sind offline", "ar": "أنت غير متصل", "fa": "آفلاین"}
    response = client.get(path)
    html = response.content.decode()

    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex"
    assert '<meta name="robots" content="noindex">' in html
    assert f'<html lang="{lang}" dir="{direction}"' in html
    assert heading[lang] in html
    assert ("Sie sind offline" in html) == (lang == "de")
    assert 'href="tel:+49461851653"' in html
    prefix = PREFIXES[lang]
    assert f'data-prefix="{prefix}"' in html
    assert f'href="{prefix}"' in html
    assert "offline.js" in html
    assert "<script>" not in html  # no inline script under the strict CSP


def test_the_offline_page_links_the_language_key_pages(client, site_pages):
    html = client.get("/ar/offline/").content.decode()

    assert 'href="/ar/maktab/">مكتب التنسيق</a>' in html
    assert 'href="/ar/wie-kann-geholfen-werden/"' in html
    assert 'data-other-prefixes="/de-x-ls/ /en/ /uk/ /fa/ /tr/"' in html


@pytest.mark.parametrize("code", list(PREFIXES))
def test_the_manifest_of_each_language(client, site_pages, code):
    prefix = PREFIXES[code]
    response = client.get(f"{prefix}manifest.webmanifest")
    data = json.loads(response.content)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    assert data["lang"] == code
    assert data["dir"] == ("rtl" if code in {"ar", "fa"} else "ltr")
    assert data["start_url"] == prefix
    assert data["scope"] == "/"
    assert data["display"] == "standalone"
    assert data["name"] and data["short_name"]
    sizes = {(icon["sizes"], icon.get("purpose", "any")) for icon in data["icons"]}
    assert sizes == {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")}


def test_the_manifest_icons_are_the_pngs_they_claim(client, site_pages):
    from django.contrib.staticfiles import finders

    from PIL import Image

    data = json.loads(client.get("/manifest.webmanifest").content)
    for icon in data["icons"]:
        path = finders.find(icon["src"].removeprefix(settings.STATIC_URL))
        with Image.open(path) as image:
            assert image.format == "PNG"
            assert f"{image.width}x{image.height}" == icon["sizes"]


def test_every_page_links_its_language_manifest(client, site_pages):
    german = client.get("/").content.decode()
    arabic = client.get("/ar/").content.decode()

    assert '<link rel="manifest" href="/manifest.webmanifest">' in german
    assert '<link rel="manifest" href="/ar/manifest.webmanifest">' in arabic
    assert '<meta name="theme-color" content="#2044aa">' in german
