"""One format for phone numbers everywhere (DIN 5008), from contacts.phone."""

import re

from wagtail.models import Locale

import phonenumbers
import pytest

from contacts.models import OrganisationKind
from contacts.phone import phone_format, phone_tel_uri
from pages.models import SiteSettings
from tests.factories import ContentPageFactory, OfficePageFactory

from .factories import OrganisationFactory, PersonFactory

OFFICE_NUMBER = "0461 85-1653"
SHOWN = f'<span aria-hidden="true" dir="ltr">{OFFICE_NUMBER}</span>'


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        # An extension of the city's switchboard 0461 85-0, however typed.
        ("0461 851653", "0461 85-1653"),
        ("0461-85 1653", "0461 85-1653"),
        ("(0461) 85-1653", "0461 85-1653"),
        ("+49 461 851653", "0461 85-1653"),
        ("0461 85-0", "0461 85-0"),
        # Flensburg, but not the city's switchboard.
        ("0461 12345", "0461 12345"),
        # Other German numbers: area code, space, subscriber number.
        ("030 1234567", "030 1234567"),
        ("0800 1234567", "0800 1234567"),
        # Mobile numbers: the 015x/016x/017x code, not libphonenumber's "01511".
        ("0151 12345678", "0151 12345678"),
        ("+49 171 1234567", "0171 1234567"),
        # Foreign numbers: international, country code, area code, subscriber.
        ("+44 20 7946 0958", "+44 20 79460958"),
        ("+90 532 123 45 67", "+90 532 1234567"),
        ("+380 44 123 4567", "+380 44 1234567"),
        # No area codes in Denmark's closed numbering plan.
        ("+45 33 12 34 56", "+45 33123456"),
    ],
)
def test_numbers_are_shown_in_din_5008(typed, shown):
    assert phone_format(typed) == shown


@pytest.mark.parametrize(
    "typed",
    ["", "nach Vereinbarung", "0461 85-0 (Zentrale)", "12", "+45 1234"],
)
def test_text_that_is_no_valid_number_stays_as_typed(typed):
    assert phone_format(typed) == typed


def test_a_parsed_number_from_the_directory_is_formatted_too():
    assert phone_format(phonenumbers.parse("+49461851653")) == OFFICE_NUMBER
    assert phone_format(None) == ""


def test_switchboards_come_from_the_settings(settings):
    settings.PHONE_SWITCHBOARDS = []
    assert phone_format("0461 851653") == "0461 851653"

    settings.PHONE_SWITCHBOARDS = ["+49 30 9026", "+49 461 85"]
    assert phone_format("030 9026 1234") == "030 9026-1234"
    assert phone_format("0461 851653") == OFFICE_NUMBER
    # The switchboard's own number is not split further.
    assert phone_format("030 9026") == "030 9026"


def test_tel_uri_stays_e164():
    assert phone_tel_uri("0461 85-1653") == "tel:+49461851653"
    assert phone_tel_uri("0461 85-0 (Zentrale)") == "tel:+49461850"
    assert phone_tel_uri("nach Vereinbarung") == ""


@pytest.fixture
def office_settings(db):
    """Site settings naming the office's entry, its number as an editor might
    type it."""
    settings = SiteSettings(locale=Locale.get_default())
    settings.office = OrganisationFactory(
        phone="0461/851653", email="juengling.katja@flensburg.de"
    )
    settings.save()
    return settings


@pytest.mark.django_db
def test_footer_and_contact_box_show_the_din_format(client, home, office_settings):
    page = ContentPageFactory(parent=home, title="Impressum", body=[])

    html = client.get(page.url).content.decode()

    footer = re.search(r"<footer.*?</footer>", html, re.S).group(0)
    aside = re.search(r'<aside class="contact-aside".*?</aside>', html, re.S).group(0)
    for part in (footer, aside):
        assert 'href="tel:+49461851653"' in part
        assert SHOWN in part
        assert '<span class="kern-sr-only">0 4 6 1 8 5 1 6 5 3</span>' in part


@pytest.mark.django_db
def test_office_page_shows_the_din_format(client, home):
    office = OrganisationFactory(
        name="Koordinierungsstelle für Flüchtlinge",
        kind=OrganisationKind.AUTHORITY,
        phone="0461 851653",
    )
    person = PersonFactory(organisation=office, phone="+49461851653")
    page = OfficePageFactory(
        parent=home,
        organisation=office,
        body=[
            {
                "type": "contact",
                "value": {"person": person.pk, "organisation": None, "heading": ""},
            }
        ],
    )

    html = client.get(page.url).content.decode()

    card = re.search(r'<article class="organisation-card".*?</article>', html, re.S)
    contact = re.search(r'<section class="contact-card".*?</section>', html, re.S)
    assert SHOWN in card.group(0)
    assert SHOWN in contact.group(0)
    assert "0461 851653" not in html
