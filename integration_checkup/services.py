"""Writes in the Check Up Integration: status history, feedback, rate limits."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache

from .models import Feedback, MeasureSheet


def measure_status_sync(*, measure: MeasureSheet) -> None:
    """Set the current status from the newest entry of the status history.

    Works on the in-memory children of an unsaved form, so that drafts and
    revisions carry the status that belongs to their history.
    """
    changes = [change for change in measure.status_changes.all() if change.date]
    if changes:
        newest = max(changes, key=lambda change: (change.date, change.sort_order or 0))
        measure.status = newest.status


def feedback_submit(
    *, measure: MeasureSheet, text: str, name: str, email: str, consent: bool
) -> Feedback:
    """Store a visitor's feedback; it waits for approval before anyone sees it."""
    return Feedback.objects.create(
        measure=measure,
        text=text.strip(),
        name=name.strip(),
        email=email.strip(),
        consent=consent,
    )


def feedback_rate_limited(*, client_address: str) -> bool:
    """Count a submission from this address; True once it is over the limit.

    Addresses are hashed with the secret key before they touch the cache, so
    no IP address is stored. The window is fixed (per hour by default).
    """
    limit = settings.FEEDBACK_RATE_LIMIT
    window = settings.FEEDBACK_RATE_WINDOW_SECONDS
    digest = hashlib.sha256(
        f"{settings.SECRET_KEY}:{client_address}".encode()
    ).hexdigest()
    key = f"feedback-rate:{digest[:32]}"
    if cache.add(key, 1, timeout=window):
        return False
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window)
        return False
    return count > limit
