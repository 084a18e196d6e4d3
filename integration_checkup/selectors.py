"""Reads for the public pages: every function runs a fixed number of queries."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, QuerySet
from django.utils.text import slugify

from wagtail.rich_text import get_text_for_indexing

from core.listing import folded_matches
from core.search_words import fold
from core.translations import default_locale, default_locale_only

from .models.feedback import Feedback, FeedbackStatus
from .models.fields import FieldOfAction, StatusAnalysis
from .models.measures import MeasureSheet, MeasureStatus, MeasureStatusChange
from .models.process import ProcessStep
from .models.versions import MeasureSheetVersion


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
        "field_of_action"
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
    return MeasureSheet.objects.filter(live=True).select_related("field_of_action")


def paper_versions_prefetch() -> Prefetch:
    """The versions of the working paper with their documents, oldest first."""
    return Prefetch(
        "paper_versions",
        queryset=MeasureSheetVersion.objects.select_related("document").order_by(
            "number"
        ),
    )


def paper_version_get(
    *, number: int, version: int | None = None
) -> MeasureSheetVersion:
    """A version of the working paper of the published sheet with this number
    (German original), the newest without ``version`` (raises DoesNotExist).

    Read from the live sheet: a version added in a draft is not there until
    the sheet is published.
    """
    versions = MeasureSheetVersion.objects.select_related("document").filter(
        measure__live=True, measure__number=number, measure__locale=default_locale()
    )
    if version is None:
        newest = versions.order_by("-number").first()
        if newest is None:
            raise MeasureSheetVersion.DoesNotExist
        return newest
    return versions.get(number=version)


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
            paper_versions_prefetch(),
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


EARLIER_VERSIONS_FOLDER = "fruehere-Fassungen"


def documents_published() -> list[ArchiveEntry]:
    """Exactly the documents the public pages offer: of published sheets and analyses."""
    entries = []
    for analysis in status_analyses().filter(document__isnull=False):
        name = f"Statusanalyse-{analysis.field_of_action.sort_order:02d}-{_file_stem(analysis.field_of_action.name)}"
        entries.append(_entry(name, analysis.document))
    for sheet in measure_list().prefetch_related(paper_versions_prefetch()):
        name = f"Massnahme-{sheet.number:02d}-{_file_stem(sheet.title)[:60]}"
        versions = list(sheet.paper_versions.all())  # oldest first
        if versions:
            entries.append(_entry(name, versions[-1].document))
        # Earlier versions, as the sheet's history offers them.
        for version in versions[:-1]:
            stem = f"{EARLIER_VERSIONS_FOLDER}/{name}-Fassung-{version.number}"
            entries.append(_entry(stem, version.document))
    return entries


def _entry(stem: str, document) -> ArchiveEntry:
    extension = document.file_extension or "bin"
    return ArchiveEntry(name=f"{stem}.{extension}", document=document)
