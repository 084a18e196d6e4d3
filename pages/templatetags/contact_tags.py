"""Filters that turn contact data into links a phone or mail client opens."""

from django import template

import phonenumbers

register = template.Library()


@register.filter
def tel_uri(value: str) -> str:
    """A ``tel:`` URI in international format (German numbers by default).

    Returns an empty string for text that is not a phone number, so that the
    template can leave the link out rather than link to nonsense.
    """
    try:
        number = phonenumbers.parse(str(value), "DE")
    except phonenumbers.NumberParseException:
        return ""
    if not phonenumbers.is_possible_number(number):
        return ""
    return "tel:" + phonenumbers.format_number(
        number, phonenumbers.PhoneNumberFormat.E164
    )
