"""Reads for the feeds: what happened to the published measure sheets (status
changes, versions of their working papers) and the new working papers."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from core.formatting import format_date

from .models.fields import FieldOfAction
from .models.measures import MeasureSheet
from .models.versions import MeasureSheetVersion
from .selectors import measure_list, paper_versions_prefetch, status_analyses


@dataclass(frozen=True)
class FeedEvent:
    """Something that happened to a measure: a status change or a new
    version of its working paper."""

    key: str
    title: str
    description: str
    when: datetime.datetime
    measure: MeasureSheet


def feed_events(
    *, measures: QuerySet[MeasureSheet], limit: int = 50
) -> list[FeedEvent]:
    """Status changes and versions of the given published measures, newest first."""
    measures = measures.filter(live=True).prefetch_related(
        "status_changes", paper_versions_prefetch()
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
        for version in measure.paper_versions.all():
            events.append(
                FeedEvent(
                    # Named by the document, as before there were versions.
                    key=f"measure-{measure.pk}-document-{version.document_id}",
                    title=_("Nr. %(number)s „%(title)s“: %(version)s")
                    % {
                        "number": measure.number,
                        "title": measure.title,
                        "version": version_label(version),
                    },
                    description=version.note or version.document.title,
                    when=version_time(version),
                    measure=measure,
                )
            )
    events.sort(key=lambda event: event.when, reverse=True)
    return events[:limit]


def version_label(version: MeasureSheetVersion) -> str:
    if version.number == 1:
        return _("neues Dokument")
    return _("neue Fassung %(version)s des Arbeitspapiers vom %(date)s") % {
        "version": version.number,
        "date": format_date(version.valid_from),
    }


def version_time(version: MeasureSheetVersion) -> datetime.datetime:
    """When a version came: its document's upload time if uploaded on the day
    the version is dated (so the versions made of the documents of old sheets
    keep their feed dates), otherwise midday of that day."""
    uploaded = version.document.created_at
    if uploaded and timezone.localdate(uploaded) == version.valid_from:
        return uploaded
    return _midday(version.valid_from)


def _midday(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12, 0)))


@dataclass(frozen=True)
class WorkingPaper:
    """A newly published working paper: a measure sheet, or a version of a
    measure sheet's paper, or the document of a status analysis. ``updated``
    is the newest change (status, version) of a sheet since ``when``."""

    key: str
    title: str
    description: str
    when: datetime.datetime
    measure: MeasureSheet | None = None
    field_of_action: FieldOfAction | None = None
    updated: datetime.datetime | None = None


def working_papers_published(*, limit: int = 50) -> list[WorkingPaper]:
    """New working papers for the feed, newest first (four queries)."""
    papers = []
    sheets = measure_list().prefetch_related(
        "status_changes", paper_versions_prefetch()
    )
    for sheet in sheets:
        versions = list(sheet.paper_versions.all())
        if sheet.first_published_at:
            papers.append(_sheet_entry(sheet, versions))
        for version in versions:
            papers.append(
                WorkingPaper(
                    key=f"measure-{sheet.translation_key}-document-{version.document_id}",
                    title=_version_title(sheet, version),
                    description=version.note or sheet.title,
                    when=version_time(version),
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


def _version_title(sheet: MeasureSheet, version: MeasureSheetVersion) -> str:
    values = {
        "number": sheet.number,
        "version": version.number,
        "title": version.document.title,
    }
    if version.number == 1:
        return _("Neues Arbeitspapier zu Nr. %(number)s: %(title)s") % values
    return (
        _("Neue Fassung %(version)s des Arbeitspapiers zu Nr. %(number)s: %(title)s")
        % values
    )


def _sheet_entry(sheet: MeasureSheet, versions: list) -> WorkingPaper:
    """The sheet's own entry, updated by its newest status change or version,
    whose summary names the newest version if there is more than one."""
    changes = [_midday(change.date) for change in sheet.status_changes.all()]
    changes += [version_time(version) for version in versions]
    description = sheet.summary
    if len(versions) > 1:
        newest = versions[-1]
        description = " ".join(
            filter(None, [description, version_label(newest) + ".", newest.note])
        )
    return WorkingPaper(
        key=f"measure-{sheet.translation_key}",
        title=_("Maßnahmensteckbrief Nr. %(number)s: %(title)s")
        % {"number": sheet.number, "title": sheet.title},
        description=description,
        when=sheet.first_published_at,
        measure=sheet,
        updated=max([sheet.first_published_at, *changes]),
    )
