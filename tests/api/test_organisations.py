"""The directory of organisations: contact data, place, structured opening hours."""

import pytest

from contacts.models import OrganisationKind
from tests.contacts.factories import (
    HelpCategoryFactory,
    LanguageFactory,
    OrganisationFactory,
    PlaceFactory,
)
from tests.factories import OfficePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def office_organisation():
    return OrganisationFactory(
        name="Koordinierungsstelle für Flüchtlinge",
        kind=OrganisationKind.AUTHORITY,
        description="Koordiniert die Hilfe.",
        phone="0461 851653",
        email="fluechtlinge@flensburg.de",
        website="https://www.flensburg.de",
        place=PlaceFactory(name="Rathaus", street="Rathausplatz 1"),
        slots=[(0, "09:00", "12:00"), (3, "14:00", "18:00")],
        categories=[HelpCategoryFactory(name="Beratung", slug="beratung")],
        languages=[
            LanguageFactory(code="de", name="Deutsch", native_name="Deutsch"),
            LanguageFactory(code="ar", name="Arabisch", native_name="العربية"),
        ],
        appointment_url="https://termine.example.org",
        hours_note="An Feiertagen geschlossen.",
    )


def test_organisation_with_everything_public(api_get, home, office_organisation):
    page = OfficePageFactory(
        parent=home, slug="koordinierungsstelle", organisation=office_organisation
    )

    response, data = api_get(f"organisations/{office_organisation.pk}")

    assert response.status_code == 200
    pk = office_organisation.pk
    assert data == {
        "id": pk,
        "name": "Koordinierungsstelle für Flüchtlinge",
        "locale": "de",
        "kind": {"value": "authority", "label": "Behörde"},
        "description": "Koordiniert die Hilfe.",
        "categories": [{"slug": "beratung", "name": "Beratung"}],
        "languages": [
            {"code": "ar", "name": "Arabisch", "native_name": "العربية"},
            {"code": "de", "name": "Deutsch", "native_name": "Deutsch"},
        ],
        "phone": "+49461851653",
        "email": "fluechtlinge@flensburg.de",
        "website": "https://www.flensburg.de",
        "place": {
            "name": "Rathaus",
            "address": {
                "street": "Rathausplatz 1",
                "postcode": "24937",
                "city": "Flensburg",
                "country": "DE",
            },
            "district": {"value": "altstadt", "label": "Altstadt"},
            "latitude": 54.7833,
            "longitude": 9.4369,
            "accessibility": "",
            "map_url": data["place"]["map_url"],
        },
        "opening_hours": {
            "slots": [
                {
                    "weekday": 0,
                    "day": "monday",
                    "day_label": "Montag",
                    "opens": "09:00",
                    "closes": "12:00",
                    "appointment_only": False,
                },
                {
                    "weekday": 3,
                    "day": "thursday",
                    "day_label": "Donnerstag",
                    "opens": "14:00",
                    "closes": "18:00",
                    "appointment_only": False,
                },
            ],
            "appointment_only": False,
            "appointment_url": "https://termine.example.org",
            "temporarily_closed": False,
            "note": "An Feiertagen geschlossen.",
        },
        "vcard_url": f"http://testserver/kontakte/organisationen/{pk}.vcf",
        "page_url": "http://testserver/koordinierungsstelle/",
        "detail_url": f"http://testserver/api/v1/organisations/{pk}",
    }
    assert data["place"]["map_url"].startswith("https://www.openstreetmap.org/")
    assert page.live


def test_page_url_only_for_a_published_page(api_get, home, office_organisation):
    OfficePageFactory(
        parent=home, slug="entwurf", organisation=office_organisation, live=False
    )

    _response, data = api_get(f"organisations/{office_organisation.pk}")

    assert data["page_url"] is None


def test_organisation_without_place_or_phone(api_get, home):
    organisation = OrganisationFactory(name="Online-Initiative", place=None)

    _response, data = api_get(f"organisations/{organisation.pk}")

    assert data["place"] is None
    assert data["phone"] is None
    assert data["opening_hours"]["slots"] == []


def test_list_by_name_with_filters(api_get, home, office_organisation):
    OrganisationFactory(name="Anlaufstelle Nord")
    OrganisationFactory(name="Zentrum Süd", languages=[LanguageFactory(code="ar")])

    _response, everything = api_get("organisations")
    _response, advice_in_arabic = api_get("organisations?advice_language=ar")
    _response, counselling = api_get("organisations?category=beratung")

    assert [item["name"] for item in everything["items"]] == [
        "Anlaufstelle Nord",
        "Koordinierungsstelle für Flüchtlinge",
        "Zentrum Süd",
    ]
    assert [item["name"] for item in advice_in_arabic["items"]] == [
        "Koordinierungsstelle für Flüchtlinge",
        "Zentrum Süd",
    ]
    assert [item["name"] for item in counselling["items"]] == [
        "Koordinierungsstelle für Flüchtlinge"
    ]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("category=gibtsnicht", "Unknown category 'gibtsnicht'."),
        ("advice_language=xx", "Unknown language 'xx'."),
    ],
)
def test_unknown_filter_values_are_400(api_get, home, query, message):
    response, data = api_get(f"organisations?{query}")

    assert response.status_code == 400
    assert data == {"detail": message}


def test_translation_in_the_requested_language(api_get, home, locales):
    original = OrganisationFactory(name="Beratungszentrum", description="Hilft.")
    OrganisationFactory(
        name="Counselling centre",
        description="Helps.",
        locale=locales["en"],
        translation_key=original.translation_key,
    )

    _response, german = api_get("organisations")
    _response, english = api_get("organisations?sprache=en")

    assert [(i["name"], i["locale"]) for i in german["items"]] == [
        ("Beratungszentrum", "de")
    ]
    assert [(i["name"], i["locale"]) for i in english["items"]] == [
        ("Counselling centre", "en")
    ]
    assert english["items"][0]["kind"] == {"value": "initiative", "label": "Initiative"}


def test_unknown_organisation_is_404(api_get, home):
    response, data = api_get("organisations/4711")

    assert response.status_code == 404
    assert data == {"detail": "There is no organisation with this id."}
