"""The manage page: lists the topics, removes one, changes the frequency,
deletes everything; a fixed number of queries."""

from django.test import Client
from django.utils import timezone

import pytest

from alerts import links
from alerts.models import Subscriber, Subscription
from tests.integration_checkup.factories import (
    FieldOfActionFactory,
    MeasureSheetFactory,
)


@pytest.fixture
def subscriber(office):
    field = FieldOfActionFactory(name="Wohnen", slug="wohnen")
    MeasureSheetFactory(number=7, title="Wohnungen vermitteln", field_of_action=field)
    subscriber = Subscriber.objects.create(
        email="lea@example.org", confirmed_at=timezone.now()
    )
    now = timezone.now()
    for topic, target in (("sheet", "7"), ("field", "wohnen"), ("papers", "")):
        Subscription.objects.create(
            subscriber=subscriber, topic=topic, target=target, confirmed_at=now
        )
    Subscription.objects.create(subscriber=subscriber, topic="events", target="forum")
    return subscriber


@pytest.fixture
def url(subscriber):
    return links.manage_url(subscriber).removeprefix("http://testserver")


@pytest.fixture
def csrf_client():
    return Client(enforce_csrf_checks=True)


def test_lists_every_topic_with_its_state(client, url):
    response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "lea@example.org" in html
    for label in (
        "Maßnahmensteckbrief: 7. Wohnungen vermitteln",
        "Handlungsfeld: Wohnen",
        "Alle Arbeitspapiere",
        "Veranstaltungen: Forum",
    ):
        assert label in html
    assert html.count("noch nicht bestätigt") == 1
    assert html.count('name="aktion" value="entfernen"') == 4
    assert "csrftoken" not in response.cookies
    assert response["X-Robots-Tag"] == "noindex"
    assert "no-store" in response["Cache-Control"]


def test_removes_one_topic(csrf_client, subscriber, url):
    one = subscriber.subscriptions.get(topic="papers")
    response = csrf_client.post(url, {"aktion": "entfernen", "abo": one.pk})
    assert response.status_code == 303
    assert not Subscription.objects.filter(pk=one.pk).exists()
    assert subscriber.subscriptions.count() == 3
    page = csrf_client.get(response["Location"])
    assert "Das Thema ist entfernt." in page.content.decode()


def test_cannot_remove_another_subscribers_topic(csrf_client, subscriber, url):
    other = Subscriber.objects.create(email="ben@example.org")
    theirs = Subscription.objects.create(subscriber=other, topic="news")
    csrf_client.post(url, {"aktion": "entfernen", "abo": theirs.pk})
    assert Subscription.objects.filter(pk=theirs.pk).exists()


def test_changes_the_frequency(csrf_client, subscriber, url):
    response = csrf_client.post(url, {"aktion": "haeufigkeit", "haeufigkeit": "daily"})
    assert response.status_code == 303
    subscriber.refresh_from_db()
    assert subscriber.frequency == "daily"
    response = csrf_client.post(
        url, {"aktion": "haeufigkeit", "haeufigkeit": "stündlich"}
    )
    assert response.status_code == 400
    assert "konnten wir nicht ausführen" in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.frequency == "daily"


@pytest.mark.parametrize(
    "data", [{}, {"aktion": "entfernen", "abo": "x"}, {"aktion": "<script>"}]
)
def test_bad_posts_are_400_and_change_nothing(csrf_client, subscriber, url, data):
    assert csrf_client.post(url, data).status_code == 400
    assert subscriber.subscriptions.count() == 4


def test_deletes_everything(csrf_client, subscriber, url):
    response = csrf_client.post(url, {"aktion": "alle-loeschen"})
    assert response.status_code == 200
    assert "Sie erhalten keine E-Mails mehr von uns." in response.content.decode()
    assert not Subscriber.objects.exists()
    assert not Subscription.objects.exists()
    # The link afterwards: a German page, not an error.
    gone = csrf_client.get(url)
    assert gone.status_code == 404
    assert "Neu anmelden" in gone.content.decode()


def test_tampered_manage_link_is_refused(client, url):
    response = client.get(url[:-3] + "xx/")
    assert response.status_code == 400
    assert "Neu anmelden" in response.content.decode()


@pytest.mark.parametrize("count", [2, 20])
def test_queries_are_fixed(client, office, django_assert_max_num_queries, count):
    field = FieldOfActionFactory(name="Arbeit", slug="arbeit")
    subscriber = Subscriber.objects.create(email="viel@example.org")
    for n in range(1, count + 1):
        MeasureSheetFactory(number=n, field_of_action=field)
        Subscription.objects.create(subscriber=subscriber, topic="sheet", target=str(n))
    url = links.manage_url(subscriber).removeprefix("http://testserver")
    client.get(url)
    with django_assert_max_num_queries(9):
        assert client.get(url).status_code == 200
