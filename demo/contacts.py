"""Demo content of the directory.

From the source page: the coordination office and its contact person (Katja
Jüngling, phone, e-mail) and the Landesamt für Ausländerangelegenheiten. The
source gives no addresses, opening hours or initiatives: those are examples,
named "Beispiel: …" once (organisation, place, need), with example coordinates
near Flensburg's town centre; their other texts don't repeat the label.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.text import slugify

from contacts.models import (
    District,
    HelpCategory,
    Language,
    Need,
    OpeningHoursSlot,
    Organisation,
    OrganisationKind,
    Person,
    Place,
)
from contacts.selectors import berlin_today
from core.bootstrap import ensure_default_locale

OFFICE_NAME = "Koordinierungsstelle für Flüchtlinge"
CONTACT_NAME = "Katja Jüngling"
CONTACT_EMAIL = "juengling.katja@flensburg.de"
# The city's switchboard 0461 85-0, extension 1653 (stored as E.164).
CONTACT_PHONE = "0461 85-1653"

# Example places and organisations the demo events refer to.
OFFICE_PLACE = "Beispiel: Rathaus Flensburg"
LANGUAGE_CAFE = "Beispiel: Sprachcafé Fruerlund"
LANGUAGE_CAFE_PLACE = "Beispiel: Stadtteiltreff Fruerlund"
COMMUNITY_HALL = "Beispiel: Gemeindehaus Nord"

LANGUAGES = [
    ("de", "Deutsch", "Deutsch"),
    ("en", "Englisch", "English"),
    ("ar", "Arabisch", "العربية"),
    ("uk", "Ukrainisch", "Українська"),
    ("fa", "Persisch (Farsi)", "فارسی"),
    ("tr", "Türkisch", "Türkçe"),
    ("ru", "Russisch", "Русский"),
    ("fr", "Französisch", "Français"),
    ("ku", "Kurdisch", "Kurdî"),
    ("ti", "Tigrinya", "ትግርኛ"),
]

CATEGORIES = [
    "Sachspenden",
    "Geldspenden",
    "Ehrenamt",
    "Sprache",
    "Wohnen",
    "Arbeit",
    "Freizeit",
    "Beratung",
]

# name, kind, description, phone, email, website, categories, languages,
# place (name, street, postcode, city, district, lat, lon, access) or None,
# slots [(weekday, "09:00", "12:00")], appointment_only, hours note
ORGANISATIONS = [
    (
        OFFICE_NAME,
        OrganisationKind.AUTHORITY,
        "Die Koordinierungsstelle der Stadt Flensburg stimmt Aufnahme und Integration "
        "Geflüchteter zwischen Verwaltung, Land, Regeldiensten und Ehrenamt ab.",
        # The office's number, kept here once; the e-mail address is Katja
        # Jüngling's own (her entry below), so the office has none of its own.
        CONTACT_PHONE,
        "",
        "",
        ["Beratung", "Ehrenamt"],
        ["de", "en"],
        (
            OFFICE_PLACE,
            "Beispielstraße 1",
            "24937",
            "Flensburg",
            District.ALTSTADT,
            "54.783300",
            "9.436900",
            "Stufenloser Eingang, Aufzug.",
        ),
        [],
        True,
        "Termine nach Vereinbarung per Telefon oder E-Mail.",
    ),
    (
        "Landesamt für Ausländerangelegenheiten Schleswig-Holstein",
        OrganisationKind.AUTHORITY,
        "Landesbehörde, mit der die Kommunen Grundsatzfragen der Aufnahme und "
        "Integrationssteuerung abstimmen.",
        "",
        "",
        "https://www.schleswig-holstein.de/",
        ["Beratung"],
        ["de"],
        None,
        [],
        False,
        "Anschrift und Erreichbarkeit: siehe Website des Landes.",
    ),
    (
        "Beispiel: Kleiderkammer Nord",
        OrganisationKind.DONATION_POINT,
        "Nimmt gut erhaltene Kleidung an und gibt sie kostenlos weiter.",
        "",
        "",
        "",
        ["Sachspenden"],
        ["de", "ar", "uk"],
        (
            COMMUNITY_HALL,
            "Beispielweg 12",
            "24939",
            "Flensburg",
            District.NORDSTADT,
            "54.800000",
            "9.430000",
            "Eingang mit zwei Stufen, Klingel unten.",
        ),
        [(1, "10:00", "13:00"), (3, "15:00", "18:00")],
        False,
        "An Feiertagen geschlossen.",
    ),
    (
        LANGUAGE_CAFE,
        OrganisationKind.INITIATIVE,
        "Ehrenamtliche und Geflüchtete sprechen zusammen Deutsch, bei Tee und Kuchen.",
        "",
        "sprachcafe@example.org",
        "",
        ["Sprache", "Freizeit", "Ehrenamt"],
        ["de", "ar", "fa", "ti"],
        (
            LANGUAGE_CAFE_PLACE,
            "Beispielallee 5",
            "24943",
            "Flensburg",
            District.FRUERLUND,
            "54.790000",
            "9.460000",
            "Barrierefrei, Aufzug vorhanden.",
        ),
        [(2, "16:00", "18:00")],
        False,
        "",
    ),
    (
        "Beispiel: Migrationsberatung",
        OrganisationKind.WELFARE,
        "Beratung zu Aufenthalt, Leistungen, Wohnen und Arbeit.",
        "",
        "beratung@example.org",
        "",
        ["Beratung", "Wohnen", "Arbeit"],
        ["de", "en", "ar", "uk", "tr", "ru"],
        (
            "Beispiel: Beratungszentrum",
            "Beispielplatz 3",
            "24937",
            "Flensburg",
            District.NEUSTADT,
            "54.792000",
            "9.432000",
            "",
        ),
        [(0, "09:00", "12:00"), (2, "13:00", "16:00"), (3, "09:00", "12:00")],
        False,
        "",
    ),
    (
        "Beispiel: Fahrradwerkstatt Mürwik",
        OrganisationKind.ASSOCIATION,
        "Repariert gespendete Fahrräder gemeinsam mit Geflüchteten.",
        "",
        "rad@example.org",
        "",
        ["Sachspenden", "Freizeit", "Ehrenamt"],
        ["de", "fa", "ku"],
        (
            "Beispiel: Werkstatt am Hafen",
            "Beispielkai 7",
            "24944",
            "Flensburg",
            District.MUERWIK,
            "54.805000",
            "9.470000",
            "",
        ),
        [(5, "10:00", "14:00")],
        False,
        "",
    ),
]


@dataclass
class DirectoryReport:
    created: list[str] = field(default_factory=list)


def _ensure_taxonomy(report: DirectoryReport) -> None:
    for code, name, native_name in LANGUAGES:
        _language, created = Language.objects.get_or_create(
            code=code, defaults={"name": name, "native_name": native_name}
        )
        if created:
            report.created.append(f"Sprache {name}")
    for position, name in enumerate(CATEGORIES):
        _category, created = HelpCategory.objects.get_or_create(
            slug=slugify(name), defaults={"name": name, "sort_order": position}
        )
        if created:
            report.created.append(f"Kategorie {name}")


def _place(spec) -> Place | None:
    if spec is None:
        return None
    name, street, postcode, city, district, lat, lon, access = spec
    place, _created = Place.objects.get_or_create(
        name=name,
        defaults={
            "street": street,
            "postcode": postcode,
            "city": city,
            "district": district,
            "latitude": lat,
            "longitude": lon,
            "accessibility": access,
        },
    )
    return place


def _ensure_organisations(report: DirectoryReport) -> None:
    for (
        name,
        kind,
        description,
        phone,
        email,
        website,
        categories,
        languages,
        place,
        slots,
        appointment_only,
        note,
    ) in ORGANISATIONS:
        if Organisation.objects.filter(name=name).exists():
            continue
        organisation = Organisation(
            name=name,
            kind=kind,
            description=description,
            phone=phone,
            email=email,
            website=website,
            place=_place(place),
            appointment_only=appointment_only,
            hours_note=note,
        )
        organisation.opening_hours = [
            OpeningHoursSlot(
                weekday=weekday,
                opens=datetime.time.fromisoformat(opens),
                closes=datetime.time.fromisoformat(closes),
            )
            for weekday, opens, closes in slots
        ]
        organisation.categories = HelpCategory.objects.filter(
            slug__in=[slugify(category) for category in categories]
        )
        organisation.languages = Language.objects.filter(code__in=languages)
        organisation.save()
        report.created.append(name)


def _ensure_people(report: DirectoryReport) -> None:
    if Person.objects.filter(email=CONTACT_EMAIL).exists():
        return
    Person.objects.create(
        given_name="Katja",
        family_name="Jüngling",
        role="Ansprechpartnerin der Koordinierungsstelle, auch für den Check Up Integration",
        organisation=Organisation.objects.get(name=OFFICE_NAME),
        # Her number is the office's: kept once, in the office's entry.
        email=CONTACT_EMAIL,
        consultation_hours="Termine nach Vereinbarung",
    )
    report.created.append("Katja Jüngling")


def _ensure_needs(report: DirectoryReport) -> None:
    today = berlin_today()
    needs = [
        (
            "Beispiel: Kleiderkammer Nord",
            "Beispiel: Wintermäntel in Kindergrößen",
            "Größen 104 bis 158, gewaschen und gut erhalten.",
            today + datetime.timedelta(days=60),
            "Di 10–13 Uhr, Do 15–18 Uhr",
        ),
        (
            "Beispiel: Fahrradwerkstatt Mürwik",
            "Beispiel: Fahrräder und Fahrradhelme",
            "Auch reparaturbedürftige Räder sind willkommen.",
            today + datetime.timedelta(days=120),
            "Sa 10–14 Uhr",
        ),
    ]
    for organisation_name, title, details, until, times in needs:
        if Need.objects.filter(title=title).exists():
            continue
        Need.objects.create(
            organisation=Organisation.objects.get(name=organisation_name),
            title=title,
            details=details,
            needed_until=until,
            drop_off_times=times,
        )
        report.created.append(title)


@transaction.atomic
def contacts_demo_load() -> DirectoryReport:
    """Add what is missing; never change what exists."""
    report = DirectoryReport()
    ensure_default_locale()
    _ensure_taxonomy(report)
    _ensure_organisations(report)
    _ensure_people(report)
    _ensure_needs(report)
    return report


def office_contact_person() -> Person:
    return Person.objects.get(email=CONTACT_EMAIL)


def office_organisation() -> Organisation:
    return Organisation.objects.get(name=OFFICE_NAME)


def demo_place(name: str) -> Place | None:
    """A place of the demo directory; None once editors renamed or removed it."""
    return Place.objects.filter(name=name).first()


def demo_organisation(name: str) -> Organisation | None:
    """An organisation of the demo directory; None once editors renamed it."""
    return Organisation.objects.filter(name=name).first()
