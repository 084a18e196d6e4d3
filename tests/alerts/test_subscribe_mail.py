"""From the form to "Bestätigt" through the real confirmation mail (the
sending side's task, run at once by the test settings' ImmediateBackend,
into the locmem outbox)."""

import re

from django.core import mail

import pytest

from alerts.models import Subscriber
from tests.integration_checkup.factories import (
    FieldOfActionFactory,
    MeasureSheetFactory,
)


@pytest.fixture
def sheet(office):
    field = FieldOfActionFactory(name="Wohnen", slug="wohnen")
    return MeasureSheetFactory(number=7, title="Wohnungen", field_of_action=field)


def confirm_link(message) -> str:
    links = re.findall(r"http://testserver(/\S*/bestaetigen/[^/\s]+/)", message.body)
    assert links, message.body
    return links[0]


@pytest.mark.parametrize(("prefix", "language"), [("", "de"), ("/ar", "ar")])
def test_the_mail_link_confirms(
    client, sheet, django_capture_on_commit_callbacks, prefix, language
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"{prefix}/benachrichtigungen/",
            {"email": "lea@example.org", "topics": ["sheet:7"], "frequency": "daily"},
        )
    assert response.status_code == 303
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["lea@example.org"]
    path = confirm_link(message)
    assert path.startswith(f"{prefix}/benachrichtigungen/bestaetigen/")
    assert Subscriber.objects.get().confirmed_at is None

    assert client.post(path).status_code == 303
    page = client.get(path)
    assert f'<html lang="{language}"' in page.content.decode()
    assert "kern-alert--success" in page.content.decode()
    subscriber = Subscriber.objects.get()
    assert subscriber.confirmed_at is not None
    assert subscriber.subscriptions.get().confirmed_at is not None


def test_a_known_address_gets_a_mail_for_its_new_topic_only(
    client, sheet, django_capture_on_commit_callbacks
):
    data = {"email": "lea@example.org", "topics": ["sheet:7"], "frequency": "daily"}
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/benachrichtigungen/", data)
    client.post(confirm_link(mail.outbox[0]))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/benachrichtigungen/", {**data, "topics": ["sheet:7", "news:"]})
    assert len(mail.outbox) == 1
    subscriber = Subscriber.objects.get()
    pending = subscriber.subscriptions.filter(confirmed_at__isnull=True)
    assert list(pending.values_list("topic", flat=True)) == ["news"]
    client.post(confirm_link(mail.outbox[0]))
    assert not pending.exists()
