"""Events in templates: dates and times in Berlin time, schema.org JSON-LD."""

from __future__ import annotations

import json

from django import template
from django.utils import formats
from django.utils.dateformat import format as date_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from caching.routing import url_for_request
from contacts.templatetags.contact_tags import JSON_ESCAPES
from core.formatting import localize_digits
from events.jsonld import event_data

register = template.Library()


def _day(value) -> str:
    """ "Montag, 9. Oktober 2017" in German, the local format elsewhere."""
    return _("%(weekday)s, %(date)s") % {
        "weekday": date_format(value, "l"),
        "date": formats.date_format(value, "DATE_FORMAT"),
    }


def _time(value) -> str:
    return formats.time_format(value, "TIME_FORMAT")


@register.filter
def event_when(event) -> str:
    """Date and time of an event in Berlin time, as readers say it:
    "Montag, 9. Oktober 2017, 18:00 bis 21:00 Uhr" (in the reader's digits)."""
    return localize_digits(_when(event))


def _when(event) -> str:
    start, end = event.local_start, event.local_end
    if event.all_day:
        if start.date() == end.date():
            return _day(start)
        return _("%(start)s bis %(end)s") % {"start": _day(start), "end": _day(end)}
    if start.date() == end.date():
        return _("%(day)s, %(start)s bis %(end)s Uhr") % {
            "day": _day(start),
            "start": _time(start),
            "end": _time(end),
        }
    return _("%(start_day)s, %(start)s Uhr bis %(end_day)s, %(end)s Uhr") % {
        "start_day": _day(start),
        "start": _time(start),
        "end_day": _day(end),
        "end": _time(end),
    }


@register.simple_tag(takes_context=True)
def event_jsonld(context, event):
    """A ``<script type="application/ld+json">`` data block (not executed, so
    the Content-Security-Policy does not apply to it)."""
    request = context["request"]
    url = request.build_absolute_uri(url_for_request(event, request))
    data = json.dumps(event_data(event, url=url), ensure_ascii=False).translate(
        JSON_ESCAPES
    )
    return mark_safe(f'<script type="application/ld+json">{data}</script>')  # noqa: S308
