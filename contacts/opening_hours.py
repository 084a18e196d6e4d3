"""Is it open now? Opening hours read as Flensburg wall-clock time.

Everything is computed in the site's time zone (``TIME_ZONE``, Europe/Berlin),
so a visitor's or server's time zone and the switch to and from summer time
change nothing: 9:00 is 9:00 local.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from .models.organisations import Weekday

SCHEMA_DAYS = [
    "https://schema.org/Monday",
    "https://schema.org/Tuesday",
    "https://schema.org/Wednesday",
    "https://schema.org/Thursday",
    "https://schema.org/Friday",
    "https://schema.org/Saturday",
    "https://schema.org/Sunday",
]


@dataclass(frozen=True)
class OpeningState:
    """What to tell a visitor right now. ``code`` is for CSS and tests."""

    # open, by_appointment (an appointment-only slot now), opens_later,
    # closed, closed_today, appointment (always by appointment),
    # temporarily_closed, unknown
    code: str
    label: str


def _fmt(value: datetime.time) -> str:
    return value.strftime("%H:%M")


def _by_appointment(slot) -> bool:
    return bool(getattr(slot, "appointment_only", False))


def _slot_now(slots: list, local: datetime.datetime):
    """The slot running at the wall-clock time ``local``: one of today's, or
    one of yesterday's that runs past midnight (Sunday's into Monday too)."""
    today, now = local.weekday(), local.time()
    yesterday = (today - 1) % 7
    for slot in slots:
        past_midnight = slot.closes <= slot.opens
        if slot.weekday == today and (
            (slot.opens <= now < slot.closes) or (past_midnight and now >= slot.opens)
        ):
            return slot
        if slot.weekday == yesterday and past_midnight and now < slot.closes:
            return slot
    return None


def opening_state(
    *,
    slots: Iterable,
    at: datetime.datetime,
    appointment_only: bool = False,
    temporarily_closed: bool = False,
) -> OpeningState:
    """The state at the aware datetime ``at``; slots have weekday (0 = Monday),
    opens and closes (closes <= opens: runs past midnight into the next day,
    Sunday's into Monday) and may be ``appointment_only``."""
    if temporarily_closed:
        return OpeningState("temporarily_closed", _("vorübergehend geschlossen"))
    if appointment_only:
        return OpeningState("appointment", _("nur nach Terminvereinbarung"))
    slots = list(slots)
    if not slots:
        return OpeningState("unknown", _("keine Öffnungszeiten angegeben"))
    local = timezone.localtime(at, timezone.get_default_timezone())
    today, now = local.weekday(), local.time()
    current = _slot_now(slots, local)
    if current is not None:
        until = {"time": _fmt(current.closes)}
        if _by_appointment(current):
            return OpeningState(
                "by_appointment",
                _("jetzt nur nach Terminvereinbarung, bis %(time)s Uhr") % until,
            )
        return OpeningState("open", _("jetzt geöffnet bis %(time)s Uhr") % until)
    later = sorted(
        (slot for slot in slots if slot.weekday == today and slot.opens > now),
        key=lambda slot: slot.opens,
    )
    if later:
        at_time = {"time": _fmt(later[0].opens)}
        if _by_appointment(later[0]):
            return OpeningState(
                "opens_later",
                _("geschlossen, heute ab %(time)s Uhr nach Terminvereinbarung")
                % at_time,
            )
        return OpeningState(
            "opens_later",
            _("geschlossen, öffnet heute um %(time)s Uhr") % at_time,
        )
    if any(slot.weekday == today for slot in slots):
        return OpeningState("closed", _("jetzt geschlossen"))
    return OpeningState("closed_today", _("heute geschlossen"))


def next_change(
    *,
    slots: Iterable,
    at: datetime.datetime,
    appointment_only: bool = False,
    temporarily_closed: bool = False,
) -> datetime.datetime | None:
    """When ``opening_state`` next says something else: the next opening or
    closing time, or midnight ("heute" changes); None if time changes nothing.
    Pages that show the state are cached no longer than until then."""
    slots = list(slots)
    if temporarily_closed or appointment_only or not slots:
        return None
    local = timezone.localtime(at, timezone.get_default_timezone())
    today = local.date()
    candidates = [
        datetime.datetime.combine(today + datetime.timedelta(days=1), datetime.time())
    ]
    for offset in (-1, 0, 1):
        day = today + datetime.timedelta(days=offset)
        for slot in slots:
            if slot.weekday != day.weekday():
                continue
            closes_day = day + datetime.timedelta(days=slot.closes <= slot.opens)
            candidates.append(datetime.datetime.combine(day, slot.opens))
            candidates.append(datetime.datetime.combine(closes_day, slot.closes))
    zone = timezone.get_default_timezone()
    later = [
        moment.replace(tzinfo=zone)
        for moment in candidates
        if moment.replace(tzinfo=zone) > local
    ]
    return min(later)


def slot_text(slot) -> str:
    """ "09:00–12:00 Uhr", or "09:00–12:00 Uhr nur nach Terminvereinbarung"."""
    times = {"opens": _fmt(slot.opens), "closes": _fmt(slot.closes)}
    if _by_appointment(slot):
        return _("%(opens)s–%(closes)s Uhr nur nach Terminvereinbarung") % times
    return _("%(opens)s–%(closes)s Uhr") % times


def weekly_rows(slots: Iterable) -> list[tuple[str, list[str]]]:
    """(weekday name, ["09:00–12:00 Uhr", ...]) for each day that has slots,
    Monday first."""
    by_day: dict[int, list] = {}
    for slot in sorted(slots, key=lambda slot: (slot.weekday, slot.opens)):
        by_day.setdefault(slot.weekday, []).append(slot_text(slot))
    return [(Weekday(day).label, times) for day, times in sorted(by_day.items())]


def schema_org_specification(slots: Iterable) -> list[dict]:
    """schema.org OpeningHoursSpecification entries for the slots; an
    appointment-only slot says so in its description."""
    entries = []
    for slot in sorted(slots, key=lambda slot: (slot.weekday, slot.opens)):
        entry = {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": SCHEMA_DAYS[slot.weekday],
            "opens": slot.opens.strftime("%H:%M:%S"),
            "closes": slot.closes.strftime("%H:%M:%S"),
        }
        if _by_appointment(slot):
            entry["description"] = _("nur nach Terminvereinbarung")
        entries.append(entry)
    return entries
