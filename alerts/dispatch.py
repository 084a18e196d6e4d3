"""From a recorded change to mails: who gets it (``fan_out``), when the
daily digest goes out (``digest_time``), and the sweep that hands pending
work whose task was lost (a crashed worker) to new tasks, plus cleanup."""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
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


@dataclass
class Work:
    """What to enqueue: send tasks, digests (at ``digest_at``, else now),
    fan-outs."""

    deliveries: list[int] = field(default_factory=list)
    digests: list[int] = field(default_factory=list)
    digest_at: datetime.datetime | None = None
    changes: list[int] = field(default_factory=list)


def fan_out(change_id: int) -> Work:
    """One delivery per confirmed subscriber with a matching confirmed
    subscription (confirmed before the change); returns the send tasks for
    immediate subscribers and one digest at the digest hour for each daily
    one without a digest waiting. Call it in a transaction with the
    enqueueing (``tasks.fan_out``). Runs again harmlessly (unique
    deliveries; claims guard the sending)."""
    change = Change.objects.filter(pk=change_id).first()
    if change is None:
        return Work()
    subscriber_ids = set(
        Subscription.objects.filter(
            matching(change),
            confirmed_at__isnull=False,
            confirmed_at__lte=change.created_at,
            subscriber__confirmed_at__isnull=False,
        ).values_list("subscriber_id", flat=True)
    )
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
    work = Work(digest_at=digest_time(timezone.now()))
    for pk, subscriber_id, frequency in new:
        if frequency == Subscriber.Frequency.IMMEDIATE:
            work.deliveries.append(pk)
        elif subscriber_id not in waiting:
            # One digest per subscriber and day: later changes of the day
            # join the deliveries it will find.
            work.digests.append(subscriber_id)
    logger.info("alerts: change %s for %s subscribers", change.key, len(subscriber_ids))
    return work


def sweep(now: datetime.datetime | None = None) -> Work:
    """Pending work whose task was lost (a crashed worker, a backend that
    cannot defer): to be handed to new tasks. A second task for the same
    delivery is harmless: only one claims it."""
    now = now or timezone.now()
    stale = now - lease()
    pending = Delivery.objects.filter(
        Q(status=Delivery.Status.PENDING),
        Q(subscriber__confirmed_at__isnull=False),
        Q(claimed_at__lt=stale)
        | Q(claimed_at__isnull=True, next_attempt_at__lte=now)
        | Q(
            claimed_at__isnull=True,
            next_attempt_at__isnull=True,
            created_at__lt=stale,
        ),
    )
    work = Work()
    work.deliveries = list(
        pending.filter(
            subscriber__frequency=Subscriber.Frequency.IMMEDIATE
        ).values_list("pk", flat=True)
    )
    work.digests = list(
        pending.filter(subscriber__frequency=Subscriber.Frequency.DAILY)
        .filter(
            Q(next_attempt_at__isnull=False) | Q(created_at__lt=last_digest_time(now))
        )
        .values_list("subscriber_id", flat=True)
        .distinct()
    )
    # A change whose fan-out died with its worker has no deliveries yet.
    work.changes = list(
        Change.objects.filter(
            created_at__gte=now - timedelta(days=2), created_at__lt=stale
        )
        .annotate(n=Count("deliveries"))
        .filter(n=0)
        .values_list("pk", flat=True)
    )
    return work


def cleanup(now: datetime.datetime | None = None) -> tuple[int, int]:
    """Delete unconfirmed addresses and topics after 7 days and changes
    (with their deliveries) after 90; returns (subscribers, changes) deleted."""
    now = now or timezone.now()
    subscribers, _ = Subscriber.objects.filter(
        confirmed_at__isnull=True, created_at__lt=now - timedelta(days=UNCONFIRMED_DAYS)
    ).delete()
    # Topics a confirmed address added later and never confirmed.
    Subscription.objects.filter(
        confirmed_at__isnull=True, created_at__lt=now - timedelta(days=UNCONFIRMED_DAYS)
    ).delete()
    old = Change.objects.filter(created_at__lt=now - timedelta(days=KEEP_DAYS))
    changes = old.count()
    old.delete()
    return subscribers, changes
