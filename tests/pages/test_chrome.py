"""The frame around every page: header, navigation, breadcrumbs, footer, errors."""

import re

from django.core.cache import cache
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation
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
    settings.office = _office_entry()
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


# The header on a phone: language first, whom to call on the first screen ------


def _office_entry(**fields):
    """The office's entry in the directory, where its contact data lives."""
    from tests.contacts.factories import OrganisationFactory

    return OrganisationFactory(
        **{
            "phone": "0461 85-1653",
            "email": "juengling.katja@flensburg.de",
            **fields,
        }
    )


@pytest.fixture
def office_contact(section):
    settings = SiteSettings(locale=Locale.get_default())
    settings.office = _office_entry()
    settings.save()
    return settings


def test_official_notice_sits_inside_the_header_landmark(client, section):
    html = client.get(section.url).content.decode()

    banner = html.split('<header class="site-header">', 1)[1]
    assert "kern-kopfzeile" not in html.split('<header class="site-header">', 1)[0]
    assert banner.index("kern-kopfzeile") < banner.index('class="site-nav"')
    assert "Offizielle Website der Stadt Flensburg" in banner.split("</header>")[0]


def test_language_switcher_comes_before_the_search_field(client, section):
    html = client.get(section.url).content.decode()

    switcher = html.index('<details class="language-switcher">')
    search = html.index('id="site-search-q"')
    assert switcher < search
    # Still a <details> element: it opens without JavaScript.
    assert re.search(
        r'<details class="language-switcher">\s*<summary class="language-switcher__toggle">',
        html,
    )


@pytest.mark.parametrize("prefix", ["", "/en", "/ar", "/fa"])
def test_every_page_type_shows_phone_and_email_in_the_header(
    client, section, office_contact, prefix
):
    help_page = (
        section.get_parent().get_children().get(title="Wie kann geholfen werden?")
    )
    for url in [
        f"{prefix}/",
        f"{prefix}{section.url}",
        f"{prefix}{help_page.url}",
        f"{prefix}/suche/?q=Wohnung",
        f"{prefix}/gibt-es-nicht/",
    ]:
        response = client.get(url)
        header = response.content.decode().split("</header>")[0]
        contact = re.search(r'<ul class="site-contact".*?</ul>', header, re.S)
        assert contact, url
        strip = contact.group(0)
        assert 'href="tel:+49461851653"' in strip, url
        # Number and address stay left to right on Arabic and Farsi pages.
        assert '<span aria-hidden="true" dir="ltr">0461 85-1653</span>' in strip, url
        assert (
            '<a class="site-contact__link" href="mailto:juengling.katja@flensburg.de" '
            'dir="ltr">juengling.katja@flensburg.de</a>'
        ) in strip, url
        # Before the search field and the menu: on the first screen of a phone.
        assert header.index("site-contact") < header.index('id="site-search-q"'), url


def test_no_contact_strip_without_phone_and_email(client, section):
    settings = SiteSettings(locale=Locale.get_default())
    settings.save()

    html = client.get(section.url).content.decode()

    assert 'class="site-contact"' not in html


def test_untranslated_settings_in_the_header_are_marked_german(client, section):
    html = client.get("/fa/").content.decode()

    assert '<html lang="fa" dir="rtl"' in html
    assert re.search(
        r'<span class="kern-kopfzeile__label" lang="de" dir="ltr">Offizielle Website',
        html,
    )
    assert '<span class="site-brand__text" lang="de" dir="ltr">' in html
    german = client.get("/").content.decode()
    assert '<span class="kern-kopfzeile__label">Offizielle Website' in german


def test_printed_page_names_its_address(client, section):
    html = client.get(section.url).content.decode()

    assert (
        f'<p class="site-print-url" dir="ltr">http://testserver{section.url}</p>'
        in html
    )


def test_api_docs_page_has_a_language_landmarks_and_no_deep_links(client):
    response = client.get("/api/v1/docs")

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="de" dir="ltr">' in html
    assert '<main id="main"' in html
    assert '<div id="swagger-ui" lang="en"></div>' in html
    assert "/static/css/api-docs.css" in html
    assert '"deepLinking": false' in html
    assert '"url": "/api/v1/openapi.json"' in html


def _contact_strip(client, url):
    header = client.get(url).content.decode().split("</header>")[0]
    return re.search(r'<ul class="site-contact".*?</ul>', header, re.S).group(0)


def test_header_says_whether_the_office_is_open_now_in_every_language(
    client, section, office_contact, django_capture_on_commit_callbacks
):
    from core.bootstrap import content_locales
    from demo.translations import object_translate
    from tests.contacts.factories import OrganisationFactory

    content_locales()
    # Open round the clock (the second slot runs to midnight): true
    # whenever the test runs.
    office_contact.office = OrganisationFactory(
        slots=[
            (day, opens, closes)
            for day in range(7)
            for opens, closes in (("00:00", "12:00"), ("12:00", "00:00"))
        ]
    )
    office_contact.save()
    with django_capture_on_commit_callbacks(execute=True):
        object_translate(instance=office_contact, language="ar", strings={})

    german = _contact_strip(client, "/")
    arabic = _contact_strip(client, "/ar/")

    state = re.search(
        r'<li class="site-contact__item opening-state opening-state--open">\s*'
        r'<span class="status-dot" aria-hidden="true"></span>'
        r"Jetzt geöffnet bis (12:00|00:00) Uhr",
        german,
    )
    assert state
    with translation.override("ar"):
        said = translation.gettext("jetzt geöffnet bis %(time)s Uhr")
    assert said % {"time": state.group(1)} in arabic
    # The translated settings name the same directory entry (not translated).
    assert SiteSettings.objects.get(locale__language_code="ar").office == (
        office_contact.office
    )


def test_header_says_by_appointment_and_nothing_without_hours(
    client, section, office_contact
):
    from tests.contacts.factories import OrganisationFactory

    office_contact.office = OrganisationFactory(appointment_only=True)
    office_contact.save()
    assert "Nur nach Terminvereinbarung" in _contact_strip(client, section.url)

    office_contact.office.appointment_only = False
    office_contact.office.save()
    cache.clear()
    assert "opening-state" not in _contact_strip(client, section.url)
