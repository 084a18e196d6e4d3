"""Writes in the Check Up Integration: status history, versions of working
papers and feedback."""

from __future__ import annotations

from .models.measures import MeasureSheet
from .models.versions import MeasureSheetVersion


def measure_status_sync(*, measure: MeasureSheet) -> None:
    """Set the current status from the newest entry of the status history.

    Works on the in-memory children of an unsaved form, so that drafts and
    revisions carry the status that belongs to their history.
    """
    changes = [change for change in measure.status_changes.all() if change.date]
    if changes:
        newest = max(changes, key=lambda change: (change.date, change.sort_order or 0))
        measure.status = newest.status


def measure_paper_versions_number(*, measure: MeasureSheet) -> None:
    """Number the new versions of the sheet's working paper, in the order
    they were added, after the highest number the sheet has used.

    Works on in-memory children as ``measure_status_sync`` does. A number,
    once given, is never changed or given again, so that the address of a
    version keeps naming the same file.
    """
    versions = list(measure.paper_versions.all())
    highest = max((version.number or 0 for version in versions), default=0)
    if measure.pk:
        # A version deleted in this draft keeps its number to itself.
        highest = max(highest, measure_paper_version_highest(measure=measure))
    for version in versions:
        if not version.number:
            highest += 1
            version.number = highest


def measure_paper_version_highest(*, measure: MeasureSheet) -> int:
    """The highest version number the sheet has used, live or in a revision."""
    numbers = [
        version.get("number") or 0
        for revision in measure.revisions.all()
        for version in revision.content.get("paper_versions", [])
    ]
    numbers += MeasureSheetVersion.objects.filter(measure_id=measure.pk).values_list(
        "number", flat=True
    )
    return max(numbers, default=0)
