"""Writes in the Check Up Integration: status history and feedback."""

from __future__ import annotations

from .models.measures import MeasureSheet


def measure_status_sync(*, measure: MeasureSheet) -> None:
    """Set the current status from the newest entry of the status history.

    Works on the in-memory children of an unsaved form, so that drafts and
    revisions carry the status that belongs to their history.
    """
    changes = [change for change in measure.status_changes.all() if change.date]
    if changes:
        newest = max(changes, key=lambda change: (change.date, change.sort_order or 0))
        measure.status = newest.status
