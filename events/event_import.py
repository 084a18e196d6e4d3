"""Take events over from an external iCal calendar (e.g. the city's event
calendar) as ``EventPage``s below an event index.

Rules:
- An event is identified by its UID and the source (URL or path) it came
  from; a second import updates it instead of creating a duplicate.
- Imported events are published at once: the source calendar is the
  authority for them.
- Events an editor changed after the import (their newest revision was
  saved by a person) are never overwritten ("skipped"); events staff created
  by hand are never touched, and nothing is ever deleted.
- Recurring events (RRULE) are expanded within a bounded window, from today
  to 12 months ahead (at most 100 dates per series), honouring EXDATE and
  changed single dates (RECURRENCE-ID). Each date becomes its own event.
- A file that cannot be read or parsed writes nothing; the whole import runs
  in one transaction. A single bad event is skipped with a warning.
"""

from __future__ import annotations

import datetime
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape, linebreaks
from django.utils.text import Truncator, slugify

import icalendar
from dateutil.rrule import rrulestr

from events.models import EventIndexPage, EventPage, EventTopic, all_day_bounds

FETCH_TIMEOUT_SECONDS = 20
MAX_BYTES = 5 * 1024 * 1024
RECURRENCE_WINDOW = datetime.timedelta(days=365)
MAX_OCCURRENCES = 100
DEFAULT_DURATION = datetime.timedelta(hours=1)
USER_AGENT = "Flensburg-Koordinierungsstelle-Kalenderimport/1.0"


class EventImportError(Exception):
    """The calendar could not be fetched or read; nothing was written."""


@dataclass
class ImportedEvent:
    """One event (or one date of a series) as read from the calendar."""

    uid: str
    title: str
    start: datetime.datetime
    end: datetime.datetime
    all_day: bool = False
    description: str = ""
    location: str = ""
    url: str = ""
    cancelled: bool = False
    topic: str = ""


@dataclass
class ImportReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    dry_run: bool = False


# Reading ------------------------------------------------------------------------


def _read_limited(stream) -> bytes:
    data = stream.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise EventImportError(
            f"Der Kalender ist größer als {MAX_BYTES // (1024 * 1024)} MB und wurde "
            "nicht übernommen."
        )
    return data


def calendar_fetch(*, source: str) -> bytes:
    """The raw calendar from an http(s) URL or a local file."""
    if source.startswith(("http://", "https://")):
        # The scheme is checked above: no file:// or custom schemes.
        request = urllib.request.Request(source, headers={"User-Agent": USER_AGENT})  # noqa: S310
        try:
            response = urllib.request.urlopen(request, timeout=FETCH_TIMEOUT_SECONDS)  # noqa: S310
            with response:
                return _read_limited(response)
        except urllib.error.HTTPError as error:
            raise EventImportError(
                f"Der Kalender konnte nicht geladen werden: HTTP {error.code} von {source}."
            ) from error
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            reason = getattr(error, "reason", error)
            raise EventImportError(
                f"Der Kalender konnte nicht geladen werden ({reason}): {source}"
            ) from error
    if "://" in source:
        raise EventImportError(
            "Nur Adressen mit http:// oder https:// oder ein Dateipfad sind erlaubt."
        )
    path = Path(source)
    if not path.is_file():
        raise EventImportError(f"Die Datei „{source}“ gibt es nicht.")
    with path.open("rb") as stream:
        return _read_limited(stream)


def _as_berlin(value: datetime.date | datetime.datetime) -> datetime.datetime:
    """A DTSTART/DTEND value as an aware datetime; floating times are Berlin time."""
    zone = timezone.get_default_timezone()
    if not isinstance(value, datetime.datetime):
        value = datetime.datetime.combine(value, datetime.time.min)
    if timezone.is_naive(value):
        return value.replace(tzinfo=zone)
    return value.astimezone(zone)


def _topic(component, default: str) -> str:
    """A topic from CATEGORIES where one matches (slug or label), else the default."""
    known = {slug: slug for slug in EventTopic.values}
    known.update({slugify(str(label)): slug for slug, label in EventTopic.choices})
    categories = component.get("CATEGORIES")
    if categories is None:
        return default
    for entry in categories if isinstance(categories, list) else [categories]:
        for category in getattr(entry, "cats", [entry]):
            match = known.get(slugify(str(category)))
            if match:
                return match
    return default


def _span(component) -> tuple[datetime.datetime, datetime.datetime, bool]:
    start_value = component["DTSTART"].dt
    all_day = not isinstance(start_value, datetime.datetime)
    if "DTEND" in component:
        end_value = component["DTEND"].dt
    elif "DURATION" in component:
        end_value = start_value + component["DURATION"].dt
    else:
        # RFC 5545: a date means one day; a time without end gets one hour here.
        end_value = start_value + (
            datetime.timedelta(days=1) if all_day else DEFAULT_DURATION
        )
    if all_day:
        last_day = end_value - datetime.timedelta(days=1)  # DTEND is exclusive
        if isinstance(last_day, datetime.datetime):
            last_day = last_day.date()
        start, end = all_day_bounds(start_value, max(last_day, start_value))
        return start, end, True
    return _as_berlin(start_value), _as_berlin(end_value), False


def _base_event(component, *, default_topic: str) -> ImportedEvent:
    uid = str(component.get("UID", "")).strip()
    title = str(component.get("SUMMARY", "")).strip()
    if not uid or not title or "DTSTART" not in component:
        raise ValueError("UID, SUMMARY oder DTSTART fehlt")
    start, end, all_day = _span(component)
    return ImportedEvent(
        uid=uid,
        title=title,
        start=start,
        end=end,
        all_day=all_day,
        description=str(component.get("DESCRIPTION", "")).strip(),
        location=str(component.get("LOCATION", "")).strip(),
        url=str(component.get("URL", "")).strip(),
        cancelled=str(component.get("STATUS", "")).upper() == "CANCELLED",
        topic=_topic(component, default_topic),
    )


def _occurrence_key(value: datetime.datetime) -> str:
    return value.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def _exdates(component) -> set[str]:
    values = component.get("EXDATE") or []
    keys = set()
    for entry in values if isinstance(values, list) else [values]:
        for item in entry.dts:
            keys.add(_occurrence_key(_as_berlin(item.dt)))
    return keys


def _expand(
    event: ImportedEvent, component, *, now: datetime.datetime, overrides: dict
) -> list[ImportedEvent]:
    """The dates of a series within the window, each as an event of its own."""
    rule = component["RRULE"].to_ical().decode()
    naive = event.all_day
    first = event.start.replace(tzinfo=None) if naive else event.start
    window_end = now + RECURRENCE_WINDOW
    duration = event.end - event.start
    skip = _exdates(component)
    occurrences = []
    for value in rrulestr(rule, dtstart=first, forceset=True):
        start = _as_berlin(value) if naive else value
        if start > window_end or len(occurrences) >= MAX_OCCURRENCES:
            break
        if start + duration < now:
            continue
        key = _occurrence_key(start)
        if key in skip:
            continue
        occurrence = overrides.get((event.uid, key))
        if occurrence is None:
            occurrence = ImportedEvent(**{**event.__dict__, "start": start})
            occurrence.end = start + duration
        occurrence.uid = f"{event.uid}/{key}"
        occurrences.append(occurrence)
    return occurrences


def calendar_parse(
    data: bytes, *, default_topic: str, now: datetime.datetime
) -> tuple[list[ImportedEvent], list[str]]:
    """The events of an iCalendar file, and warnings about events left out."""
    try:
        calendar = icalendar.Calendar.from_ical(data)
    except ValueError as error:
        raise EventImportError(
            f"Die Datei ist kein gültiger iCalendar-Kalender (.ics): {error}"
        ) from error
    if calendar.name != "VCALENDAR":
        raise EventImportError("Die Datei enthält keinen Kalender (VCALENDAR).")
    warnings: list[str] = []
    series, overrides, single = [], {}, []
    for component in calendar.walk("VEVENT"):
        try:
            event = _base_event(component, default_topic=default_topic)
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            summary = component.get("SUMMARY", component.get("UID", "?"))
            warnings.append(f"Übersprungen: „{summary}“ ist unvollständig ({error}).")
            continue
        if "RECURRENCE-ID" in component:
            key = _occurrence_key(_as_berlin(component["RECURRENCE-ID"].dt))
            overrides[(event.uid, key)] = event
        elif "RRULE" in component:
            series.append((event, component))
        else:
            single.append(event)
    events = list(single)
    for event, component in series:
        try:
            occurrences = _expand(event, component, now=now, overrides=overrides)
        except (ValueError, TypeError) as error:
            warnings.append(
                f"Übersprungen: Wiederholung von „{event.title}“ nicht lesbar ({error})."
            )
            continue
        if not occurrences:
            warnings.append(
                f"Übersprungen: „{event.title}“ wiederholt sich, hat aber keinen Termin "
                "zwischen heute und in zwölf Monaten."
            )
        events.extend(occurrences)
    return events, warnings


# Writing ------------------------------------------------------------------------


def _page_values(event: ImportedEvent) -> dict:
    intro = Truncator(event.description).chars(600)
    body = []
    if event.description and intro != event.description:
        body.append(
            {"type": "paragraph", "value": linebreaks(escape(event.description))}
        )
    if event.url.startswith(("http://", "https://")):
        link = f'<p><a href="{escape(event.url)}">{escape(event.url)}</a></p>'
        body.append({"type": "paragraph", "value": link})
    return {
        "title": Truncator(event.title).chars(255),
        "start": event.start,
        "end": event.end,
        "all_day": event.all_day,
        "topic": event.topic,
        "cancelled": event.cancelled,
        "location_note": Truncator(event.location).chars(255),
        "intro": intro,
        "body": body,
    }


def _differs(page: EventPage, values: dict) -> bool:
    for name, value in values.items():
        current = getattr(page, name)
        if name == "body":
            current = [
                {"type": block["type"], "value": block["value"]}
                for block in current.raw_data
            ]
        if current != value:
            return True
    return False


def _unique_slug(index: EventIndexPage, event: ImportedEvent) -> str:
    base = slugify(f"{event.title} {event.start:%Y-%m-%d}")[:200] or "veranstaltung"
    taken = set(
        index.get_children()
        .filter(slug__startswith=base)
        .values_list("slug", flat=True)
    )
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def _edited_by_staff(page: EventPage) -> bool:
    revision = page.latest_revision
    return revision is not None and revision.user_id is not None


def _save(index, event, *, source, existing, values, report) -> None:
    label = f"{event.title} ({event.start:%d.%m.%Y})"
    if existing is None:
        page = EventPage(
            slug=_unique_slug(index, event),
            import_source=source,
            import_uid=event.uid[:500],
            **values,
        )
        index.add_child(instance=page)
        page.save_revision().publish()
        report.created.append(label)
    elif _edited_by_staff(existing):
        report.skipped.append(f"{label}: von der Redaktion bearbeitet")
    elif not _differs(existing, values):
        report.unchanged.append(label)
    else:
        for name, value in values.items():
            setattr(existing, name, value)
        existing.save_revision().publish()
        report.updated.append(label)


def events_import(
    *,
    source: str,
    index: EventIndexPage,
    default_topic: str = EventTopic.ENCOUNTER,
    dry_run: bool = False,
    now: datetime.datetime | None = None,
) -> ImportReport:
    """Create or update the events of the calendar at ``source`` below ``index``."""
    now = now or timezone.now()
    events, warnings = calendar_parse(
        calendar_fetch(source=source), default_topic=default_topic, now=now
    )
    report = ImportReport(warnings=warnings, dry_run=dry_run)
    source_key = source[:500]
    existing = {
        page.import_uid: page
        for page in EventPage.objects.filter(import_source=source_key).select_related(
            "latest_revision"
        )
    }
    seen = set()
    with transaction.atomic():
        for event in events:
            if event.uid[:500] in seen:
                report.warnings.append(
                    f"Übersprungen: UID von „{event.title}“ kommt doppelt vor."
                )
                continue
            seen.add(event.uid[:500])
            values = _page_values(event)
            try:
                with transaction.atomic():
                    _save(
                        index,
                        event,
                        source=source_key,
                        existing=existing.get(event.uid[:500]),
                        values=values,
                        report=report,
                    )
            except ValidationError as error:
                messages = "; ".join(error.messages)
                report.warnings.append(f"Übersprungen: „{event.title}“: {messages}")
        if dry_run:
            transaction.set_rollback(True)
    return report
