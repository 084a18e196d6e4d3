"""The header menu comes from the cache until the next purge (caching.page_cache)."""

import re

import pytest

from core.bootstrap import content_locales
from pages.templatetags import navigation_tags
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _uncached_pages(settings):
    # Only whole pages are not cached; the menu still is.
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture
def builds(monkeypatch):
    """How often the menu was built from the database."""
    calls = []
    original = navigation_tags._menu_entries

    def counting(request, root):
        calls.append(root.pk)
        return original(request, root)

    monkeypatch.setattr(navigation_tags, "_menu_entries", counting)
    return calls


@pytest.fixture
def office(home):
    return factories.OfficePageFactory(
        parent=home, title="Koordinierungsstelle", show_in_menus=True
    )


@pytest.fixture
def helping(home):
    return factories.HelpPageFactory(
        parent=home, title="Wie kann geholfen werden?", show_in_menus=True
    )


def _nav(client, url="/") -> str:
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    return re.search(r'<nav class="site-nav".*?</nav>', html, re.S).group(0)


def test_menu_is_built_once_and_marks_the_current_page_per_request(
    client, home, office, helping, builds
):
    assert 'aria-current="page">Koordinierungsstelle</a>' in _nav(client, office.url)
    nav = _nav(client, helping.url)

    assert builds == [home.pk]
    assert 'aria-current="page">Wie kann geholfen werden?</a>' in nav
    assert 'aria-current="page">Koordinierungsstelle</a>' not in nav
    assert f'href="{office.url}"' in nav


def test_published_title_shows_in_the_menu_at_once(client, office, builds):
    assert "Koordinierungsstelle<" in _nav(client)

    office.title = "Anlaufstelle"
    office.save_revision().publish()

    nav = _nav(client)
    assert "Anlaufstelle<" in nav
    assert "Koordinierungsstelle<" not in nav
    assert len(builds) == 2


def test_unpublished_page_leaves_the_menu_at_once(client, office, helping):
    assert "Koordinierungsstelle<" in _nav(client)

    office.unpublish()

    nav = _nav(client)
    assert "Koordinierungsstelle<" not in nav
    assert "Wie kann geholfen werden?<" in nav


def test_moved_page_leaves_and_joins_the_menu_at_once(client, office, helping):
    assert "Wie kann geholfen werden?<" in _nav(client)

    helping.move(office, pos="last-child")
    assert "Wie kann geholfen werden?<" not in _nav(client)

    helping.refresh_from_db()
    office.refresh_from_db()
    helping.move(office.get_parent(), pos="last-child")
    assert "Wie kann geholfen werden?<" in _nav(client)


def test_each_language_gets_its_own_menu_entry(client, home, office, builds):
    content_locales()
    _nav(client, "/")
    _nav(client, "/en/")
    _nav(client, "/en/")
    _nav(client, "/")

    assert builds == [home.pk, home.pk]


def test_menu_links_translations_in_the_visitors_language(
    client, home, office, helping
):
    from wagtail.models import Locale

    from tests.api.helpers import translate_page

    content_locales()
    arabic = Locale.objects.get(language_code="ar")
    arabic_home = translate_page(home, arabic, title="اللاجئون في فلنسبورغ")
    arabic_office = translate_page(office, arabic, title="مكتب التنسيق")

    nav = _nav(client, arabic_office.url)

    assert f'href="{arabic_home.url}"' in nav
    assert f'href="{arabic_office.url}" aria-current="page">مكتب التنسيق</a>' in nav
    # Not translated yet: the German page under the reader's prefix (so the
    # reader stays in Arabic), its German title marked German.
    assert (
        'href="/ar/wie-kann-geholfen-werden/" lang="de" dir="ltr">'
        "Wie kann geholfen werden?</a>"
    ) in nav
    assert 'href="/koordinierungsstelle/"' not in nav
