"""Reads for the public pages: every function runs a fixed number of queries."""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, QuerySet
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from wagtail.rich_text import get_text_for_indexing

from core.listing import folded_matches
from core.search_words import fold
from core.translations import default_locale, default_locale_only

from .models.feedback import Feedback, FeedbackStatus
from .models.fields import FieldOfAction, StatusAnalysis
from .models.measures import MeasureSheet, MeasureStatus, MeasureStatusChange
from .models.process import ProcessStep


def measure_list(
    *, field: FieldOfAction | None = None, status: str = "", query: str = ""
) -> QuerySet[MeasureSheet]:
    """Published measure sheets (German originals), optionally filtered;
    ordered by number.

    ``query`` matches words as the site search does: folded, so "Boerse"
    finds "Börse" (``core.listing.folded_matches``). Databases cannot fold:
    SQLite's ``LIKE`` ignores the case of ASCII letters only, neither spells
    out umlauts, and a folded copy in the database would be a second
    normaliser to keep in step. So the texts of the sheets that the other
    filters leave (tens, a few hundred at most: the city council decides
    each) are read in one query and compared in Python; the list is then
    those sheets by primary key, still a queryset for counting and paging.
    The goals count with their text, not their markup.
    """
    sheets = default_locale_only(MeasureSheet.objects.filter(live=True)).select_related(
        "field_of_action", "document"
    )
    if field is not None:
        sheets = sheets.filter(field_of_action=field)
    if status:
        sheets = sheets.filter(status=status)
    if query.split():
        rows = sheets.order_by().values_list(
            "pk",
            "title",
            "summary",
            "goals",
            "responsible_body",
            "partners",
            "field_of_action__name",
        )
        texts = (
            (pk, title, summary, get_text_for_indexing(goals), *rest)
            for pk, title, summary, goals, *rest in rows
        )
        sheets = sheets.filter(pk__in=folded_matches(texts, query))
    return sheets.order_by("number")


def measure_detail_queryset() -> QuerySet[MeasureSheet]:
    """Published sheets with what their pages show (translations use it too)."""
    return MeasureSheet.objects.filter(live=True).select_related(
        "field_of_action", "document"
    )


def field_detail_queryset() -> QuerySet[FieldOfAction]:
    return FieldOfAction.objects.select_related(
        "status_analysis", "status_analysis__document"
    )


def measure_get(*, number: int) -> MeasureSheet:
    """One published sheet with its history and approved feedback (raises DoesNotExist)."""
    return (
        measure_detail_queryset()
        .prefetch_related(
            Prefetch(
                "status_changes",
                queryset=MeasureStatusChange.objects.order_by("date", "sort_order"),
            ),
            Prefetch(
                "feedback",
                queryset=Feedback.objects.filter(
                    status=FeedbackStatus.APPROVED
                ).order_by("created_at"),
                to_attr="approved_feedback",
            ),
        )
        .get(number=number, locale=default_locale())
    )


def field_list() -> QuerySet[FieldOfAction]:
    return default_locale_only(FieldOfAction.objects.order_by("sort_order", "name"))


def field_get(*, slug: str) -> FieldOfAction:
    return field_detail_queryset().get(slug=slug, locale=default_locale())


@dataclass(frozen=True)
class ProgressSegment:
    """One status's share of a field's bar: ``offset`` counts the measures before it."""

    status: str
    label: str
    count: int
    offset: int


@dataclass
class FieldProgress:
    """How many published measures of one field are in which status."""

    field: FieldOfAction
    counts: dict[str, int]
    total: int
    segments: list[ProgressSegment] = field(default_factory=list)


def field_progress() -> list[FieldProgress]:
    """Measures per field and status, in two queries whatever the number of sheets."""
    rows = (
        default_locale_only(MeasureSheet.objects.filter(live=True))
        .values("field_of_action_id", "status")
        .annotate(count=Count("id"))
        .order_by()
    )
    counts: dict[int, Counter] = {}
    for row in rows:
        counts.setdefault(row["field_of_action_id"], Counter())[row["status"]] = row[
            "count"
        ]
    progress = []
    for field_of_action in field_list():
        field_counts = counts.get(field_of_action.pk, Counter())
        segments, offset = [], 0
        for status in MeasureStatus:
            if count := field_counts[status.value]:
                segments.append(
                    ProgressSegment(status.value, status.label, count, offset)
                )
                offset += count
        progress.append(
            FieldProgress(
                field=field_of_action,
                counts=dict(field_counts),
                total=sum(field_counts.values()),
                segments=segments,
            )
        )
    return progress


def process_steps() -> QuerySet[ProcessStep]:
    return default_locale_only(ProcessStep.objects.order_by("sort_order", "date"))


def status_analyses() -> QuerySet[StatusAnalysis]:
    return (
        default_locale_only(StatusAnalysis.objects)
        .select_related("field_of_action", "document")
        .order_by("field_of_action__sort_order")
    )


@dataclass(frozen=True)
class ArchiveEntry:
    """A document in the "all working papers" ZIP, with its name inside the archive."""

    name: str
    document: object


def _file_stem(text: str) -> str:
    """A file name from German text: umlauts and ß spelled out, as the search
    folds them ("Börse" -> "boerse")."""
    return slugify(fold(text))


def documents_published() -> list[ArchiveEntry]:
    """Exactly the documents the public pages offer: of published sheets and analyses."""
    entries = []
    for analysis in status_analyses().filter(document__isnull=False):
        name = f"Statusanalyse-{analysis.field_of_action.sort_order:02d}-{_file_stem(analysis.field_of_action.name)}"
        entries.append(_entry(name, analysis.document))
    for sheet in measure_list().filter(document__isnull=False):
        name = f"Massnahme-{sheet.number:02d}-{_file_stem(sheet.title)[:60]}"
        entries.append(_entry(name, sheet.document))
    return entries


def _entry(stem: str, document) -> ArchiveEntry:
    extension = document.file_extension or "bin"
    return ArchiveEntry(name=f"{stem}.{extension}", document=document)


@dataclass(frozen=True)
class FeedEvent:
    """Something that happened to a measure: a status change or a new document."""

    key: str
    title: str
    description: str
    when: datetime.datetime
    measure: MeasureSheet


def feed_events(
    *, measures: QuerySet[MeasureSheet], limit: int = 50
) -> list[FeedEvent]:
    """Status changes and documents of the given published measures, newest first."""
    measures = (
        measures.filter(live=True)
        .select_related("document")
        .prefetch_related("status_changes")
    )
    events = []
    for measure in measures:
        for change in measure.status_changes.all():
            events.append(
                FeedEvent(
                    key=f"measure-{measure.pk}-status-{change.pk}",
                    title=_("Nr. %(number)s „%(title)s“: %(status)s")
                    % {
                        "number": measure.number,
                        "title": measure.title,
                        "status": change.get_status_display(),
                    },
                    description=change.note,
                    when=_midday(change.date),
                    measure=measure,
                )
            )
        if measure.document is not None:
            events.append(
                FeedEvent(
                    key=f"measure-{measure.pk}-document-{measure.document.pk}",
                    title=_("Nr. %(number)s „%(title)s“: neues Dokument")
                    % {"number": measure.number, "title": measure.title},
                    description=measure.document.title,
                    when=measure.document.created_at,
                    measure=measure,
                )
            )
    events.sort(key=lambda event: event.when, reverse=True)
    return events[:limit]


def _midday(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12, 0)))


@dataclass(frozen=True)
class WorkingPaper:
    """A newly published working paper: a measure sheet, or the document of a
    measure sheet or of a status analysis."""

    key: str
    title: str
    description: str
    when: datetime.datetime
    measure: MeasureSheet | None = None
    field_of_action: FieldOfAction | None = None


def working_papers_published(*, limit: int = 50) -> list[WorkingPaper]:
    """New working papers for the feed, newest first (three queries)."""
    papers = []
    for sheet in measure_list():
        if sheet.first_published_at:
            papers.append(
                WorkingPaper(
                    key=f"measure-{sheet.translation_key}",
                    title=_("Maßnahmensteckbrief Nr. %(number)s: %(title)s")
                    % {"number": sheet.number, "title": sheet.title},
                    description=sheet.summary,
                    when=sheet.first_published_at,
                    measure=sheet,
                )
            )
        if sheet.document is not None:
            papers.append(
                WorkingPaper(
                    key=f"measure-{sheet.translation_key}-document-{sheet.document.pk}",
                    title=_("Neues Arbeitspapier zu Nr. %(number)s: %(title)s")
                    % {"number": sheet.number, "title": sheet.document.title},
                    description=sheet.title,
                    when=sheet.document.created_at,
                    measure=sheet,
                )
            )
    for analysis in status_analyses().filter(document__isnull=False):
        papers.append(
            WorkingPaper(
                key=f"analysis-{analysis.translation_key}-document-{analysis.document.pk}",
                title=_("Statusanalyse %(field)s: %(title)s")
                % {"field": analysis.field_of_action.name, "title": analysis.title},
                description=analysis.summary,
                when=analysis.document.created_at,
                field_of_action=analysis.field_of_action,
            )
        )
    papers.sort(key=lambda paper: paper.when, reverse=True)
    return papers[:limit]
