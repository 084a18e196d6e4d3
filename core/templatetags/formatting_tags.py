"""Dates and numbers as each reader's language writes them."""

from django import template

from core.formatting import format_date, localize_digits

register = template.Library()


@register.filter
def local_date(value) -> str:
    """``{{ page.last_reviewed|local_date }}``: the language's date format
    and digits (Persian digits on Farsi pages)."""
    if value in (None, ""):
        return ""
    return format_date(value)


@register.filter
def local_digits(value) -> str:
    """A count in the reader's digits: ``{{ total|local_digits }}``."""
    if value in (None, ""):
        return ""
    return localize_digits(value)
