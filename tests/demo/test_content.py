"""The demo-content command: idempotent, never touching editors' work, and
telling every fact of the source page."""

import io
import re
from html import unescape
from urllib.parse import urlsplit

from django.contrib.staticfiles import finders
from django.core.management import CommandError, call_command

from wagtail.models import Locale, Page, Revision, Site

import pytest

from integration_checkup.models import CheckUpPage
from pages.models import HomePage, OfficePage, SiteSettings

pytestmark = pytest.mark.django_db

# Every fact of ../shared/content/source-page-de.txt, as a reader would search for it.
SOURCE_FACTS = [
    "Koordinierungsstelle für Flüchtlinge",
    "1. Juli 2015",
    "Landesamt für Ausländerangelegenheiten",
    "Wohlfahrtsverbände",
    "Arbeitsverwaltung",
    "Initiativen",
    "Check Up Integration",
    "HÖHN CONSULTING",
    "Arbeit",
    "Sprache",
    "Wohnen",
    "Teilhabe",
    "Engagement",
    "Akzeptanz",
    "Koordination",
    "Fokusgruppen",
    "Statusanalyse",
    "22 Maßnahmensteckbriefe",
    "Q4/2016",
    "Q1/2017",
    "9. Oktober 2017",
    "Flüchtlinge – unsere neuen Nachbarn",
    "fünf Arbeitsgruppen",
    "November 2017",
    "Ausschuss für Bürgerservice, Schutz und Ordnung",
    "Katja Jüngling",
    "0461 85-1653",
    "juengling.katja@flensburg.de",
    "Transitreisende",
    "Asylbewerber",
    "Asylberechtigte",
    "Geduldete",
    "Informationsangebote des Landes Schleswig-Holstein",
    "Wie kann geholfen werden?",
    "Zuständigkeiten",
    "Leistungen",
    "Rechte",
    "Adressen und Kontakte",
]


@pytest.fixture
def load(django_capture_on_commit_callbacks):
    """Run the command; wagtail-localize publishes translations on commit."""

    def _load():
        with django_capture_on_commit_callbacks(execute=True):
            call_command("load_initial_data", stdout=io.StringIO())

    return _load


def counts():
    return (
        Page.objects.count(),
        Revision.objects.count(),
        Site.objects.count(),
        SiteSettings.objects.count(),
    )


def crawl(client, start="/"):
    """Visit every internal page linked from the start page; return {url: html}."""
    seen, queue, pages = set(), [start], {}
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        assert response.status_code == 200, f"{url} answered {response.status_code}"
        if response.streaming:  # a download: it answered, nothing to follow
            b"".join(response.streaming_content)
            continue
        html = response.content.decode()
        pages[url] = html
        for href in re.findall(r'href="([^"]+)"', html):
            parts = urlsplit(unescape(href))
            if parts.scheme or parts.netloc or not parts.path.startswith("/"):
                continue
            if parts.path.startswith("/static/"):
                continue
            queue.append(parts.path)
    return pages


def test_builds_the_whole_tree_once_even_when_run_twice(load):
    load()
    first = counts()
    load()

    assert counts() == first
    home = Site.objects.get(is_default_site=True).root_page.specific
    assert isinstance(home, HomePage)
    assert not Page.objects.filter(title="Welcome to your new Wagtail site!").exists()
    slugs = set(home.get_children().values_list("slug", flat=True))
    assert {
        "koordinierungsstelle",
        "check-up-integration",
        "fluechtlinge-in-flensburg",
        "informationsangebote-des-landes",
        "wie-kann-geholfen-werden",
        "impressum",
        "datenschutz",
        "barrierefreiheit",
        "leichte-sprache",
    } <= slugs
    topics = home.get_children().get(slug="fluechtlinge-in-flensburg").get_children()
    assert topics.count() == 5
    assert all(page.live for page in Page.objects.filter(depth__gt=1))


def test_rerun_keeps_what_editors_changed(load):
    load()
    office = OfficePage.objects.get(locale=Locale.get_default())
    office.title = "Unsere Koordinierungsstelle"
    office.intro = "Von der Redaktion neu geschrieben."
    office.save_revision().publish()
    check_up = CheckUpPage.objects.get(locale=Locale.get_default())
    check_up.delete()
    settings = SiteSettings.objects.get(locale=Locale.get_default())
    settings.contact_note = "Termine nach Vereinbarung"
    settings.save()

    load()

    office.refresh_from_db()
    assert office.title == "Unsere Koordinierungsstelle"
    assert office.intro == "Von der Redaktion neu geschrieben."
    assert (
        SiteSettings.objects.get(locale=Locale.get_default()).contact_note
        == "Termine nach Vereinbarung"
    )
    # A missing page is added again, with its content.
    assert CheckUpPage.objects.get(locale=Locale.get_default()).body


def test_builds_the_site_on_an_empty_database(load):
    Site.objects.all().delete()
    Page.objects.filter(depth=1).delete()
    Locale.objects.all().delete()

    load()

    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert site.root_page.get_parent().depth == 1


def test_refuses_to_take_over_a_foreign_site_root(load):
    root = Page.get_first_root_node()
    other = root.add_child(instance=Page(title="Eine andere Website", slug="andere"))
    Site.objects.filter(is_default_site=True).update(root_page=other)

    with pytest.raises(CommandError, match="Eine andere Website"):
        load()

    assert not HomePage.objects.exists()


def test_every_source_fact_is_findable_on_the_running_site(client, load):
    load()

    pages = crawl(client)

    text = unescape(re.sub(r"<[^>]+>", " ", " ".join(pages.values())))
    text = re.sub(r"\s+", " ", text)
    missing = [fact for fact in SOURCE_FACTS if fact not in text]
    assert not missing, f"not on the site: {missing}"


def test_no_internal_link_of_the_demo_site_is_broken(client, load):
    load()

    pages = crawl(client)

    # Every published page is reachable by following links from the start page.
    assert set(pages) >= {page.url for page in Page.objects.live().filter(depth__gt=1)}
    for html in pages.values():
        for asset in re.findall(r'(?:href|src)="/static/([^"]+)"', html):
            assert finders.find(asset), f"missing static file {asset}"


EXAMPLE_NOTE = "Beispielinhalt: Teile dieser Seite sind Beispiele"
# Words for editors that readers must never see.
EDITOR_WORDS = ["nennt die Quelle", "nicht Teil der Quelle", "bitte ergänzen"]


def test_example_content_is_labelled_once_per_page_and_calmly(client, load):
    load()

    pages = crawl(client)

    for url, html in pages.items():
        assert html.count(EXAMPLE_NOTE) <= 1, url
        # No notice box (a KERN alert) warns about examples in the text.
        assert 'class="kern-alert kern-alert--warning" role="note"' not in html, url
        for words in EDITOR_WORDS:
            assert words not in html, f"{url}: {words}"
    for url in [
        "/impressum/",
        "/wie-kann-geholfen-werden/",
        "/fluechtlinge-in-flensburg/leistungen/",
        "/veranstaltungen/beispiel-sprachcafe-fruerlund/",
    ]:
        assert EXAMPLE_NOTE in pages[url], url
    for url in ["/", "/leichte-sprache/", "/fluechtlinge-in-flensburg/"]:
        assert EXAMPLE_NOTE not in pages[url], url
