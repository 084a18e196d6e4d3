"""Events (events.EventPage): published, public events of the site.

Times are ISO 8601 with the Europe/Berlin offset (+01:00 or +02:00), as the
events happen in Flensburg.
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from ninja import Field, Query, Router, Schema

from caching.routing import url_for_request
from events.models import EventPage, EventTopic

from .common import (
    DETAIL_ERRORS,
    LIST_ERRORS,
    Choice,
    ListEnvelope,
    ListParams,
    LocaleParams,
    ObjectId,
    absolute,
    api_url,
    choice,
    in_language,
    labels_in,
    locale_codes,
    not_found,
    paginate,
    requested_language,
)
from .contacts import PlaceOut, place_data
from .pages import published_pages

router = Router(tags=["events"])


def events():
    return published_pages(EventPage).select_related("place", "organiser")


class EventFilters(ListParams, LocaleParams):
    topic: EventTopic | None = Field(None, description="Topic of the events.")
    past: bool = Field(
        False,
        description=(
            "`false`: events not yet over, soonest first; `true`: past events, "
            "latest first."
        ),
    )


class OrganiserOut(Schema):
    id: int
    name: str
    detail_url: str


class EventOut(Schema):
    id: int
    title: str
    locale: str
    url: str | None
    detail_url: str
    intro: str
    start: datetime.datetime = Field(description="ISO 8601, Europe/Berlin offset.")
    end: datetime.datetime = Field(description="ISO 8601, Europe/Berlin offset.")
    all_day: bool = Field(description="Only the dates of `start` and `end` count.")
    topic: Choice
    cancelled: bool
    place: PlaceOut | None
    location_note: str = Field(
        description="Room, or where an online event takes place."
    )
    organiser: OrganiserOut | None
    registration_url: str
    registration_note: str
    accessibility_notes: str
    ics_url: str | None = Field(description="The event as an iCalendar file.")


class EventList(ListEnvelope):
    items: list[EventOut]


def event_data(request, event, codes: dict[int, str]) -> dict:
    berlin = timezone.get_default_timezone()
    page_url = url_for_request(event, request)
    organiser = event.organiser
    return {
        "id": event.pk,
        "title": event.title,
        "locale": codes.get(event.locale_id, ""),
        "url": absolute(request, page_url),
        "detail_url": api_url(request, "event_detail", event_id=event.pk),
        "intro": event.intro,
        "start": timezone.localtime(event.start, berlin),
        "end": timezone.localtime(event.end, berlin),
        "all_day": event.all_day,
        "topic": choice(EventTopic, event.topic),
        "cancelled": event.cancelled,
        "place": place_data(event.place),
        "location_note": event.location_note,
        "organiser": {
            "id": organiser.pk,
            "name": organiser.name,
            "detail_url": api_url(
                request, "organisation_detail", organisation_id=organiser.pk
            ),
        }
        if organiser is not None
        else None,
        "registration_url": event.registration_url,
        "registration_note": event.registration_note,
        "accessibility_notes": event.accessibility_notes,
        "ics_url": absolute(request, page_url + event.ics_url_path)
        if page_url
        else None,
    }


@router.get(
    "",
    response={200: EventList, **LIST_ERRORS},
    summary="List events",
    description=(
        "Upcoming events (or past ones with `past=true`). Filter by `topic` and "
        "language (`sprache` or `locale`)."
    ),
)
def event_list(request, filters: Query[EventFilters]):
    code = requested_language(filters)
    items = in_language(events(), code)
    if filters.topic:
        items = items.filter(topic=filters.topic)
    now = timezone.now()
    if filters.past:
        items = items.filter(end__lt=now).order_by("-start", "-pk")
    else:
        items = items.filter(end__gte=now).order_by("start", "pk")
    items, envelope = paginate(request, items, filters)
    codes = locale_codes()
    with labels_in(code):
        envelope["items"] = [event_data(request, event, codes) for event in items]
    return envelope


@router.get(
    "/{event_id}", response={200: EventOut, **DETAIL_ERRORS}, summary="One event"
)
def event_detail(request, event_id: ObjectId):
    event = events().filter(pk=event_id).first()
    if event is None:
        raise not_found("There is no published event with this id.")
    codes = locale_codes()
    with labels_in(codes.get(event.locale_id)):
        return event_data(request, event, codes)
