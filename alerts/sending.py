"""Sending mails from the worker: confirmation, alerts, digests. A mail
server that refuses or times out is retried with backoff and logged."""

from __future__ import annotations

import logging
import smtplib
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from . import mail
from .models import Subscriber

logger = logging.getLogger(__name__)

# What a mail server that refuses, drops or does not answer raises.
MAIL_ERRORS = (smtplib.SMTPException, OSError)


def max_attempts() -> int:
    return getattr(settings, "ALERTS_MAIL_MAX_ATTEMPTS", 6)


def backoff(attempt: int) -> timedelta:
    """1, 2, 4, 8 … minutes after the ``attempt``-th failure."""
    base = getattr(settings, "ALERTS_MAIL_RETRY_SECONDS", 60)
    return timedelta(seconds=base * 2 ** (attempt - 1))


def topic_label(subscription) -> str:
    """What a subscription is called in a mail (until alerts.topics exists)."""
    label = str(subscription.get_topic_display())
    return f"{label} {subscription.target}".strip()


def send_confirmation(subscriber_id: int, attempt: int) -> None:
    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    if subscriber is None:
        return
    pending = list(subscriber.subscriptions.filter(confirmed_at__isnull=True))
    if not pending:
        return
    from . import links  # noqa: PLC0415 (A1's module; stub until merged)

    context = {
        "confirm_url": links.confirm_url(subscriber),
        "topics": [topic_label(s) for s in pending],
        "valid_until": subscriber.created_at + timedelta(days=7),
    }
    ident = f"{subscriber.pk}:{subscriber.key}:{','.join(str(s.pk) for s in pending)}"
    message = mail.build(
        subscriber, "confirmation", context, ident=ident, unsubscribe=False
    )
    try:
        message.send()
    except MAIL_ERRORS as error:
        retry_later("send_confirmation", subscriber_id, attempt, error)
        return
    logger.info("alerts: confirmation mail sent to subscriber %s", subscriber_id)


def retry_later(name: str, ident: int, attempt: int, error: Exception) -> None:
    from . import tasks  # noqa: PLC0415 (tasks import this module)

    if attempt >= max_attempts():
        logger.error(
            "alerts: %s(%s) failed for good after %s attempts: %s",
            name,
            ident,
            attempt,
            error,
        )
        return
    logger.warning(
        "alerts: %s(%s) attempt %s failed, retrying: %s", name, ident, attempt, error
    )
    task = getattr(tasks, name)
    if task.get_backend().supports_defer:
        task.using(run_after=timezone.now() + backoff(attempt)).enqueue(
            ident, attempt + 1
        )
