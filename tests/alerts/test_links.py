"""The signed links: confirm (7 days), manage and unsubscribe (until the
key changes); the confirmation page and the one-click unsubscribe."""

import datetime
import re
from unittest import mock

from django.test import Client
from django.utils import timezone

import pytest

from alerts import links
from alerts.models import Subscriber, Subscription


@pytest.fixture
def subscriber(office):
    subscriber = Subscriber.objects.create(email="lea@example.org", language="de")
    Subscription.objects.create(subscriber=subscriber, topic="news", target="")
    Subscription.objects.create(subscriber=subscriber, topic="events", target="forum")
    return subscriber


def path(url: str) -> str:
    assert url.startswith("http://testserver/")
    return url.removeprefix("http://testserver")


def test_urls_are_absolute_and_in_the_subscribers_language(subscriber):
    assert path(links.confirm_url(subscriber)).startswith(
        "/benachrichtigungen/bestaetigen/"
    )
    subscriber.language = "ar"
    assert path(links.manage_url(subscriber)).startswith(
        "/ar/benachrichtigungen/verwalten/"
    )
    subscriber.language = "de-x-ls"
    assert path(links.unsubscribe_url(subscriber)).startswith(
        "/de-x-ls/benachrichtigungen/abmelden/"
    )
    assert subscriber.key not in links.manage_url(subscriber)


def test_nothing_is_confirmed_before_the_button(client, subscriber):
    url = path(links.confirm_url(subscriber))
    response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Anmeldung bestätigen" in html
    assert "Aktuelles" in html and "Veranstaltungen: Forum" in html
    assert '<meta name="robots" content="noindex">' in html
    assert response["X-Robots-Tag"] == "noindex"
    assert "no-store" in response["Cache-Control"]
    assert "csrftoken" not in response.cookies
    subscriber.refresh_from_db()
    assert subscriber.confirmed_at is None
    assert not subscriber.subscriptions.filter(confirmed_at__isnull=False).exists()


def test_the_button_confirms_the_address_and_all_pending_topics(subscriber):
    client = Client(enforce_csrf_checks=True)
    url = path(links.confirm_url(subscriber))
    response = client.post(url)
    assert response.status_code == 303
    subscriber.refresh_from_db()
    assert subscriber.confirmed_at is not None
    assert not subscriber.subscriptions.filter(confirmed_at__isnull=True).exists()
    page = client.get(url)
    assert "Ihre Anmeldung ist bestätigt." in page.content.decode()
    assert "<title>Bestätigt" in page.content.decode()
    # A second click changes nothing and says the same.
    first = subscriber.confirmed_at
    assert client.post(url).status_code == 303
    subscriber.refresh_from_db()
    assert subscriber.confirmed_at == first


def test_an_expired_link_is_refused(client, subscriber):
    url = path(links.confirm_url(subscriber))
    later = timezone.now() + datetime.timedelta(days=7, minutes=1)
    with mock.patch("django.core.signing.time.time", return_value=later.timestamp()):
        response = client.get(url)
        assert client.post(url).status_code == 410
    html = response.content.decode()
    assert response.status_code == 410
    assert "abgelaufen" in html
    assert 'href="/benachrichtigungen/"' in html  # start again
    subscriber.refresh_from_db()
    assert subscriber.confirmed_at is None


def test_a_link_six_days_old_still_works(client, subscriber):
    url = path(links.confirm_url(subscriber))
    later = timezone.now() + datetime.timedelta(days=6)
    with mock.patch("django.core.signing.time.time", return_value=later.timestamp()):
        assert client.post(url).status_code == 303
    subscriber.refresh_from_db()
    assert subscriber.confirmed_at is not None


@pytest.mark.parametrize(
    "tamper",
    [
        lambda t: t[:-2] + ("AA" if not t.endswith("AA") else "BB"),
        lambda t: "9" + t,
        lambda t: t.split(".", 1)[0],
        lambda t: "kaputt",
        lambda t: t.replace("-", "-0", 1),
    ],
)
def test_a_tampered_link_is_refused(client, subscriber, tamper):
    url = path(links.confirm_url(subscriber))
    token = url.rstrip("/").rsplit("/", 1)[1]
    bad = url.replace(token, tamper(token))
    for response in (client.get(bad), client.post(bad)):
        assert response.status_code == 400
        assert "Diesen Link können wir nicht lesen" in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.confirmed_at is None


def test_links_of_one_purpose_do_not_serve_another(client, subscriber):
    manage_token = path(links.manage_url(subscriber)).rstrip("/").rsplit("/", 1)[1]
    assert (
        client.post(f"/benachrichtigungen/bestaetigen/{manage_token}/").status_code
        == 400
    )
    assert (
        client.post(f"/benachrichtigungen/abmelden/{manage_token}/").status_code == 400
    )
    assert Subscriber.objects.filter(pk=subscriber.pk).exists()


def test_a_new_key_invalidates_every_link(client, subscriber):
    urls = [path(f(subscriber)) for f in (links.manage_url, links.unsubscribe_url)]
    subscriber.key = "ein-neuer-schluessel"
    subscriber.save()
    for url in urls:
        assert client.get(url).status_code == 400
    assert client.post(urls[1]).status_code == 400
    assert Subscriber.objects.filter(pk=subscriber.pk).exists()


def test_unsubscribe_page_shows_one_button(client, subscriber):
    response = client.get(path(links.unsubscribe_url(subscriber)))
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('method="post"') == 1
    assert "Abmelden und Adresse löschen" in html
    assert Subscriber.objects.filter(pk=subscriber.pk).exists()


def test_one_click_post_without_csrf_deletes_and_is_idempotent(subscriber):
    client = Client(enforce_csrf_checks=True)
    url = path(links.unsubscribe_url(subscriber))
    for _ in range(2):
        response = client.post(
            url,
            "List-Unsubscribe=One-Click",
            content_type="application/x-www-form-urlencoded",
        )
        assert response.status_code == 200
        assert "Sie erhalten keine E-Mails mehr von uns." in response.content.decode()
        assert not Subscriber.objects.exists()
        assert not Subscription.objects.exists()
    assert not response.cookies


@pytest.mark.parametrize("language", ["de-x-ls", "en", "ar", "uk", "fa", "tr"])
def test_token_pages_in_every_language(client, subscriber, language):
    subscriber.language = language
    subscriber.save()
    direction = "rtl" if language in ("ar", "fa") else "ltr"
    for url in (links.confirm_url, links.manage_url, links.unsubscribe_url):
        response = client.get(path(url(subscriber)))
        html = response.content.decode()
        assert response.status_code == 200
        assert f'<html lang="{language}" dir="{direction}"' in html
        # Links stay in the language: none to a German page of the site.
        assert f'href="/{language}/"' in html  # the breadcrumb's start page
        # (the language switcher excepted).
        html = re.sub(r'<a class="language-switcher__link"[^>]*>', "", html)
        assert 'href="/benachrichtigungen' not in html


@pytest.mark.parametrize("count", [1, 15])
def test_confirmation_page_queries_are_fixed(
    client, office, django_assert_max_num_queries, count
):
    subscriber = Subscriber.objects.create(email="viel@example.org")
    for n in range(count):
        Subscription.objects.create(subscriber=subscriber, topic="sheet", target=str(n))
    url = path(links.confirm_url(subscriber))
    client.get(url)
    with django_assert_max_num_queries(8):
        assert client.get(url).status_code == 200
