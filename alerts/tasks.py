"""Background tasks (django.tasks; the worker is ``manage.py db_worker``).
Each takes ids only and may run twice without sending anything twice."""

from __future__ import annotations

import datetime

from django.core.cache import cache
from django.tasks import task
from django.utils import timezone

from . import dispatch, sending


@task
def send_confirmation(subscriber_id: int, attempt: int = 1) -> None:
    """The mail with the confirmation link for the subscriber's pending
    topics (enqueued after a subscription, on commit)."""
    sending.send_confirmation(subscriber_id, attempt)


@task
def fan_out(change_id: int) -> None:
    """Deliveries for everyone who follows what changed."""
    dispatch.fan_out(change_id)


@task
def send_delivery(delivery_id: int) -> None:
    """One alert mail (immediate subscribers)."""
    sending.send_delivery(delivery_id)


@task
def send_digest(subscriber_id: int) -> None:
    """The daily summary of a subscriber's pending changes."""
    sending.send_digest(subscriber_id)


@task
def sweep(every: int = 0) -> int:
    """Re-enqueue pending work whose task was lost, delete what expired;
    with ``every`` (seconds) again after that long (one chain: the cache
    lets only one task per time slot schedule the next)."""
    dispatch.cleanup()
    count = dispatch.sweep()
    if every:
        schedule_sweep(every)
    return count


def schedule_sweep(every: int) -> None:
    now = timezone.now().timestamp()
    slot = (int(now) // every + 1) * every
    if cache.add(f"alerts-sweep:{every}:{slot}", 1, timeout=every * 3):
        when = datetime.datetime.fromtimestamp(slot, tz=datetime.UTC)
        sending.defer(sweep, when, every)
