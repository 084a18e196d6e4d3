"""Sending mails from the worker: confirmation, alerts, digests.

A delivery is claimed atomically before it is sent (``claimed_at``, an
UPDATE that succeeds only while nobody holds a fresh claim and the mail is
still pending), marked sent right after the mail server accepted it, and
released for a later retry when the server refuses or does not answer. A
claim older than the lease belongs to a crashed worker: ``sweep`` hands the
delivery to a new task. So a mail is neither lost nor sent twice (the one
gap: a crash in the moment between the server's "250 OK" and the update)."""

from __future__ import annotations

import datetime
import logging
import smtplib
from collections import defaultdict
from datetime import timedelta

from django.conf import settings
from django.db.models import F, Q
from django.utils import timezone, translation

from . import mail
from .content import describe, kind_label
from .models import Delivery, Subscriber

logger = logging.getLogger(__name__)

# What a mail server that refuses, drops or does not answer raises.
MAIL_ERRORS = (smtplib.SMTPException, OSError)


def max_attempts() -> int:
    return settings.ALERTS_MAIL_MAX_ATTEMPTS


def lease() -> timedelta:
    return timedelta(seconds=settings.ALERTS_CLAIM_LEASE_SECONDS)


def backoff(attempt: int) -> timedelta:
    """1, 2, 4, 8 … times the base delay after the ``attempt``-th failure."""
    return timedelta(seconds=settings.ALERTS_MAIL_RETRY_SECONDS * 2 ** (attempt - 1))


# Confirmation --------------------------------------------------------------


def send_confirmation(subscriber_id: int, attempt: int) -> datetime.datetime | None:
    """Send it; returns when to try again after a failed attempt, else None."""
    from . import links
    from .topics import labels

    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    if subscriber is None:
        return None
    pending = list(subscriber.subscriptions.filter(confirmed_at__isnull=True))
    if not pending:
        return None
    with translation.override(subscriber.language):
        names = labels((s.topic, s.target) for s in pending)
        context = {
            "confirm_url": links.confirm_url(subscriber),
            "topics": [names[s.topic, s.target] for s in pending],
            "valid_until": timezone.now() + links.CONFIRM_MAX_AGE,
        }
    ident = f"{subscriber.pk}:{subscriber.key}:{','.join(str(s.pk) for s in pending)}"
    # With the one-click link too: whoever did not ask for it can remove
    # the address at once.
    message = mail.build(subscriber, "confirmation", context, ident=ident)
    try:
        message.send()
    except MAIL_ERRORS as error:
        if attempt >= max_attempts():
            logger.error(
                "alerts: confirmation for subscriber %s failed for good "
                "after %s attempts: %r",
                subscriber_id,
                attempt,
                error,
            )
            return None
        logger.warning(
            "alerts: confirmation for subscriber %s, attempt %s failed: %r",
            subscriber_id,
            attempt,
            error,
        )
        return timezone.now() + backoff(attempt)
    logger.info("alerts: confirmation sent to subscriber %s", subscriber_id)
    return None


# Claims --------------------------------------------------------------------


def claimable(now) -> Q:
    """Pending, nobody's fresh claim on it, and its retry (if any) is due."""
    return (
        Q(status=Delivery.Status.PENDING)
        & (Q(claimed_at__isnull=True) | Q(claimed_at__lt=now - lease()))
        & (Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))
    )


def mark_sent(deliveries, now) -> None:
    Delivery.objects.filter(pk__in=[d.pk for d in deliveries]).update(
        status=Delivery.Status.SENT,
        sent_at=timezone.now(),
        attempts=F("attempts") + 1,
        claimed_at=None,
        last_error="",
    )


def mark_failed_attempt(deliveries, error: Exception, what: str) -> tuple[bool, int]:
    """Count the attempt; give up after the last one. Returns (retry, attempt)."""
    attempt = max(d.attempts for d in deliveries) + 1
    pks = [d.pk for d in deliveries]
    if attempt >= max_attempts():
        Delivery.objects.filter(pk__in=pks).update(
            status=Delivery.Status.FAILED,
            attempts=attempt,
            last_error=repr(error)[:2000],
            claimed_at=None,
        )
        logger.error(
            "alerts: %s failed for good after %s attempts: %r", what, attempt, error
        )
        return False, attempt
    Delivery.objects.filter(pk__in=pks).update(
        attempts=attempt,
        last_error=repr(error)[:2000],
        claimed_at=None,
        next_attempt_at=timezone.now() + backoff(attempt),
    )
    logger.warning("alerts: %s, attempt %s failed, retrying: %r", what, attempt, error)
    return True, attempt


# One change ----------------------------------------------------------------


def send_delivery(delivery_id: int) -> datetime.datetime | None:
    """Send one alert; returns when to try again after a failed attempt."""
    now = timezone.now()
    claimed = (
        Delivery.objects.filter(claimable(now), pk=delivery_id)
        .filter(subscriber__confirmed_at__isnull=False)
        .update(claimed_at=now)
    )
    if not claimed:
        return None  # sent, failed, gone, or another worker has it
    delivery = Delivery.objects.select_related("subscriber", "change").get(
        pk=delivery_id
    )
    subscriber = delivery.subscriber
    with translation.override(subscriber.language):
        item = describe(delivery.change)
        kind = kind_label(item.kind) if item else ""
    if item is None:
        # What changed was unpublished or deleted before the mail went out.
        Delivery.objects.filter(pk=delivery_id).update(
            status=Delivery.Status.FAILED,
            claimed_at=None,
            last_error="content no longer published",
        )
        return None
    message = mail.build(
        subscriber,
        "alert",
        {"item": item, "subject_title": item.title, "kind": kind},
        ident=f"{delivery.pk}:{delivery.change.key}",
    )
    try:
        message.send()
    except MAIL_ERRORS as error:
        retry, attempt = mark_failed_attempt(
            [delivery], error, f"delivery {delivery_id}"
        )
        return timezone.now() + backoff(attempt) if retry else None
    mark_sent([delivery], now)
    return None


# Daily digest --------------------------------------------------------------


def send_digest(subscriber_id: int) -> datetime.datetime | None:
    """One mail with every pending change of a daily subscriber, grouped by
    kind. Runs at the digest hour; a second run that day finds nothing.
    Returns when to try again after a failed attempt."""

    now = timezone.now()
    claimed = Delivery.objects.filter(
        claimable(now),
        subscriber_id=subscriber_id,
        subscriber__confirmed_at__isnull=False,
    ).update(claimed_at=now)
    if not claimed:
        return None
    deliveries = list(
        Delivery.objects.filter(
            subscriber_id=subscriber_id,
            claimed_at=now,
            status=Delivery.Status.PENDING,
        )
        .select_related("change", "subscriber")
        .order_by("change__created_at")
    )
    subscriber = deliveries[0].subscriber
    groups = defaultdict(list)
    shown = []
    with translation.override(subscriber.language):
        for delivery in deliveries:
            item = describe(delivery.change)
            if item is not None:
                groups[item.kind].append(item)
                shown.append(delivery)
        sections = [(kind_label(kind), items) for kind, items in groups.items()]
    gone = [d for d in deliveries if d not in shown]
    if gone:
        Delivery.objects.filter(pk__in=[d.pk for d in gone]).update(
            status=Delivery.Status.FAILED,
            claimed_at=None,
            last_error="content no longer published",
        )
    if not shown:
        return None
    message = mail.build(
        subscriber,
        "digest",
        {"sections": sections, "count": len(shown)},
        ident=f"{subscriber.pk}:" + ",".join(str(d.pk) for d in shown),
    )
    try:
        message.send()
    except MAIL_ERRORS as error:
        retry, attempt = mark_failed_attempt(shown, error, f"digest {subscriber_id}")
        return timezone.now() + backoff(attempt) if retry else None
    mark_sent(shown, now)
    return None
