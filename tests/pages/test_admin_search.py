"""The admin's "Suche" finds measure sheets, organisations, people, settings
and the pages that show a contact: by a part of the office's number ("1653")
and by a person's name ("Jüngling"), as in the demo."""

import re

from wagtail.models import Locale

import pytest

from pages.models import SiteSettings
from tests.contacts.factories import OrganisationFactory, PersonFactory
from tests.factories import ContentPageFactory

pytestmark = pytest.mark.django_db

ADMIN = "/admin/"


@pytest.fixture
def directory(home, django_capture_on_commit_callbacks):
    """The demo's shape: the office's number in its entry, Katja Jüngling
    reached on it, the settings and a page naming both by reference."""
    office = OrganisationFactory(
        name="Koordinierungsstelle für Flüchtlinge", phone="0461 85-1653"
    )
    other = OrganisationFactory(name="Kleiderkammer", phone="0461 123456")
    person = PersonFactory(organisation=office, phone="")
    SiteSettings.objects.create(
        locale=Locale.get_default(), office=office, contact_person=person
    )
    with django_capture_on_commit_callbacks(execute=True):
        page = ContentPageFactory(
            parent=home,
            title="Impressum",
            slug="impressum",
            body=[
                {
                    "type": "contact",
                    "value": {
                        "person": person.pk,
                        "organisation": None,
                        "heading": "",
                    },
                }
            ],
        )
        page.save_revision().publish()
        ContentPageFactory(parent=home, title="Datenschutz", slug="datenschutz")
    return {"office": office, "other": other, "person": person, "page": page}


def listing_rows(html):
    return re.findall(r'<td class="[^"]*title[^"]*">.*?</td>', html, re.S)


@pytest.mark.parametrize("query", ["1653", "Jüngling"])
def test_admin_search_offers_every_area_that_shows_the_contact(
    editor_client, directory, query
):
    response = editor_client.get(f"{ADMIN}pages/search/", {"q": query})

    assert response.status_code == 200
    html = response.content.decode()
    # The page showing the contact by reference is found ...
    assert "Impressum" in html
    assert "Datenschutz" not in html
    # ... and the search's tabs lead to the directory, the measure sheets
    # and the settings with the same words.
    for area in (
        "/admin/snippets/contacts/organisation/",
        "/admin/snippets/contacts/person/",
        "/admin/snippets/integration_checkup/measuresheet/",
        "/admin/snippets/pages/sitesettings/",
    ):
        assert f'href="{area}?q=' in html, area


@pytest.mark.parametrize(
    ("url", "query", "found", "not_found"),
    [
        (
            "snippets/contacts/organisation/",
            "1653",
            "Koordinierungsstelle für Flüchtlinge",
            "Kleiderkammer",
        ),
        ("snippets/contacts/person/", "1653", "Jüngling", None),
        ("snippets/contacts/person/", "Jüngling", "Katja", None),
        # The row, not the menu item of the same name.
        (
            "snippets/pages/sitesettings/",
            "1653",
            "Website-Einstellungen (Deutsch)",
            None,
        ),
        (
            "snippets/pages/sitesettings/",
            "Jüngling",
            "Website-Einstellungen (Deutsch)",
            None,
        ),
    ],
)
def test_snippet_listings_find_the_contact(
    editor_client, directory, url, query, found, not_found
):
    html = editor_client.get(f"{ADMIN}{url}", {"q": query}).content.decode()

    assert found in html
    if not_found:
        assert not_found not in html


def test_snippet_listing_finds_nothing_for_other_words(editor_client, directory):
    html = editor_client.get(
        f"{ADMIN}snippets/pages/sitesettings/", {"q": "9999"}
    ).content.decode()

    assert "Website-Einstellungen (Deutsch)" not in html


def test_measure_sheets_are_found_by_responsible_body(editor_client, home):
    from tests.integration_checkup.factories import MeasureSheetFactory

    MeasureSheetFactory(
        title="Sprachkurse", responsible_body="Koordinierungsstelle, Katja Jüngling"
    )
    MeasureSheetFactory(title="Wohnungssuche", responsible_body="Jobcenter")

    html = editor_client.get(
        f"{ADMIN}snippets/integration_checkup/measuresheet/", {"q": "Jüngling"}
    ).content.decode()

    assert "Sprachkurse" in html
    assert "Wohnungssuche" not in html
