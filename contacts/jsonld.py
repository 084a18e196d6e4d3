"""schema.org data (JSON-LD) for organisations: GovernmentOffice for
authorities, Organization with a Place for everyone else."""

from __future__ import annotations

from .models import Organisation, OrganisationKind
from .opening_hours import schema_org_specification

CONTEXT = "https://schema.org"


def _address(place) -> dict:
    return {
        "@type": "PostalAddress",
        "streetAddress": place.street,
        "postalCode": place.postcode,
        "addressLocality": place.city,
        "addressCountry": "DE",
    }


def _place(organisation: Organisation) -> dict:
    place = organisation.place
    data = {"@type": "Place", "name": place.name, "address": _address(place)}
    if place.has_coordinates:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(place.latitude),
            "longitude": float(place.longitude),
        }
    hours = schema_org_specification(organisation.opening_hours.all())
    if hours:
        data["openingHoursSpecification"] = hours
    return data


def organisation_data(organisation: Organisation, *, url: str = "") -> dict:
    """One organisation as a schema.org node (without @context): its texts in
    the organisation's language, its contact data, place and hours from the
    German original (``Organisation.original``)."""
    facts = organisation.original
    is_office = organisation.kind == OrganisationKind.AUTHORITY
    data: dict = {
        "@type": "GovernmentOffice" if is_office else "Organization",
        "name": organisation.name,
    }
    if url:
        data["@id"] = url
    if organisation.description:
        data["description"] = organisation.description
    if facts.website:
        data["url"] = facts.website
    if facts.phone:
        data["telephone"] = facts.phone.as_e164
    if facts.email:
        data["email"] = facts.email
    languages = [language.name for language in organisation.languages.all()]
    if languages:
        data["knowsLanguage"] = languages
    if facts.place is not None:
        place = _place(facts)
        if is_office:
            # A GovernmentOffice is itself a place (LocalBusiness).
            data.update(
                {
                    key: value
                    for key, value in place.items()
                    if key not in {"@type", "name"}
                }
            )
        else:
            data["location"] = place
    return data


def graph(organisations, *, url_for=None) -> dict:
    """A JSON-LD document with all given organisations."""
    return {
        "@context": CONTEXT,
        "@graph": [
            organisation_data(
                organisation, url=url_for(organisation) if url_for else ""
            )
            for organisation in organisations
        ],
    }
