"""vCard 3.0 files (made with vobject) for people and organisations."""

from __future__ import annotations

import vobject
from vobject.vcard import Address, Name

from .models import Organisation, Person


def _add_phone(card, number, kind: str = "WORK") -> None:
    if number:
        tel = card.add("tel")
        tel.value = number.as_e164
        tel.type_param = kind


def _add_place(card, place) -> None:
    if place is None:
        return
    adr = card.add("adr")
    adr.value = Address(
        street=place.street, city=place.city, code=place.postcode, country="Deutschland"
    )
    adr.type_param = "WORK"


def organisation_vcard(organisation: Organisation) -> str:
    """Name and note in the organisation's language; contact data from the
    German original (``Organisation.original``)."""
    facts = organisation.original
    card = vobject.vCard()
    card.add("fn").value = organisation.name
    card.add("n").value = Name(family=organisation.name)
    card.add("org").value = [organisation.name]
    card.add("kind").value = "org"
    _add_phone(card, facts.phone)
    if facts.email:
        card.add("email").value = facts.email
    if facts.website:
        card.add("url").value = facts.website
    _add_place(card, facts.place)
    if organisation.hours_note:
        card.add("note").value = organisation.hours_note
    return card.serialize()


def person_vcard(person: Person) -> str:
    facts = person.original
    card = vobject.vCard()
    card.add("fn").value = person.name
    card.add("n").value = Name(family=person.family_name, given=person.given_name)
    if person.organisation:
        card.add("org").value = [person.organisation.name]
    if facts.organisation:
        _add_place(card, facts.organisation.original.place)
    if person.role:
        card.add("title").value = person.role
    _add_phone(card, facts.contact_phone)
    if facts.contact_email:
        card.add("email").value = facts.contact_email
    if person.consultation_hours:
        card.add("note").value = person.consultation_hours
    return card.serialize()
