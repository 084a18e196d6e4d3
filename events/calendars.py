"""iCalendar output (RFC 5545) with the ``icalendar`` library: one event as a
download and subscribable calendars of the event index.

Times are written in Europe/Berlin with a VTIMEZONE; all-day events as dates
(DTEND is the day after the last day, as RFC 5545 wants). An event's UID is
its translation key: stable across requests and the same in every language,
so a calendar that subscribed to it updates instead of duplicating.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.http import HttpResponse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

import icalendar

from caching.routing import url_for_request

PRODID = "-//Stadt Flensburg//Koordinierungsstelle fuer Fluechtlinge//DE"
UID_DOMAIN = "fluechtlinge.flensburg"
CONTENT_TYPE = "text/calendar; charset=utf-8"
# How often subscribed calendar apps should fetch again.
REFRESH_INTERVAL = datetime.timedelta(hours=6)


@dataclass(frozen=True)
class CalendarLink:
    label: str
    https_url: str
    webcal_url: str


def event_uid(event) -> str:
    return f"event-{event.translation_key}@{UID_DOMAIN}"


def _absolute_url(request, page) -> str:
    return request.build_absolute_uri(url_for_request(page, request))


def _description(event, url: str) -> str:
    parts = [event.intro]
    if event.cancelled:
        parts.insert(0, _("Diese Veranstaltung ist abgesagt."))
    if event.registration_note or event.registration_url:
        note = " ".join(filter(None, [event.registration_note, event.registration_url]))
        parts.append(_("Anmeldung: %(note)s") % {"note": note})
    if event.accessibility_notes:
        parts.append(
            _("Barrierefreiheit: %(notes)s") % {"notes": event.accessibility_notes}
        )
    parts.append(url)
    return "\n\n".join(part for part in parts if part)


def _times(event) -> tuple[datetime.date | datetime.datetime, ...]:
    if event.all_day:
        return (
            event.local_start.date(),
            event.local_end.date() + datetime.timedelta(days=1),
        )
    return event.local_start, event.local_end


def event_component(event, request) -> icalendar.Event:
    """One VEVENT for an ``EventPage`` (in the language it is written in)."""
    url = _absolute_url(request, event)
    start, end = _times(event)
    title = event.title
    if event.cancelled:
        title = _("Abgesagt: %(title)s") % {"title": title}
    stamp = event.last_published_at or event.latest_revision_created_at
    component = icalendar.Event.new(
        uid=event_uid(event),
        stamp=stamp or timezone.now(),
        start=start,
        end=end,
        summary=title,
        description=_description(event, url),
        location=event.location_text or None,
        url=url,
        status="CANCELLED" if event.cancelled else "CONFIRMED",
        categories=[str(event.get_topic_display())],
    )
    if event.last_published_at:
        component.add("last-modified", event.last_published_at)
    place = event.place
    if place is not None and place.has_coordinates:
        component.add("geo", (float(place.latitude), float(place.longitude)))
    organiser = event.organiser
    if organiser is not None and organiser.email:
        address = icalendar.vCalAddress(f"mailto:{organiser.email}")
        address.params["cn"] = organiser.name
        component.add("organizer", address)
    return component


def build_calendar(*, events, request, name: str, uid: str) -> icalendar.Calendar:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("name", name)
    calendar.add("x-wr-timezone", timezone.get_default_timezone_name())
    calendar.add("uid", f"calendar-{uid}@{UID_DOMAIN}")
    calendar.add("refresh-interval", REFRESH_INTERVAL, parameters={"value": "DURATION"})
    calendar.add("x-published-ttl", icalendar.vDuration(REFRESH_INTERVAL))
    for event in events:
        calendar.add_component(event_component(event, request))
    calendar.add_missing_timezones()
    return calendar


def calendar_response(request, *, events, name: str, uid: str) -> HttpResponse:
    """A subscribable calendar (shown inline; calendar apps fetch it again)."""
    calendar = build_calendar(events=events, request=request, name=name, uid=uid)
    return HttpResponse(calendar.to_ical(), content_type=CONTENT_TYPE)


def event_file_response(request, *, event) -> HttpResponse:
    """One event as an ``.ics`` download ("In meinen Kalender übernehmen")."""
    calendar = build_calendar(
        events=[event], request=request, name=event.title, uid=str(event.pk)
    )
    response = HttpResponse(calendar.to_ical(), content_type=CONTENT_TYPE)
    filename = f"{slugify(event.slug)[:80] or 'veranstaltung'}.ics"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


ALL_EVENTS_LABEL = gettext_lazy("Alle Veranstaltungen")


def subscription_links(request, *, index, topics) -> list[CalendarLink]:
    """The calendars visitors can subscribe to: all events, then one per topic."""
    base = request.build_absolute_uri(url_for_request(index, request))
    entries = [(str(ALL_EVENTS_LABEL), index.reverse_subpage("calendar"))]
    entries += [
        (str(label), index.reverse_subpage("topic_calendar", args=[slug]))
        for slug, label in topics
    ]
    links = []
    for label, route in entries:
        https_url = base + route
        webcal_url = "webcal://" + https_url.split("://", 1)[1]
        links.append(CalendarLink(label, https_url, webcal_url))
    return links
