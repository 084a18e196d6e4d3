"""The subscription form: errors, double opt-in, never telling whether an
address is known, rate limits, language."""

import re
from unittest import mock

from django.urls import reverse
from django.utils import timezone

import pytest

from alerts.models import Subscriber, Subscription
from tests.integration_checkup.factories import (
    FieldOfActionFactory,
    MeasureSheetFactory,
)

URL = "/benachrichtigungen/"


@pytest.fixture
def sheets(office):
    field = FieldOfActionFactory(name="Arbeit", slug="arbeit")
    return [MeasureSheetFactory(number=n, field_of_action=field) for n in (3, 7)]


@pytest.fixture
def enqueued():
    with mock.patch("alerts.services.send_confirmation") as task:
        yield task.enqueue


def post(client, language="", **data):
    values = {"email": "lea@example.org", "topics": ["sheet:7"], "frequency": "daily"}
    values.update(data)
    return client.post(f"{language}{URL}", values)


def test_form_preselects_the_topic_of_the_query(client, sheets):
    response = client.get(URL, {"thema": "sheet", "auswahl": "7"})
    html = response.content.decode()
    assert response.status_code == 200
    assert re.search(r'value="sheet:7" id="id_topics_\d+" checked', html)
    assert not re.search(r'value="sheet:3" id="id_topics_\d+" checked', html)
    assert 'name="csrfmiddlewaretoken"' in html
    assert "csrftoken" in response.cookies
    assert "no-store" in response["Cache-Control"]


def test_events_without_choice_preselects_every_event_topic(client, office):
    html = client.get(URL, {"thema": "events"}).content.decode()
    for key in ("forum", "gremium", "beratung", "sprache", "begegnung"):
        assert re.search(rf'value="events:{key}" id="id_topics_\d+" checked', html)


def test_unknown_query_values_are_ignored(client, office):
    response = client.get(URL, {"thema": "nichts", "auswahl": "<b>"})
    assert response.status_code == 200
    assert " checked" not in response.content.decode().split("id_frequency")[0]


@pytest.mark.parametrize(
    ("email", "message"),
    [
        ("", "Bitte geben Sie Ihre E-Mail-Adresse an"),
        ("keine-adresse", "Bitte geben Sie eine gültige E-Mail-Adresse an"),
        ("a@b", "Bitte geben Sie eine gültige E-Mail-Adresse an"),
        ("x" * 250 + "@example.org", "Bitte geben Sie eine gültige E-Mail-Adresse an"),
        ("wer@mailinator.com", "Wegwerf-E-Mail-Diensten"),
        ("wer@post.MAILINATOR.com", "Wegwerf-E-Mail-Diensten"),
    ],
)
def test_bad_addresses_get_a_german_error_and_keep_the_input(
    client, sheets, enqueued, email, message
):
    response = post(client, email=email)
    html = response.content.decode()
    assert response.status_code == 400
    assert message in html
    assert 'href="#id_email"' in html  # the summary leads to the field
    assert 'aria-invalid="true"' in html
    assert re.search(r'value="sheet:7" id="id_topics_\d+" checked', html)
    assert not Subscriber.objects.exists()
    enqueued.assert_not_called()


def test_no_topic_and_unknown_topic_are_errors(client, sheets, enqueued):
    response = post(client, topics=[])
    assert response.status_code == 400
    assert "mindestens ein Thema" in response.content.decode()
    assert 'href="#id_topics_0"' in response.content.decode()
    response = post(client, topics=["sheet:99"])
    assert response.status_code == 400
    assert "Dieses Thema gibt es nicht" in response.content.decode()
    response = post(client, frequency="stündlich")
    assert response.status_code == 400
    assert not Subscriber.objects.exists()


def test_subscribing_stores_pending_topics_and_sends_the_confirmation(
    client, sheets, enqueued, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, email="Lea@Example.ORG", topics=["sheet:7", "news:"])
    assert response.status_code == 303
    assert response["Location"] == reverse("alerts:sent")
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "lea@example.org"
    assert subscriber.confirmed_at is None
    assert subscriber.frequency == "daily"
    assert subscriber.language == "de"
    assert set(subscriber.subscriptions.values_list("topic", "target")) == {
        ("sheet", "7"),
        ("news", ""),
    }
    assert not subscriber.subscriptions.filter(confirmed_at__isnull=False).exists()
    enqueued.assert_called_once_with(subscriber.pk)


def test_the_answer_is_the_same_for_new_pending_and_confirmed_addresses(
    client, sheets, enqueued, django_capture_on_commit_callbacks
):
    known = Subscriber.objects.create(
        email="bekannt@example.org", confirmed_at=timezone.now()
    )
    Subscription.objects.create(
        subscriber=known, topic="sheet", target="7", confirmed_at=timezone.now()
    )
    Subscriber.objects.create(email="wartet@example.org")
    answers = []
    for email in ("neu@example.org", "bekannt@example.org", "wartet@example.org"):
        with django_capture_on_commit_callbacks(execute=True):
            response = post(client, email=email, topics=["sheet:7", "sheet:3"])
        followed = client.get(response["Location"])
        answers.append(
            (response.status_code, response["Location"], followed.content.decode())
        )
    assert answers[0] == answers[1] == answers[2]
    assert "Wir haben Ihnen eine E-Mail geschickt" in answers[0][2]
    assert enqueued.call_count == 3
    # The known address's new topic waits for its link; the old one stays.
    assert set(
        known.subscriptions.filter(confirmed_at__isnull=True).values_list(
            "topic", "target"
        )
    ) == {("sheet", "3")}
    known.refresh_from_db()
    assert known.frequency == "immediate"  # unchanged without its own link


def test_error_pages_are_the_same_for_known_and_new_addresses(client, sheets):
    Subscriber.objects.create(email="bekannt@example.org", confirmed_at=timezone.now())
    token = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')
    bodies = [
        token.sub("", post(client, email=email, topics=[]).content.decode())
        for email in ("bekannt@example.org", "neu@example.org")
    ]
    assert bodies[0] == bodies[1].replace("neu@", "bekannt@")


def test_honeypot_refuses(client, sheets, enqueued):
    response = post(client, website="http://spam.example")
    assert response.status_code == 400
    assert not Subscriber.objects.exists()


def test_language_of_the_page_is_the_language_of_the_mails(
    client, sheets, enqueued, django_capture_on_commit_callbacks
):
    response = client.get("/ar" + URL)
    html = response.content.decode()
    assert '<html lang="ar" dir="rtl"' in html
    assert 'action="/ar/benachrichtigungen/#fehler"' in html
    assert '<span lang="ar">العربية</span>' in html
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, language="/ar", email="ali@example.org")
    assert response["Location"] == "/ar/benachrichtigungen/gesendet/"
    assert Subscriber.objects.get().language == "ar"


@pytest.mark.parametrize(
    "language", ["", "/de-x-ls", "/en", "/ar", "/uk", "/fa", "/tr"]
)
def test_every_page_exists_in_every_language(client, office, language):
    for path in (URL, URL + "gesendet/"):
        response = client.get(language + path)
        assert response.status_code == 200
        code = language.strip("/") or "de"
        direction = "rtl" if code in ("ar", "fa") else "ltr"
        assert f'<html lang="{code}" dir="{direction}"' in response.content.decode()


def test_rate_limit_per_client_keeps_the_input(client, sheets, enqueued, settings):
    settings.ALERTS_SUBSCRIBE_RATE = "2/h"
    for n in range(2):
        assert post(client, email=f"p{n}@example.org").status_code == 303
    response = post(client, email="dritte@example.org", topics=["news:"])
    html = response.content.decode()
    assert response.status_code == 429
    assert response["Retry-After"]
    assert "sehr viele Anmeldungen" in html
    assert 'value="dritte@example.org"' in html
    assert re.search(r'value="news:" id="id_topics_\d+" checked', html)
    assert not Subscriber.objects.filter(email="dritte@example.org").exists()


def test_rate_limit_per_address_across_clients(
    client, sheets, enqueued, settings, django_capture_on_commit_callbacks
):
    """Nobody floods one inbox with confirmation mails, from however many
    client addresses; other addresses are not held up by it."""
    settings.ALERTS_EMAIL_RATE = "2/day"

    def subscribe(email, client_address, topics=("news:",)):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(
                URL,
                {"email": email, "topics": list(topics), "frequency": "daily"},
                REMOTE_ADDR=client_address,
            )

    for n in range(2):
        assert subscribe("Opfer@example.org", f"10.0.0.{n}").status_code == 303
    response = subscribe("opfer@EXAMPLE.org", "10.0.0.9", topics=("sheet:3",))
    assert response.status_code == 429
    assert "sehr viele Anmeldungen" in response.content.decode()
    assert enqueued.call_count == 2
    victim = Subscriber.objects.get(email="opfer@example.org")
    assert not victim.subscriptions.filter(topic="sheet").exists()
    assert subscribe("andere@example.org", "10.0.0.9").status_code == 303
    assert enqueued.call_count == 3


@pytest.mark.parametrize("count", [2, 12])
def test_form_page_queries_are_fixed(
    client, office, django_assert_max_num_queries, count
):
    field = FieldOfActionFactory(name="Arbeit", slug="arbeit")
    for n in range(count):
        MeasureSheetFactory(number=n + 1, field_of_action=field)
    client.get(URL)  # site, locales and settings kept in the cache
    with django_assert_max_num_queries(8):
        assert client.get(URL).status_code == 200
    with django_assert_max_num_queries(11):
        assert client.get("/en" + URL).status_code == 200
