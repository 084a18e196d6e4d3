"""Writes of the visitor side: a subscription request, its confirmation,
removing topics and the whole address."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from .models import Subscriber, Subscription
from .tasks import send_confirmation


def subscription_request(
    *, email: str, topics: Iterable[tuple[str, str]], frequency: str, language: str
) -> Subscriber:
    """Add ``topics`` to the address as pending (confirmed only by the link
    in the mail that follows) and send that mail. The same work whether the
    address is new, pending or confirmed, so neither the answer nor its
    timing tells them apart. A confirmed address keeps its language and
    frequency: only its own manage page changes them."""
    with transaction.atomic():
        subscriber, created = Subscriber.objects.get_or_create(
            email=email, defaults={"language": language, "frequency": frequency}
        )
        if not created and subscriber.confirmed_at is None:
            subscriber.language = language
            subscriber.frequency = frequency
            subscriber.save(update_fields=["language", "frequency"])
        Subscription.objects.bulk_create(
            [
                Subscription(subscriber=subscriber, topic=topic, target=target)
                for topic, target in topics
            ],
            ignore_conflicts=True,
        )
        pk = subscriber.pk
        transaction.on_commit(lambda: send_confirmation.enqueue(pk))
    return subscriber


def subscriber_confirm(subscriber: Subscriber) -> int:
    """Confirm the address and all its pending topics; the number of topics
    confirmed now (0 on a second click)."""
    now = timezone.now()
    with transaction.atomic():
        if subscriber.confirmed_at is None:
            subscriber.confirmed_at = now
            subscriber.save(update_fields=["confirmed_at"])
        return subscriber.subscriptions.filter(confirmed_at__isnull=True).update(
            confirmed_at=now
        )


def subscription_remove(subscriber: Subscriber, subscription_id) -> int:
    return subscriber.subscriptions.filter(pk=subscription_id).delete()[0]


def frequency_change(subscriber: Subscriber, frequency: str) -> None:
    subscriber.frequency = frequency
    subscriber.save(update_fields=["frequency"])


def subscriber_delete(subscriber_id: int) -> None:
    """The address and all its topics (and what waits to be sent to it)."""
    Subscriber.objects.filter(pk=subscriber_id).delete()
