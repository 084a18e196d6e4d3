"""schema.org data (JSON-LD) for events, in the pattern of ``contacts.jsonld``."""

from __future__ import annotations

from contacts.jsonld import CONTEXT, organisation_data

STATUS_SCHEDULED = "https://schema.org/EventScheduled"
STATUS_CANCELLED = "https://schema.org/EventCancelled"
ATTENDANCE_OFFLINE = "https://schema.org/OfflineEventAttendanceMode"


def _place(place) -> dict:
    data = {
        "@type": "Place",
        "name": place.name,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": place.street,
            "postalCode": place.postcode,
            "addressLocality": place.city,
            "addressCountry": "DE",
        },
    }
    if place.has_coordinates:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(place.latitude),
            "longitude": float(place.longitude),
        }
    return data


def _when(event, value) -> str:
    return value.date().isoformat() if event.all_day else value.isoformat()


def event_data(event, *, url: str) -> dict:
    """One ``EventPage`` as a schema.org Event document."""
    data: dict = {
        "@context": CONTEXT,
        "@type": "Event",
        "@id": url,
        "url": url,
        "name": event.title,
        "startDate": _when(event, event.local_start),
        "endDate": _when(event, event.local_end),
        "eventStatus": STATUS_CANCELLED if event.cancelled else STATUS_SCHEDULED,
    }
    if event.intro:
        data["description"] = event.intro
    if event.place is not None:
        data["eventAttendanceMode"] = ATTENDANCE_OFFLINE
        data["location"] = _place(event.place)
    elif event.location_note:
        data["location"] = {"@type": "Place", "name": event.location_note}
    if event.organiser is not None:
        data["organizer"] = organisation_data(event.organiser)
    if event.registration_url:
        data["offers"] = {"@type": "Offer", "url": event.registration_url}
    return data
