"""Background tasks (django.tasks; the worker is ``manage.py db_worker``).
Each takes ids only and may run twice without sending anything twice. The
enqueueing is all here: ``sending`` and ``dispatch`` say what to do next."""

from __future__ import annotations

import datetime
import logging

from django.core.cache import cache
from django.db import transaction
from django.tasks import task
from django.utils import timezone

from . import dispatch, sending

logger = logging.getLogger(__name__)


def defer(task, when: datetime.datetime | None, *args) -> None:
    """Enqueue ``task`` to run at ``when``; when the backend cannot defer
    (the tests' immediate backend), the sweep picks the work up once due."""
    if when is None:
        return
    if task.get_backend().supports_defer:
        task.using(run_after=when).enqueue(*args)


@task
def send_confirmation(subscriber_id: int, attempt: int = 1) -> None:
    """The mail with the confirmation link for the subscriber's pending
    topics (enqueued after a subscription, on commit)."""
    retry_at = sending.send_confirmation(subscriber_id, attempt)
    defer(send_confirmation, retry_at, subscriber_id, attempt + 1)


@task
def fan_out(change_id: int) -> None:
    """Deliveries for everyone who follows what changed, and their tasks
    (one transaction: a crash leaves neither)."""
    with transaction.atomic():
        enqueue(dispatch.fan_out(change_id))


@task
def send_delivery(delivery_id: int) -> None:
    """One alert mail (immediate subscribers)."""
    defer(send_delivery, sending.send_delivery(delivery_id), delivery_id)


@task
def send_digest(subscriber_id: int) -> None:
    """The daily summary of a subscriber's pending changes."""
    defer(send_digest, sending.send_digest(subscriber_id), subscriber_id)


def enqueue(work: dispatch.Work) -> int:
    for pk in work.deliveries:
        send_delivery.enqueue(pk)
    for subscriber_id in work.digests:
        if work.digest_at is None:
            send_digest.enqueue(subscriber_id)
        else:
            defer(send_digest, work.digest_at, subscriber_id)
    for change_id in work.changes:
        fan_out.enqueue(change_id)
    return len(work.deliveries) + len(work.digests) + len(work.changes)


def resend_pending() -> int:
    """Hand pending work whose task was lost to new tasks (the sweep)."""
    count = enqueue(dispatch.sweep())
    if count:
        logger.info("alerts: sweep enqueued %s tasks", count)
    return count


@task
def sweep(every: int = 0) -> int:
    """Re-enqueue pending work whose task was lost, delete what expired;
    with ``every`` (seconds) again after that long (one chain: the cache
    lets only one task per time slot schedule the next)."""
    dispatch.cleanup()
    count = resend_pending()
    if every:
        schedule_sweep(every)
    return count


def schedule_sweep(every: int) -> None:
    now = timezone.now().timestamp()
    slot = (int(now) // every + 1) * every
    if cache.add(f"alerts-sweep:{every}:{slot}", 1, timeout=every * 3):
        when = datetime.datetime.fromtimestamp(slot, tz=datetime.UTC)
        defer(sweep, when, every)
