"""Staff keep the directory in the German admin; bad values get German errors."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data

import pytest

from contacts.models import Organisation, Person, Place

from .factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def organisation_form(**changes):
    data = {
        "name": "Sprachcafé",
        "kind": "initiative",
        "description": "Deutsch sprechen bei Tee.",
        "phone": "0461 851653",
        "email": "cafe@example.org",
        "website": "",
        "place": "",
        "appointment_url": "",
        "hours_note": "",
        "opening_hours": inline_formset(
            [{"weekday": 2, "opens": "16:00", "closes": "18:00"}]
        ),
    }
    data.update(changes)
    return nested_form_data(data)


def test_phone_is_parsed_and_normalised(editor_client):
    response = editor_client.post(
        "/admin/snippets/contacts/organisation/add/",
        organisation_form(phone="(0461) 85-1653"),
    )

    assert response.status_code == 302
    organisation = Organisation.objects.get()
    assert organisation.phone.as_e164 == "+49461851653"
    assert [str(slot) for slot in organisation.opening_hours.all()] == [
        "Mittwoch 16:00–18:00"
    ]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"phone": "12"}, "Bitte eine gültige Telefonnummer"),
        ({"email": "cafe@"}, "gültige E-Mail-Adresse"),
        ({"name": ""}, "Dieses Feld muss ausgefüllt werden."),
    ],
)
def test_bad_values_get_german_errors_and_keep_the_input(
    editor_client, changes, message
):
    response = editor_client.post(
        "/admin/snippets/contacts/organisation/add/", organisation_form(**changes)
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert "Deutsch sprechen bei Tee." in html
    assert not Organisation.objects.exists()


@pytest.mark.parametrize("postcode", ["2493", "249370", "00123", "24a37"])
def test_place_needs_a_german_postcode(editor_client, postcode):
    response = editor_client.post(
        "/admin/snippets/contacts/place/add/",
        {
            "name": "Rathaus",
            "street": "Holm 1",
            "postcode": postcode,
            "city": "Flensburg",
            "district": "",
            "latitude": "",
            "longitude": "",
            "accessibility": "",
        },
    )

    assert response.status_code == 200
    assert (
        "Bitte eine deutsche Postleitzahl mit fünf Ziffern eingeben"
        in response.content.decode()
    )
    assert not Place.objects.exists()


def test_person_phone_and_email_are_validated(editor_client):
    organisation = OrganisationFactory()

    response = editor_client.post(
        "/admin/snippets/contacts/person/add/",
        {
            "given_name": "Katja",
            "family_name": "Jüngling",
            "role": "",
            "organisation": organisation.pk,
            "phone": "abc",
            "email": "katja(at)flensburg.de",
            "consultation_hours": "",
        },
    )

    html = response.content.decode()
    assert "Bitte eine gültige Telefonnummer" in html
    assert "gültige E-Mail-Adresse" in html
    assert not Person.objects.exists()


def test_admin_list_filters_by_district_and_searches(editor_client):
    OrganisationFactory(name="Kleiderkammer", place__district="nordstadt")
    OrganisationFactory(name="Migrationsdienst", place__district="neustadt")
    url = "/admin/snippets/contacts/organisation/"

    by_district = editor_client.get(url + "?place__district=nordstadt").content.decode()
    by_text = editor_client.get(url + "?q=Migration").content.decode()

    assert "Kleiderkammer" in by_district and "Migrationsdienst" not in by_district
    assert "Migrationsdienst" in by_text and "Kleiderkammer" not in by_text
