"""vCards, open data, and the contact block that reuses the directory on pages."""

import csv
import io

import pytest
import vobject

from contacts.models import OrganisationKind
from tests.contacts.test_directory import jsonld_blocks
from tests.factories import OfficePageFactory

from .factories import (
    HelpCategoryFactory,
    LanguageFactory,
    OrganisationFactory,
    PersonFactory,
    PlaceFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def office():
    return OrganisationFactory(
        name="Koordinierungsstelle für Flüchtlinge",
        kind=OrganisationKind.AUTHORITY,
        phone="0461 851653",
        email="koordinierung@example.org",
        website="https://www.flensburg.de/",
        place=PlaceFactory(
            name="Rathaus", street="Am Pferdewasser 14", postcode="24937"
        ),
        slots=[(0, "09:00", "12:00")],
        categories=[HelpCategoryFactory(name="Beratung", slug="beratung")],
        languages=[LanguageFactory(code="ar", name="Arabisch", native_name="العربية")],
    )


def test_person_vcard_round_trips_through_vobject(client, office):
    person = PersonFactory(organisation=office, role="Ansprechpartnerin")

    response = client.get(f"/kontakte/personen/{person.pk}.vcf")

    assert response["Content-Type"] == "text/vcard; charset=utf-8"
    assert (
        response["Content-Disposition"] == 'attachment; filename="katja-jungling.vcf"'
    )
    card = vobject.readOne(response.content.decode())
    assert card.fn.value == "Katja Jüngling"
    assert (card.n.value.family, card.n.value.given) == ("Jüngling", "Katja")
    assert card.tel.value == "+49461851653"
    assert card.email.value == "juengling.katja@flensburg.de"
    assert card.org.value == ["Koordinierungsstelle für Flüchtlinge"]
    assert card.title.value == "Ansprechpartnerin"
    assert card.adr.value.street == "Am Pferdewasser 14"
    assert card.adr.value.code == "24937"


def test_organisation_vcard_round_trips_through_vobject(client, office):
    card = vobject.readOne(
        client.get(f"/kontakte/organisationen/{office.pk}.vcf").content.decode()
    )

    assert card.fn.value == "Koordinierungsstelle für Flüchtlinge"
    assert card.url.value == "https://www.flensburg.de/"
    assert card.adr.value.city == "Flensburg"


def test_unknown_vcard_is_a_german_404(client):
    response = client.get("/kontakte/personen/999.vcf")

    assert response.status_code == 404


def test_open_data_json_and_csv_at_stable_urls(client, office):
    data = client.get("/offene-daten/adressverzeichnis.json").json()
    response = client.get("/offene-daten/adressverzeichnis.csv")

    assert "dl-de/zero-2-0" in data["lizenz"]
    (row,) = data["organisationen"]
    assert row["name"] == "Koordinierungsstelle für Flüchtlinge"
    assert row["art"] == "Behörde"
    assert row["telefon"] == "+49461851653"
    assert row["plz"] == "24937"
    assert row["kategorien"] == ["Beratung"]
    assert row["sprachen"] == ["ar"]
    assert row["oeffnungszeiten"] == "Montag 09:00–12:00 Uhr"
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0]["name"] == "Koordinierungsstelle für Flüchtlinge"
    assert rows[0]["stadtteil"] == "Altstadt"
    assert list(rows[0]) == data["felder"]


def test_contact_block_reuses_the_directory_and_follows_its_changes(
    client, home, office
):
    person = PersonFactory(organisation=office)
    page = OfficePageFactory(
        parent=home,
        organisation=office,
        body=[
            {
                "type": "contact",
                "value": {
                    "person": person.pk,
                    "organisation": None,
                    "heading": "Ihre Ansprechpartnerin",
                },
            }
        ],
    )

    html = client.get(page.url).content.decode()
    assert "Katja Jüngling" in html
    assert 'href="tel:+49461851653"' in html
    assert f'href="/kontakte/personen/{person.pk}.vcf"' in html

    person.phone = "0461 852000"
    person.save()

    assert 'href="tel:+49461852000"' in client.get(page.url).content.decode()


def test_office_page_publishes_a_government_office(client, home, office):
    page = OfficePageFactory(parent=home, organisation=office, body=[])

    html = client.get(page.url).content.decode()

    (data,) = jsonld_blocks(html)
    (node,) = data["@graph"]
    assert node["@type"] == "GovernmentOffice"
    assert node["telephone"] == "+49461851653"
    assert node["address"]["streetAddress"] == "Am Pferdewasser 14"
    assert (
        node["openingHoursSpecification"][0]["dayOfWeek"] == "https://schema.org/Monday"
    )
    assert node["knowsLanguage"] == ["Arabisch"]
    assert "Anschrift und Öffnungszeiten" in html


def test_contact_block_needs_exactly_one_contact():
    from wagtail.blocks.struct_block import StructBlockValidationError

    from contacts.blocks import ContactBlock

    block = ContactBlock()

    with pytest.raises(StructBlockValidationError) as error:
        block.clean(
            block.to_python({"person": None, "organisation": None, "heading": ""})
        )

    assert "genau eines" in str(error.value.block_errors["person"])
