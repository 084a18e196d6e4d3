"""Contact data in templates: phone links, numbers read digit by digit,
opening state, schema.org JSON-LD."""

import json

from django import template
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from caching.page_cache import limit_page_cache
from contacts import jsonld
from contacts.models import Organisation
from contacts.opening_hours import next_change, weekly_rows
from contacts.opening_hours import opening_state as compute_opening_state
from contacts.phone import phone_format, phone_tel_uri

register = template.Library()

JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def tel_uri(value) -> str:
    """A ``tel:`` URI in international format; empty for text that is no number."""
    return phone_tel_uri(value)


@register.filter
def phone_display(value) -> str:
    """The number as readers see it, in DIN 5008 ("0461 85-1653"); see
    ``contacts.phone``. Text that is no number stays as typed."""
    return phone_format(value)


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
    """What is open now, in the site's time zone (TIME_ZONE). The page that shows it stays
    in the page cache (and a CDN) only until the state changes. The hours are
    the German original's, also on a translation's page (``Organisation.original``)."""
    now = at or timezone.now()
    facts = organisation.original
    state = {
        "slots": facts.opening_hours.all(),
        "appointment_only": facts.appointment_only,
        "temporarily_closed": facts.temporarily_closed,
    }
    change = next_change(at=now, **state)
    if change is not None:
        limit_page_cache(context.get("request"), (change - now).total_seconds())
    return compute_opening_state(at=now, **state)


@register.filter
def opening_rows(organisation):
    return weekly_rows(organisation.original.opening_hours.all())


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
