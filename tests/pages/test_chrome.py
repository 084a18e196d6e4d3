"""The frame around every page: header, navigation, breadcrumbs, footer, errors."""

import re

from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.views.defaults import server_error

from wagtail.models import Locale

import pytest

from pages.models import SiteSettings
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def section(home):
    office = factories.OfficePageFactory(
        parent=home,
        title="Koordinierungsstelle für Flüchtlinge",
        menu_title="Koordinierungsstelle",
    )
    factories.HelpPageFactory(parent=home, title="Wie kann geholfen werden?")
    factories.ContentPageFactory(parent=home, title="Impressum", show_in_menus=False)
    return office


def test_header_has_skip_link_brand_and_navigation_from_the_tree(client, section):
    html = client.get(section.url).content.decode()

    assert '<a class="skip-link" href="#main">Zum Inhalt springen</a>' in html
    assert '<main id="main" tabindex="-1">' in html
    assert "Stadt Flensburg" in html
    nav = re.search(r'<nav class="site-nav".*?</nav>', html, re.S).group(0)
    assert 'aria-label="Hauptnavigation"' in nav
    # Menu title, marked as the current page; pages not in menus stay out.
    assert 'aria-current="page">Koordinierungsstelle</a>' in nav
    assert "Wie kann geholfen werden?" in nav
    assert "Impressum" not in nav


def test_breadcrumbs_lead_from_the_start_page(client, home):
    index = factories.InfoIndexPageFactory(
        parent=home, title="Flüchtlinge in Flensburg"
    )
    topic = factories.InfoPageFactory(parent=index, title="Rechte")

    html = client.get(topic.url).content.decode()

    crumbs = re.search(r'<nav class="breadcrumbs".*?</nav>', html, re.S).group(0)
    assert f'href="{home.url}">Startseite</a>' in crumbs
    assert f'href="{index.url}">Flüchtlinge in Flensburg</a>' in crumbs
    assert '<span aria-current="page" dir="auto">Rechte</span>' in crumbs
    assert 'class="breadcrumbs"' not in client.get(home.url).content.decode()


def test_footer_shows_office_contact_and_legal_links_from_settings(client, section):
    imprint = section.get_parent().get_children().get(title="Impressum")
    settings = SiteSettings(locale=Locale.get_default())
    settings.phone = "0461 85-1653"
    settings.email = "juengling.katja@flensburg.de"
    settings.footer_links = [
        {"type": "link", "value": {"page": imprint.pk, "label": ""}},
    ]
    settings.save()

    html = client.get(section.url).content.decode()

    footer = re.search(r"<footer.*?</footer>", html, re.S).group(0)
    assert 'href="tel:+49461851653"' in footer
    assert 'href="mailto:juengling.katja@flensburg.de"' in footer
    assert f'href="{imprint.url}">Impressum</a>' in footer


def test_unknown_url_gets_german_404_inside_the_site_chrome(client, section):
    response = client.get("/gibt-es-nicht/")

    assert response.status_code == 404
    html = response.content.decode()
    assert "Diese Seite gibt es nicht" in html
    assert 'aria-label="Hauptnavigation"' in html
    assert "<footer" in html
    assert '<html lang="de"' in html


def test_server_error_page_is_german_and_needs_no_database(rf: RequestFactory):
    response = server_error(rf.get("/"))

    assert response.status_code == 500
    html = response.content.decode()
    assert "Ein technischer Fehler ist aufgetreten" in html
    assert '<html lang="de"' in html


def test_pages_load_nothing_from_other_hosts(client, section):
    html = client.get(section.url).content.decode()

    assets = re.findall(r'<(?:link|script|img|iframe)[^>]+(?:href|src)="([^"]+)"', html)
    assert assets
    # Only own-host addresses (hreflang alternates must be absolute, on this host).
    foreign = [url for url in assets if re.match(r"(https?:)?//(?!testserver/)", url)]
    assert not foreign


def test_anonymous_visitor_gets_no_cookie_and_a_strict_csp(client, section):
    response = client.get(section.url)

    assert not response.cookies
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self';" in csp


def test_page_and_print_stylesheets_are_linked(client, section):
    html = client.get(section.url).content.decode()

    assert 'href="/static/kern/kern.min.css"' in html
    assert 'href="/static/css/print.css" media="print"' in html


def test_page_queries_do_not_grow_with_the_number_of_pages(
    client, home, django_assert_num_queries, settings
):
    # Counts the rendering, not the page cache nor the fragment cache.
    settings.PAGE_CACHE_SECONDS = 0
    settings.FRAGMENT_CACHE_SECONDS = 0
    index = factories.InfoIndexPageFactory(parent=home)

    def add_pages(count):
        for _ in range(count):
            factories.InfoPageFactory(parent=index)
            factories.ContentPageFactory(parent=home, show_in_menus=True)

    add_pages(2)
    client.get(index.url)  # warm the site-root cache
    with CaptureQueriesContext(connection) as few:
        client.get(index.url)
    add_pages(12)

    with django_assert_num_queries(len(few.captured_queries)):
        client.get(index.url)
