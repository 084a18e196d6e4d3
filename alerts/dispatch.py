"""From a recorded change to mails: who gets it (``fan_out``), when the
daily digest goes out (``digest_time``), and the sweep that hands pending
work whose task was lost (a crashed worker) to new tasks, plus cleanup."""

from __future__ import annotations

import datetime
import logging
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from .models import Change, Delivery, Subscriber, Subscription
from .sending import lease

logger = logging.getLogger(__name__)

UNCONFIRMED_DAYS = 7
KEEP_DAYS = 90


def digest_time(after: datetime.datetime) -> datetime.datetime:
    """The next digest hour (ALERTS_DIGEST_HOUR, 7:00 Berlin time) after ``after``."""
    hour = getattr(settings, "ALERTS_DIGEST_HOUR", 7)
    local = timezone.localtime(after)
    at = local.replace(hour=hour, minute=0, second=0, microsecond=0)
    if at <= local:
        at = timezone.make_aware(
            datetime.datetime.combine(local.date() + timedelta(days=1), at.time())
        )
    return at


def last_digest_time(now: datetime.datetime) -> datetime.datetime:
    return digest_time(now - timedelta(days=1))


def matching(change: Change) -> Q:
    query = Q(pk__in=[])
    for topic, target in change.topics:
        query |= Q(topic=topic, target=target)
    return query


def fan_out(change_id: int) -> None:
    """One delivery per confirmed subscriber with a matching confirmed
    subscription (confirmed before the change), then one send task per
    immediate subscriber and a digest at the digest hour for daily ones.
    Runs again harmlessly (unique deliveries; claims guard the sending)."""
    from . import tasks
    from .sending import defer

    change = Change.objects.filter(pk=change_id).first()
    if change is None:
        return
    subscriber_ids = set(
        Subscription.objects.filter(
            matching(change),
            confirmed_at__isnull=False,
            confirmed_at__lte=change.created_at,
            subscriber__confirmed_at__isnull=False,
        ).values_list("subscriber_id", flat=True)
    )
    with transaction.atomic():
        waiting = set(
            Delivery.objects.filter(
                subscriber_id__in=subscriber_ids,
                status=Delivery.Status.PENDING,
                subscriber__frequency=Subscriber.Frequency.DAILY,
            ).values_list("subscriber_id", flat=True)
        )
        Delivery.objects.bulk_create(
            [Delivery(subscriber_id=pk, change=change) for pk in subscriber_ids],
            ignore_conflicts=True,
        )
        new = Delivery.objects.filter(
            change=change, status=Delivery.Status.PENDING, claimed_at__isnull=True
        ).values_list("pk", "subscriber_id", "subscriber__frequency")
        due = digest_time(timezone.now())
        for pk, subscriber_id, frequency in new:
            if frequency == Subscriber.Frequency.IMMEDIATE:
                tasks.send_delivery.enqueue(pk)
            elif subscriber_id not in waiting:
                # One digest task per subscriber and day: later changes
                # of the day join the deliveries it will find.
                defer(tasks.send_digest, due, subscriber_id)
    logger.info("alerts: change %s for %s subscribers", change.key, len(subscriber_ids))


def sweep(now: datetime.datetime | None = None) -> int:
    """Hand pending work whose task was lost (a crashed worker, a backend
    that cannot defer) to new tasks; returns how many tasks it enqueued.
    A second task for the same delivery is harmless: only one claims it."""
    from . import tasks

    now = now or timezone.now()
    stale = now - lease()
    pending = Delivery.objects.filter(
        Q(status=Delivery.Status.PENDING),
        Q(subscriber__confirmed_at__isnull=False),
        Q(claimed_at__lt=stale)
        | Q(claimed_at__isnull=True, next_attempt_at__lte=now)
        | Q(
            claimed_at__isnull=True, next_attempt_at__isnull=True, created_at__lt=stale
        ),
    )
    count = 0
    immediate = pending.filter(subscriber__frequency=Subscriber.Frequency.IMMEDIATE)
    for pk in immediate.values_list("pk", flat=True):
        tasks.send_delivery.enqueue(pk)
        count += 1
    daily = (
        pending.filter(subscriber__frequency=Subscriber.Frequency.DAILY)
        .filter(
            Q(next_attempt_at__isnull=False) | Q(created_at__lt=last_digest_time(now))
        )
        .values_list("subscriber_id", flat=True)
        .distinct()
    )
    for subscriber_id in daily:
        tasks.send_digest.enqueue(subscriber_id)
        count += 1
    # A change whose fan-out died with its worker has no deliveries yet.
    lost = (
        Change.objects.filter(
            created_at__gte=now - timedelta(days=2), created_at__lt=stale
        )
        .annotate(n=Count("deliveries"))
        .filter(n=0)
    )
    for change_id in lost.values_list("pk", flat=True):
        tasks.fan_out.enqueue(change_id)
        count += 1
    if count:
        logger.info("alerts: sweep enqueued %s tasks", count)
    return count


def cleanup(now: datetime.datetime | None = None) -> tuple[int, int]:
    """Delete unconfirmed addresses after 7 days and changes (with their
    deliveries) after 90; returns (subscribers, changes) deleted."""
    now = now or timezone.now()
    subscribers, _ = Subscriber.objects.filter(
        confirmed_at__isnull=True, created_at__lt=now - timedelta(days=UNCONFIRMED_DAYS)
    ).delete()
    old = Change.objects.filter(created_at__lt=now - timedelta(days=KEEP_DAYS))
    changes = old.count()
    old.delete()
    return subscribers, changes
