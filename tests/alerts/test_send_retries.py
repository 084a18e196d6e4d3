"""A mail server that refuses or does not answer: the attempt is counted and
logged, the mail is sent later once the server accepts, never shown to a
visitor as an error; after the last attempt the delivery counts as failed."""

import datetime
import logging

from django.utils import timezone

import pytest
from django_tasks_db.models import DBTaskResult

from alerts import tasks
from alerts.models import Change, Delivery, Subscriber, Subscription

pytestmark = pytest.mark.django_db


@pytest.fixture
def delivery(office):
    person = Subscriber.objects.create(
        email="leser@example.org", confirmed_at=timezone.now()
    )
    Subscription.objects.create(
        subscriber=person, topic="news", confirmed_at=timezone.now()
    )
    from tests.factories import NewsIndexPageFactory, NewsPageFactory

    index = NewsIndexPageFactory(parent=office.get_parent(), slug="aktuelles")
    page = NewsPageFactory(parent=index, title="Neue Sprechzeiten")
    change = Change.objects.create(
        key=f"news:{page.pk}",
        kind="news",
        topics=[["news", ""]],
        content={"page_id": page.pk},
    )
    return Delivery.objects.create(subscriber=person, change=change)


@pytest.mark.parametrize("failure", ["refused", "timeout"])
def test_failed_attempt_is_logged_and_sent_later(
    inbox, delivery, settings, caplog, failure
):
    settings.ALERTS_MAIL_RETRY_SECONDS = 0
    if failure == "refused":
        inbox.reply = "554 Transaction failed"
    else:
        inbox.delay = 1.5  # the client gives up after 1 s
    with caplog.at_level(logging.WARNING, logger="alerts.sending"):
        tasks.send_delivery.enqueue(delivery.pk)
    delivery.refresh_from_db()
    assert delivery.status == "pending"
    assert delivery.attempts == 1
    assert delivery.claimed_at is None and delivery.next_attempt_at is not None
    assert delivery.last_error
    assert "attempt 1 failed" in caplog.text
    assert inbox.messages == []

    inbox.reply, inbox.delay = None, 0
    assert tasks.resend_pending() == 1  # the retry is due: a new task sends it
    delivery.refresh_from_db()
    assert delivery.status == "sent" and delivery.attempts == 2
    assert len(inbox.to("leser@example.org")) == 1
    assert tasks.resend_pending() == 0  # nothing left


def test_gives_up_after_the_last_attempt(inbox, delivery, settings, caplog):
    settings.ALERTS_MAIL_RETRY_SECONDS = 0
    inbox.reply = "554 Transaction failed"
    with caplog.at_level(logging.WARNING, logger="alerts.sending"):
        for _ in range(5):
            tasks.send_delivery.enqueue(delivery.pk)
            tasks.resend_pending()
    delivery.refresh_from_db()
    assert delivery.status == "failed" and delivery.attempts == 3
    assert inbox.refused == 3
    assert any(r.levelno == logging.ERROR for r in caplog.records)


def test_retry_is_deferred_with_backoff_on_the_database_backend(
    inbox, delivery, settings
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    inbox.reply = "554 Transaction failed"
    before = timezone.now()
    tasks.send_delivery.call(delivery.pk)  # as the worker runs it
    tasks.send_delivery.call(delivery.pk)  # too early: the retry is not due yet
    [retry] = DBTaskResult.objects.filter(task_path="alerts.tasks.send_delivery")
    assert retry.args_kwargs["args"] == [delivery.pk]
    assert retry.run_after >= before + datetime.timedelta(seconds=60)
    assert inbox.refused == 1


def test_a_claimed_delivery_is_not_sent_again(inbox, delivery):
    """Two tasks for one delivery (the sweep and the original): one mail."""
    Delivery.objects.filter(pk=delivery.pk).update(claimed_at=timezone.now())
    tasks.send_delivery.enqueue(delivery.pk)  # another worker holds it
    assert inbox.messages == []
    stale = timezone.now() - datetime.timedelta(seconds=301)
    Delivery.objects.filter(pk=delivery.pk).update(claimed_at=stale)
    tasks.send_delivery.enqueue(delivery.pk)  # that worker crashed: taken over
    tasks.send_delivery.enqueue(delivery.pk)
    assert len(inbox.messages) == 1


def test_confirmation_survives_a_refusing_server(inbox, office, caplog):
    person = Subscriber.objects.create(email="neu@example.org")
    Subscription.objects.create(subscriber=person, topic="news")
    inbox.reply = "554 Transaction failed"
    with caplog.at_level(logging.WARNING, logger="alerts.sending"):
        tasks.send_confirmation.enqueue(person.pk)  # does not raise
    assert "confirmation for subscriber" in caplog.text
