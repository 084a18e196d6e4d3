"""A reader stays in their language: links to pages that are not translated
yet lead to the German text under the reader's prefix, not out of it."""

import re

import pytest

from core.bootstrap import content_locales
from demo.translations import object_translate
from tests.factories import ContentPageFactory, OfficePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree(home, django_capture_on_commit_callbacks):
    content_locales()
    office = OfficePageFactory(
        parent=home, slug="koordinierungsstelle", title="Koordinierungsstelle"
    )
    news = ContentPageFactory(
        parent=home, slug="aktuelles", title="Aktuelles", show_in_menus=True
    )
    child = ContentPageFactory(parent=news, slug="meldung", title="Meldung")
    with django_capture_on_commit_callbacks(execute=True):
        object_translate(
            instance=home, language="ar", strings={home.title: {"ar": "الرئيسية"}}
        )
    return {"office": office, "news": news, "child": child}


def links(html: str, css_class: str) -> list[str]:
    return re.findall(rf'class="{css_class}[^"]*" href="([^"]+)"', html)


def test_menu_links_untranslated_pages_under_the_readers_prefix(client, tree):
    html = client.get("/ar/").content.decode()

    assert links(html, "site-nav__link") == [
        "/ar/",
        "/ar/koordinierungsstelle/",
        "/ar/aktuelles/",
    ]


def test_german_pages_keep_german_links(client, tree):
    html = client.get("/").content.decode()

    assert links(html, "site-nav__link") == [
        "/",
        "/koordinierungsstelle/",
        "/aktuelles/",
    ]


def test_breadcrumbs_of_a_fallback_page_stay_in_the_language(client, tree):
    response = client.get("/ar/aktuelles/meldung/")
    html = response.content.decode()

    assert response.status_code == 200
    trail = re.search(r'<nav[^>]*class="[^"]*breadcrumb.*?</nav>', html, re.S)
    assert trail is not None
    hrefs = re.findall(r'href="([^"]+)"', trail.group(0))
    assert hrefs == ["/ar/", "/ar/aktuelles/"]


def test_fallback_page_names_its_german_address_as_canonical_and_alternate(
    client, tree
):
    html = client.get("/ar/aktuelles/").content.decode()

    assert '<link rel="canonical" href="http://testserver/aktuelles/">' in html
    assert 'hreflang="de" href="http://testserver/aktuelles/"' in html
    switcher = re.search(r"language-switcher.*?</ul>", html, re.S).group(0)
    assert 'href="/aktuelles/" lang="de"' in switcher
    assert 'href="/ar/aktuelles/" lang="ar"' in switcher
