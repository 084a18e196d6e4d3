"""Background tasks (django.tasks; the worker is ``manage.py db_worker``).
Each takes ids only, so a task enqueued before a crash still runs after it."""

from __future__ import annotations

from django.tasks import task

from . import sending


@task
def send_confirmation(subscriber_id: int, attempt: int = 1) -> None:
    """The mail with the confirmation link for the subscriber's pending
    topics (enqueued after a subscription, on commit)."""
    sending.send_confirmation(subscriber_id, attempt)
