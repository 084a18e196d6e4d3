"""Contact data in templates: phone links, numbers read digit by digit,
opening state, schema.org JSON-LD."""

import json

from django import template
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe

import phonenumbers

from contacts import jsonld
from contacts.models import Organisation
from contacts.opening_hours import next_change, weekly_rows
from contacts.opening_hours import opening_state as compute_opening_state
from core.page_cache import limit_page_cache

register = template.Library()

JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def _parse(value):
    if hasattr(value, "as_e164"):
        return value
    try:
        return phonenumbers.parse(str(value), "DE")
    except phonenumbers.NumberParseException:
        return None


@register.filter
def tel_uri(value) -> str:
    """A ``tel:`` URI in international format; empty for text that is no number."""
    number = _parse(value)
    if number is None or not phonenumbers.is_possible_number(number):
        return ""
    return "tel:" + phonenumbers.format_number(
        number, phonenumbers.PhoneNumberFormat.E164
    )


@register.filter
def phone_display(value) -> str:
    """National format for a parsed number ("0461 851653"); text stays as typed."""
    if hasattr(value, "as_national"):
        return value.as_national
    return str(value)


@register.filter
def spell_digits(value) -> str:
    """ "24937" -> "2 4 9 3 7": screen readers then read digit by digit."""
    return " ".join(character for character in str(value) if character.isdigit())


@register.simple_tag
def digits(value, css_class=""):
    """A number shown as written but read out digit by digit."""
    return format_html(
        '<span class="{}" aria-hidden="true" dir="ltr">{}</span><span class="kern-sr-only">{}</span>',
        css_class,
        value,
        spell_digits(value),
    )


@register.simple_tag(takes_context=True)
def opening_state(context, organisation, at=None):
    """What is open now, in Europe/Berlin time. The page that shows it stays
    in the page cache (and a CDN) only until the state changes."""
    now = at or timezone.now()
    state = {
        "slots": organisation.opening_hours.all(),
        "appointment_only": organisation.appointment_only,
        "temporarily_closed": organisation.temporarily_closed,
    }
    change = next_change(at=now, **state)
    if change is not None:
        limit_page_cache(context.get("request"), (change - now).total_seconds())
    return compute_opening_state(at=now, **state)


@register.filter
def opening_rows(organisation):
    return weekly_rows(organisation.opening_hours.all())


@register.simple_tag
def organisations_jsonld(organisations):
    """A ``<script type="application/ld+json">`` data block; not executed, so
    the Content-Security-Policy does not apply to it."""
    if isinstance(organisations, Organisation):
        organisations = [organisations]
    data = json.dumps(jsonld.graph(organisations), ensure_ascii=False).translate(
        JSON_ESCAPES
    )
    return mark_safe(f'<script type="application/ld+json">{data}</script>')  # noqa: S308
