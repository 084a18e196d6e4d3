"""Phone numbers as readers see them: one format everywhere (DIN 5008).

German numbers in national form, area code and subscriber number apart
("0461 851653", mobile "0151 12345678"); an extension of a known switchboard
(``settings.PHONE_SWITCHBOARDS``) after a hyphen ("0461 85-1653"). Numbers of
other countries in international form, country code, area code and subscriber
number apart ("+45 33123456"). Machine-readable outputs (``tel:`` links,
vCard, JSON-LD, API) keep E.164.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.conf import settings

import phonenumbers
from phonenumbers import PhoneNumber, PhoneNumberType

GERMANY = 49
# German mobile numbers: "015x", "016x", "017x" are the area code, whatever
# longer prefix libphonenumber uses to tell the networks apart.
GERMAN_MOBILE_CODE_LENGTH = 3
# Text that is nothing but a number (digits, "+", spaces, brackets, "-", "/", ".").
NUMBER_ONLY = re.compile(r"^\+?[\d\s()\-/.]+$")


@dataclass(frozen=True)
class Switchboard:
    country_code: int
    area_code: str
    number: str


def phone_parse(value, *, lenient: bool = False) -> PhoneNumber | None:
    """The number in ``value`` (a parsed number or text), None if there is none.

    Strict by default: text with anything besides the number in it
    ("0461 85-0 (Zentrale)") is no number. ``lenient`` finds the number in
    such text, for ``tel:`` links.
    """
    if isinstance(value, PhoneNumber):
        return value
    text = str(value or "").strip()
    region = settings.PHONENUMBER_DEFAULT_REGION
    if NUMBER_ONLY.match(text):
        try:
            return phonenumbers.parse(text, region)
        except phonenumbers.NumberParseException:
            return None
    if lenient:
        # The first valid number in the text (letters are no vanity digits).
        match = next(iter(phonenumbers.PhoneNumberMatcher(text, region)), None)
        return match.number if match else None
    return None


def phone_format(value) -> str:
    """``value`` in DIN 5008 form; text that is no valid number stays as typed."""
    number = phone_parse(value)
    if number is None or not phonenumbers.is_valid_number(number):
        return str(value or "").strip()
    national = phonenumbers.national_significant_number(number)
    area_length = _area_code_length(number)
    area, subscriber = national[:area_length], national[area_length:]
    subscriber = _with_extension(number.country_code, area, subscriber)
    if number.country_code == GERMANY:
        prefix = "0" if area_length else ""
        return f"{prefix}{area} {subscriber}".strip()
    return " ".join(
        part for part in (f"+{number.country_code}", area, subscriber) if part
    )


def _area_code_length(number: PhoneNumber) -> int:
    if (
        number.country_code == GERMANY
        and phonenumbers.number_type(number) == PhoneNumberType.MOBILE
    ):
        return GERMAN_MOBILE_CODE_LENGTH
    geographical = phonenumbers.length_of_geographical_area_code(number)
    if geographical:
        return geographical
    # Countries without a trunk prefix ("0") have a closed plan, no area codes.
    metadata = phonenumbers.PhoneMetadata.metadata_for_region(
        phonenumbers.region_code_for_number(number)
    )
    if metadata is None or not metadata.national_prefix:
        return 0
    return phonenumbers.length_of_national_destination_code(number)


def _with_extension(country_code: int, area: str, subscriber: str) -> str:
    """ "851653" -> "85-1653" where 0461 85 is a known switchboard."""
    for board in switchboards():
        if (
            board.country_code == country_code
            and board.area_code == area
            and subscriber.startswith(board.number)
            and len(subscriber) > len(board.number)
        ):
            return f"{board.number}-{subscriber[len(board.number) :]}"
    return subscriber


def switchboards() -> list[Switchboard]:
    """``settings.PHONE_SWITCHBOARDS`` ("+49 461 85") read into their parts."""
    boards = []
    for entry in getattr(settings, "PHONE_SWITCHBOARDS", ()):
        country, area, number = entry.split()
        boards.append(Switchboard(int(country.lstrip("+")), area, number))
    return boards


def phone_tel_uri(value) -> str:
    """A ``tel:`` URI in E.164; empty for text without a possible number."""
    number = phone_parse(value, lenient=True)
    if number is None or not phonenumbers.is_possible_number(number):
        return ""
    return "tel:" + phonenumbers.format_number(
        number, phonenumbers.PhoneNumberFormat.E164
    )
