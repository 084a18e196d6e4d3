"""One place for each fact: the office's phone number lives in the directory
only; header, footer, contact box, legal pages, JSON-LD and vCards show it
from there, in every language."""

import importlib
import io
import json
import re
from types import SimpleNamespace

from django.core.management import call_command

from wagtail.models import Locale, Page

import pytest

from contacts.models import Organisation, Person, Place
from pages.models import SiteSettings

pytestmark = pytest.mark.django_db

OLD = ("1653", "+49461851653")
NEW_TYPED = "0461 85-2000"
NEW_SHOWN = "0461 85-2000"
NEW_TEL = 'href="tel:+49461852000"'

# Every place a reader meets the office's number, in German and in another
# language: header, footer and contact box are on each of them.
PAGES = [
    "/",
    "/impressum/",
    "/leichte-sprache/",
    "/barrierefreiheit/",
    "/koordinierungsstelle/",
    "/en/koordinierungsstelle/",
    "/de-x-ls/leichte-sprache/",
    "/de-x-ls/barrierefreiheit/",
]


@pytest.fixture
def demo(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_initial_data", stdout=io.StringIO())


def without_block_ids(raw):
    """A StreamField's raw data without its blocks' random ids (a UUID may
    hold "1653" by chance)."""
    if isinstance(raw, dict):
        return {
            key: without_block_ids(value) for key, value in raw.items() if key != "id"
        }
    if isinstance(raw, list):
        return [without_block_ids(item) for item in raw]
    return raw


def typed_text(page) -> str:
    """Everything editors typed into a page's fields, as stored."""
    texts = []
    for field in page.specific._meta.concrete_fields:
        value = getattr(page.specific, field.attname, None)
        raw = getattr(value, "raw_data", None)
        if raw is not None:
            texts.append(json.dumps(without_block_ids(list(raw)), ensure_ascii=False))
        elif isinstance(value, str):
            texts.append(value)
    return "\n".join(texts)


def test_the_demo_types_no_contact_data_into_pages_or_settings(demo):
    pages = Page.objects.filter(depth__gt=1)
    assert pages.count() > 20

    for page in pages:
        text = typed_text(page)
        assert not any(old in text for old in OLD), page.url_path
        assert "juengling.katja@" not in text, page.url_path
    fields = {field.name for field in SiteSettings._meta.get_fields()}
    assert not {"phone", "email", "address"} & fields
    german = SiteSettings.objects.get(locale=Locale.get_default())
    assert german.office.name == "Koordinierungsstelle für Flüchtlinge"
    assert german.contact_person.name == "Katja Jüngling"


def test_a_new_number_typed_once_shows_on_every_page_in_every_language(client, demo):
    for url in PAGES:
        assert "0461 85-1653" in client.get(url).content.decode(), url

    office = Organisation.objects.get(
        name="Koordinierungsstelle für Flüchtlinge", locale=Locale.get_default()
    )
    office.phone = NEW_TYPED
    office.save()

    for url in PAGES:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert not any(old in html for old in OLD), url
        header, rest = html.split("</header>", 1)
        footer = rest.split("<footer", 1)[1]
        assert NEW_TEL in header, url
        assert NEW_TEL in footer, url
        assert NEW_SHOWN in html, url
    # The cards of the contact blocks (the Impressum, Leichte Sprache) and of
    # the accessibility statement: the person's card shows the office's number.
    for url in [
        "/impressum/",
        "/leichte-sprache/",
        "/de-x-ls/leichte-sprache/",
        "/barrierefreiheit/",
        "/de-x-ls/barrierefreiheit/",
    ]:
        html = client.get(url).content.decode()
        card = re.search(r'<section class="contact-card".*?</section>', html, re.S)
        assert card and NEW_TEL in card.group(0), url
    impressum = client.get("/impressum/").content.decode()
    entry = re.search(
        r'<article class="organisation-card".*?</article>', impressum, re.S
    )
    assert NEW_TEL in entry.group(0)
    # Structured data and the vCards.
    office_page = client.get("/koordinierungsstelle/").content.decode()
    assert '"telephone": "+49461852000"' in office_page
    person = Person.objects.get(family_name="Jüngling", locale=Locale.get_default())
    vcards = [
        client.get(f"/kontakte/organisationen/{office.pk}.vcf").content.decode(),
        client.get(f"/kontakte/personen/{person.pk}.vcf").content.decode(),
    ]
    assert all("TEL;TYPE=WORK:+49461852000" in vcard for vcard in vcards)


def test_a_translation_of_the_settings_shows_the_german_settings_contact(
    client, home, django_capture_on_commit_callbacks
):
    """Translated settings keep their own texts, never their own contact."""
    from core.bootstrap import content_locales
    from demo.translations import object_translate
    from tests.contacts.factories import OrganisationFactory

    content_locales()
    first = OrganisationFactory(phone="0461 851653")
    german = SiteSettings.objects.create(locale=Locale.get_default(), office=first)
    with django_capture_on_commit_callbacks(execute=True):
        object_translate(instance=home, language="en", strings={})
        object_translate(instance=german, language="en", strings={})
    german.office = OrganisationFactory(phone=NEW_TYPED)
    german.save()

    english = client.get("/en/").content.decode()

    assert NEW_TEL in english.split("</header>")[0]
    assert "+49461851653" not in english


def _migration():
    return importlib.import_module(
        "pages.migrations.0012_site_settings_contact_from_directory"
    )


def _row(office, **typed):
    row = SimpleNamespace(
        phone="",
        email="",
        address="",
        office=office,
        office_name="Koordinierungsstelle",
        contact_person_id=None,
        contact_person=None,
        save=lambda: None,
    )
    for name, value in typed.items():
        setattr(row, name, value)
    return row


def _move(row):
    _migration().contact_values_move(
        row=row,
        Organisation=Organisation,
        Place=Place,
        Person=Person,
        locale_id=Locale.get_default().pk,
    )


def test_migration_moves_typed_contact_into_the_directory_losing_nothing(home):
    from tests.contacts.factories import OrganisationFactory, PersonFactory

    person = PersonFactory(email="juengling.katja@flensburg.de", phone="")
    office = OrganisationFactory(phone="", email="", place=None)
    row = _row(
        office,
        phone="0461 85-1653",
        email="juengling.katja@flensburg.de",
        address="Rathaus\nRathausplatz 1\n24937 Flensburg",
    )

    _move(row)

    office.refresh_from_db()
    assert office.phone.as_e164 == "+49461851653"
    assert office.email == "juengling.katja@flensburg.de"
    assert (office.place.street, office.place.postcode) == ("Rathausplatz 1", "24937")
    assert row.contact_person == person

    # A different number in the settings is kept in the entry's description.
    other = _row(office, phone="0461 85-0 (Zentrale)")
    _move(other)
    office.refresh_from_db()
    assert office.phone.as_e164 == "+49461851653"
    assert "Telefon: 0461 85-0 (Zentrale)" in office.description


def test_migration_creates_the_office_entry_when_none_is_named(home):
    row = _row(None, phone="0461 85-1653", address="irgendwo")

    _move(row)

    office = row.office
    assert office.pk and office.name == "Koordinierungsstelle"
    assert office.phone.as_e164 == "+49461851653"
    assert "Anschrift: irgendwo" in office.description
    assert re.search(r"bitte prüfen", office.description)
