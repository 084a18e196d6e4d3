"""Pages: only live, public pages of the default site; list, filters, detail."""

from wagtail.models import Page, PageViewRestriction

import pytest

from tests.factories import (
    ContentPageFactory,
    InfoIndexPageFactory,
    InfoPageFactory,
    OfficePageFactory,
)

from .helpers import translate_page

pytestmark = pytest.mark.django_db

BODY = [
    {"type": "heading", "value": {"text": "Beratung", "level": "h2"}},
    {"type": "paragraph", "value": "<p>Wir <b>helfen</b> gern.</p>"},
]


@pytest.fixture
def office(home):
    return OfficePageFactory(
        parent=home,
        slug="koordinierungsstelle",
        title="Koordinierungsstelle",
        intro="Wir koordinieren die Hilfe.",
        body=BODY,
    )


def titles(data):
    return [item["title"] for item in data["items"]]


def test_list_shows_live_public_pages_in_tree_order(api_get, home, office):
    ContentPageFactory(parent=home, slug="impressum", title="Impressum")

    response, data = api_get("pages")

    assert response.status_code == 200
    assert titles(data) == [
        "Flüchtlinge in Flensburg",
        "Koordinierungsstelle",
        "Impressum",
    ]
    assert data["count"] == 3
    item = data["items"][1]
    assert item == {
        "id": office.pk,
        "title": "Koordinierungsstelle",
        "type": "pages.OfficePage",
        "locale": "de",
        "url": "http://testserver/koordinierungsstelle/",
        "detail_url": f"http://testserver/api/v1/pages/{office.pk}",
        "intro": "Wir koordinieren die Hilfe.",
        "last_reviewed": "2026-11-02",
        "last_published_at": item["last_published_at"],
    }


def test_drafts_unpublished_and_private_pages_never_appear(api_get, home, office):
    draft = ContentPageFactory(parent=home, slug="entwurf", title="Entwurf", live=False)
    private = ContentPageFactory(parent=home, slug="intern", title="Intern")
    below_private = ContentPageFactory(parent=private, slug="unter", title="Darunter")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    unpublished = ContentPageFactory(parent=home, slug="alt", title="Zurückgezogen")
    unpublished.unpublish()

    _response, data = api_get("pages?limit=100")

    assert titles(data) == ["Flüchtlinge in Flensburg", "Koordinierungsstelle"]
    for page in (draft, private, below_private, unpublished):
        response, body = api_get(f"pages/{page.pk}")
        assert response.status_code == 404
        assert body == {"detail": "There is no published page with this id."}


def test_pages_outside_the_default_site_and_the_root_are_left_out(api_get, home):
    root = Page.get_first_root_node()
    other = ContentPageFactory(parent=root, slug="andere-website", title="Anderswo")

    _response, data = api_get("pages")

    assert titles(data) == ["Flüchtlinge in Flensburg"]
    assert api_get(f"pages/{other.pk}")[0].status_code == 404
    assert api_get(f"pages/{root.pk}")[0].status_code == 404


def test_filter_by_type(api_get, home, office):
    index = InfoIndexPageFactory(parent=home)
    InfoPageFactory(parent=index, title="Leistungen")
    InfoPageFactory(parent=index, title="Rechte")

    _response, data = api_get("pages?type=pages.InfoPage")

    assert titles(data) == ["Leistungen", "Rechte"]
    assert {item["type"] for item in data["items"]} == {"pages.InfoPage"}


def test_unknown_type_is_a_400_naming_the_types(api_get, home):
    response, data = api_get("pages?type=pages.Nichts")

    assert response.status_code == 400
    assert "Unknown page type 'pages.Nichts'" in data["detail"]
    assert "pages.InfoPage" in data["detail"]


def test_filter_by_locale_with_sprache_or_locale(api_get, home, office, locales):
    home_en = translate_page(home, locales["en"], title="Refugees in Flensburg")
    office_en = translate_page(office, locales["en"], title="Coordination office")

    for parameter in ("sprache", "locale"):
        _response, data = api_get(f"pages?{parameter}=en")
        assert [item["id"] for item in data["items"]] == [home_en.pk, office_en.pk]
        assert data["items"][1]["url"] == "http://testserver/en/koordinierungsstelle/"
        assert {item["locale"] for item in data["items"]} == {"en"}

    _response, data = api_get("pages?sprache=de")
    assert titles(data) == ["Flüchtlinge in Flensburg", "Koordinierungsstelle"]
    # A language without translated pages: an empty list, not an error.
    _response, data = api_get("pages?sprache=ar")
    assert data["items"] == []
    assert data["count"] == 0


@pytest.mark.parametrize(
    "query",
    ["sprache=xx", "locale=english", "sprache=en&locale=ar", "sprache=" + "e" * 30],
)
def test_unknown_or_conflicting_locale_is_a_400(api_get, home, query):
    response, data = api_get(f"pages?{query}")

    assert response.status_code == 400
    assert data["detail"]


def test_detail_has_body_blocks_and_translations(api_get, home, office, locales):
    translate_page(home, locales["en"], title="Refugees in Flensburg")
    office_en = translate_page(office, locales["en"], title="Coordination office")

    response, data = api_get(f"pages/{office.pk}")

    assert response.status_code == 200
    assert data["title"] == "Koordinierungsstelle"
    assert data["url"] == "http://testserver/koordinierungsstelle/"
    assert [(block["type"], block["value"]) for block in data["body"]] == [
        ("heading", {"text": "Beratung", "level": "h2"}),
        ("paragraph", "<p>Wir <b>helfen</b> gern.</p>"),
    ]
    assert all(block["id"] for block in data["body"])
    assert data["translations"] == [
        {
            "id": office_en.pk,
            "locale": "en",
            "url": "http://testserver/en/koordinierungsstelle/",
            "detail_url": f"http://testserver/api/v1/pages/{office_en.pk}",
        }
    ]
    _response, english = api_get(f"pages/{office_en.pk}")
    assert english["locale"] == "en"
    assert [item["id"] for item in english["translations"]] == [office.pk]


def test_unpublished_translation_is_not_listed(api_get, home, office, locales):
    translate_page(home, locales["en"], title="Refugees in Flensburg")
    office_en = translate_page(office, locales["en"], title="Coordination office")
    office_en.unpublish()

    _response, data = api_get(f"pages/{office.pk}")

    assert data["translations"] == []


def test_rich_text_links_are_resolved_to_public_urls(api_get, home, office):
    page = ContentPageFactory(
        parent=home,
        slug="links",
        body=[
            {
                "type": "paragraph",
                "value": f'<p>Siehe <a linktype="page" id="{office.pk}">Büro</a>.</p>',
            }
        ],
    )

    _response, html = api_get(f"pages/{page.pk}")
    _response, markdown = api_get(f"pages/{page.pk}?rich_text_format=markdown")

    assert html["body"][0]["value"] == (
        '<p>Siehe <a href="/koordinierungsstelle/">Büro</a>.</p>'
    )
    assert "linktype" not in str(html["body"])
    assert (
        markdown["body"][0]["value"].strip() == "Siehe [Büro](/koordinierungsstelle/)."
    )


def test_unknown_rich_text_format_is_a_400(api_get, home, office):
    response, data = api_get(f"pages/{office.pk}?rich_text_format=db_html")

    assert response.status_code == 400
    assert data["errors"][0]["location"] == ["query", "rich_text_format"]
