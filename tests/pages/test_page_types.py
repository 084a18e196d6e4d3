"""Every page type renders with its content, keeps to the tree rules and can be
created in the admin."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

import pytest

from events.models import EventIndexPage
from integration_checkup.models import CheckUpPage
from news.models import NewsIndexPage
from pages.models import (
    AccessibilityStatementPage,
    ContentPage,
    HelpPage,
    HomePage,
    InfoIndexPage,
    InfoPage,
    OfficePage,
    StateLinksPage,
)
from responsibility.models import ResponsibilityFinderPage
from tests import factories

SIMPLE_PAGE_FACTORIES = [
    factories.OfficePageFactory,
    factories.CheckUpPageFactory,
    factories.HelpPageFactory,
    factories.ContentPageFactory,
    factories.InfoIndexPageFactory,
]


@pytest.mark.django_db
@pytest.mark.parametrize("page_factory", SIMPLE_PAGE_FACTORIES)
def test_page_renders_title_intro_body_and_review_date(client, home, page_factory):
    page = page_factory(
        parent=home,
        intro="Eine kurze Einleitung für alle.",
        body=[
            {"type": "heading", "value": {"text": "Ein Abschnitt", "level": "h2"}},
            {"type": "paragraph", "value": "<p>Ein Absatz mit <b>Inhalt</b>.</p>"},
        ],
    )

    response = client.get(page.url)

    assert response.status_code == 200
    html = response.content.decode()
    assert f'<h1 class="kern-heading-x-large page-title">{page.title}</h1>' in html
    assert "Eine kurze Einleitung für alle." in html
    assert '<h2 class="kern-heading-medium block-heading">Ein Abschnitt</h2>' in html
    assert "Ein Absatz mit <b>Inhalt</b>." in html
    assert 'Stand: <time datetime="2026-11-02">2. November 2026</time>' in html


@pytest.mark.django_db
def test_info_page_renders_and_is_listed_on_its_index(client, home):
    index = factories.InfoIndexPageFactory(parent=home)
    topic = factories.InfoPageFactory(
        parent=index, title="Rechte", intro="Rechte rund um Arbeit und Schule."
    )
    draft = factories.InfoPageFactory(parent=index, title="Entwurfsthema", live=False)

    topic_response = client.get(topic.url)
    index_html = client.get(index.url).content.decode()

    assert topic_response.status_code == 200
    assert "Rechte rund um Arbeit und Schule." in topic_response.content.decode()
    assert f'href="{topic.url}"' in index_html
    assert "Rechte rund um Arbeit und Schule." in index_html
    assert draft.title not in index_html


@pytest.mark.django_db
def test_home_page_shows_quick_links_and_teasers_with_more_link(client, home):
    office = factories.OfficePageFactory(parent=home, title="Koordinierungsstelle")
    home.quick_links = [
        {"type": "link", "value": {"page": office.pk, "label": "Kontakt aufnehmen"}},
        {
            "type": "link",
            "value": {"url": "https://www.schleswig-holstein.de/", "label": "Land SH"},
        },
    ]
    home.teasers = [
        {
            "type": "teaser",
            "value": {"page": office.pk, "title": "", "text": "Wer wir sind."},
        }
    ]
    home.save()

    html = client.get(home.url).content.decode()

    assert "Oft gesucht" in html
    assert f'href="{office.url}"><span>Kontakt aufnehmen</span>' in html
    assert 'href="https://www.schleswig-holstein.de/"><span>Land SH</span>' in html
    # The teaser falls back to the page title and links with "Mehr".
    assert '<h3 class="kern-title">Koordinierungsstelle</h3>' in html
    assert "Wer wir sind." in html
    assert (
        'Mehr<span class="kern-sr-only"> zu „<span>Koordinierungsstelle</span>“</span>'
        in html
    )


@pytest.mark.django_db
def test_state_links_page_lists_external_offers(client, home):
    page = factories.StateLinksPageFactory(
        parent=home,
        links=[
            {
                "type": "link",
                "value": {
                    "title": "Landesportal",
                    "url": "https://www.schleswig-holstein.de/",
                    "provider": "Land Schleswig-Holstein",
                    "description": "Informationen der Landesregierung.",
                    "languages": "Deutsch, Englisch",
                },
            }
        ],
    )

    html = client.get(page.url).content.decode()

    assert (
        'href="https://www.schleswig-holstein.de/" rel="noopener">Landesportal' in html
    )
    assert "(externer Link)" in html
    assert "<span>Anbieter:</span> Land Schleswig-Holstein" in html
    assert "Informationen der Landesregierung." in html
    assert "<span>Sprachen:</span> Deutsch, Englisch" in html


class TestTreeRules(WagtailPageTestCase):
    def test_home_page_sits_at_the_top_and_holds_the_sections(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        # The home page names no section: each section page type (in its
        # own app) says it belongs under the home page.
        creatable = {
            model for model in HomePage.allowed_subpage_models() if model.is_creatable
        }
        self.assertEqual(
            creatable,
            {
                OfficePage,
                CheckUpPage,
                InfoIndexPage,
                StateLinksPage,
                HelpPage,
                EventIndexPage,
                NewsIndexPage,
                ResponsibilityFinderPage,
                ContentPage,
                AccessibilityStatementPage,
            },
        )

    def test_sections_live_under_the_home_page(self):
        for model in (OfficePage, CheckUpPage, InfoIndexPage, StateLinksPage, HelpPage):
            self.assertAllowedParentPageTypes(model, {HomePage})

    def test_info_pages_only_under_their_index(self):
        self.assertAllowedSubpageTypes(InfoIndexPage, {InfoPage})
        self.assertAllowedParentPageTypes(InfoPage, {InfoIndexPage})
        self.assertAllowedSubpageTypes(InfoPage, set())

    def test_leaf_sections_take_no_children(self):
        self.assertAllowedSubpageTypes(CheckUpPage, set())
        self.assertAllowedSubpageTypes(StateLinksPage, set())

    def test_content_pages_nest_under_home_office_help_and_each_other(self):
        self.assertAllowedParentPageTypes(
            ContentPage, {HomePage, OfficePage, HelpPage, ContentPage}
        )
        self.assertAllowedSubpageTypes(ContentPage, {ContentPage})

    def test_only_one_section_page_of_each_kind_per_parent(self):
        for model in (OfficePage, CheckUpPage, InfoIndexPage, StateLinksPage, HelpPage):
            assert model.max_count_per_parent == 1


class TestAdminCreate(WagtailPageTestCase):
    def setUp(self):
        self.login()
        root = Page.get_first_root_node()
        self.home = root.add_child(
            instance=HomePage(
                title="Start", slug="start-admin", last_reviewed="2026-11-01"
            )
        )

    def _form(self, title, slug, **extra):
        return nested_form_data(
            {
                "title": title,
                "slug": slug,
                "intro": "Einleitung",
                "last_reviewed": "2026-11-20",
                "body": streamfield(
                    [
                        ("heading", {"text": "Abschnitt", "level": "h2"}),
                        ("paragraph", rich_text("<p>Text</p>")),
                    ]
                ),
                **extra,
            }
        )

    def test_editor_can_create_each_section_page(self):
        for model in (OfficePage, CheckUpPage, HelpPage, ContentPage, InfoIndexPage):
            self.assertCanCreate(
                self.home, model, self._form(model.__name__, model.__name__.lower())
            )

    def test_editor_can_create_state_links_page_with_an_offer(self):
        data = self._form(
            "Landesangebote",
            "landesangebote",
            links=streamfield(
                [
                    (
                        "link",
                        {
                            "title": "Landesportal",
                            "url": "https://www.schleswig-holstein.de/",
                            "provider": "Land",
                            "description": "Beschreibung",
                            "languages": "",
                        },
                    )
                ]
            ),
        )
        self.assertCanCreate(self.home, StateLinksPage, data)

    def test_editor_can_create_info_page_under_index(self):
        index = self.home.add_child(
            instance=InfoIndexPage(
                title="Infos", slug="infos", last_reviewed="2026-11-01"
            )
        )
        self.assertCanCreate(index, InfoPage, self._form("Rechte", "rechte"))
