"""Sending through a real SMTP server: confirmation, alerts in the
subscriber's language with the RFC 8058 headers, never twice, digests."""

import datetime
import re
from urllib.parse import urlsplit

from django.utils import timezone

import pytest

from alerts import dispatch, tasks
from alerts.models import Change, Delivery, Subscriber, Subscription
from integration_checkup.models import MeasureSheet, MeasureStatus, MeasureStatusChange
from tests.factories import NewsIndexPageFactory, NewsPageFactory
from tests.integration_checkup.factories import (
    FieldOfActionFactory,
    MeasureSheetFactory,
)

from .conftest import html_of, text_of

pytestmark = pytest.mark.django_db


def subscriber(email, *topics, language="de", frequency="immediate", confirmed=True):
    now = timezone.now() - datetime.timedelta(minutes=5)
    person = Subscriber.objects.create(
        email=email,
        language=language,
        frequency=frequency,
        confirmed_at=now if confirmed else None,
    )
    for topic, target in topics:
        Subscription.objects.create(
            subscriber=person,
            topic=topic,
            target=target,
            confirmed_at=now if confirmed else None,
        )
    return person


@pytest.fixture
def sheet(office):
    from tests.factories import CheckUpPageFactory

    CheckUpPageFactory(parent=office.get_parent(), slug="check-up-integration", body=[])
    field = FieldOfActionFactory(name="Arbeit", slug="arbeit")
    sheet = MeasureSheetFactory(number=7, title="Wohnungsbörse", field_of_action=field)
    sheet.save_revision().publish()
    return MeasureSheet.objects.get(pk=sheet.pk)


def change_status(sheet, status, capture):
    sheet.status_changes.add(
        MeasureStatusChange(date=datetime.date(2026, 12, 1), status=status)
    )
    sheet.status = status
    sheet.save()
    with capture(execute=True):
        revision = sheet.save_revision()
        revision.publish()
    return revision


def test_confirmation_mail_has_a_working_confirm_link(inbox, client, office):
    person = subscriber("neu@example.org", ("news", ""), confirmed=False)
    tasks.send_confirmation.enqueue(person.pk)
    [message] = inbox.messages
    assert message["To"] == "neu@example.org"
    # Whoever did not ask for it can remove the address at once.
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message["Auto-Submitted"] == "auto-generated"
    text = text_of(message)
    assert "Aktuelles" in text and "ignorieren" in text
    url = re.search(r"https://www\.example\.org\S+bestaetigen\S+", text).group(0)
    assert url in html_of(message)
    response = client.post(urlsplit(url).path)
    assert response.status_code in (200, 302, 303)
    person.refresh_from_db()
    assert person.confirmed_at is not None


def test_nothing_is_sent_before_confirmation(
    inbox, sheet, django_capture_on_commit_callbacks
):
    subscriber("offen@example.org", ("sheet", "7"), confirmed=False)
    change_status(sheet, MeasureStatus.ADOPTED, django_capture_on_commit_callbacks)
    assert Change.objects.filter(kind="sheet-status").count() == 1
    assert inbox.messages == []
    assert not Delivery.objects.exists()


def test_status_change_mails_each_subscriber_once_in_their_language(
    inbox, sheet, client, django_capture_on_commit_callbacks
):
    subscriber("de@example.org", ("sheet", "7"))
    subscriber("ar@example.org", ("field", "arbeit"), ("sheet", "7"), language="ar")
    subscriber("news@example.org", ("news", ""))
    revision = change_status(
        sheet, MeasureStatus.ADOPTED, django_capture_on_commit_callbacks
    )

    assert sorted(m["To"] for m in inbox.messages) == [
        "ar@example.org",
        "de@example.org",
    ]
    german = inbox.to("de@example.org")[0]
    assert "Wohnungsbörse" in german["Subject"]
    assert "beschlossen" in text_of(german)
    assert "https://www.example.org/check-up-integration/massnahmen/7/" in text_of(
        german
    )
    assert german["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = german["List-Unsubscribe"]
    assert unsubscribe.startswith("<https://www.example.org/") and unsubscribe.endswith(
        ">"
    )
    arabic = inbox.to("ar@example.org")[0]
    html = html_of(arabic)
    assert 'lang="ar" dir="rtl"' in html
    # No Arabic translation of the sheet: the German title, marked as such,
    # and the link stays under /ar/.
    assert 'lang="de" dir="ltr"' in html
    assert "https://www.example.org/ar/check-up-integration/massnahmen/7/" in text_of(
        arabic
    )
    assert arabic["Content-Language"] == "ar"
    assert Delivery.objects.filter(status="sent").count() == 2

    # The same revision published again: no second mail.
    with django_capture_on_commit_callbacks(execute=True):
        revision.publish()
    assert len(inbox.messages) == 2

    # One-click unsubscribe as a mail client does it (RFC 8058).
    response = client.post(
        urlsplit(unsubscribe.strip("<>")).path,
        data={"List-Unsubscribe": "One-Click"},
    )
    assert response.status_code < 400
    assert not Subscriber.objects.filter(email="de@example.org").exists()


def test_a_translation_published_is_not_a_second_change(
    inbox, sheet, django_capture_on_commit_callbacks
):
    from wagtail.models import Locale

    subscriber("de@example.org", ("sheet", "7"))
    change_status(sheet, MeasureStatus.ADOPTED, django_capture_on_commit_callbacks)
    translated = sheet.copy_for_translation(Locale.objects.get(language_code="en"))
    translated.save()
    translated.save_revision().publish()
    translated.status = MeasureStatus.DONE
    with django_capture_on_commit_callbacks(execute=True):
        translated.save_revision().publish()
    assert Change.objects.count() == 1
    assert len(inbox.messages) == 1


def test_news_item_first_published_only(
    inbox, office, django_capture_on_commit_callbacks
):
    subscriber("news@example.org", ("news", ""), language="en")
    index = NewsIndexPageFactory(parent=office.get_parent(), slug="aktuelles")
    with django_capture_on_commit_callbacks(execute=True):
        page = NewsPageFactory(parent=index, title="Neue Sprechzeiten", live=False)
        page.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    [message] = inbox.messages
    assert "Neue Sprechzeiten" in text_of(message)
    assert "https://www.example.org/en/aktuelles/" in text_of(message)


def test_daily_subscribers_get_one_digest(
    inbox, sheet, django_capture_on_commit_callbacks
):
    person = subscriber(
        "taeglich@example.org", ("sheet", "7"), ("papers", ""), frequency="daily"
    )
    change_status(sheet, MeasureStatus.ADOPTED, django_capture_on_commit_callbacks)
    change_status(sheet, MeasureStatus.IN_PROGRESS, django_capture_on_commit_callbacks)
    assert inbox.messages == []  # waiting for the digest hour
    assert Delivery.objects.filter(subscriber=person, status="pending").count() == 2

    tasks.send_digest.enqueue(person.pk)
    tasks.send_digest.enqueue(person.pk)  # a second run that day sends nothing
    [digest] = inbox.messages
    text = text_of(digest)
    assert "beschlossen" in text and "in Umsetzung" in text
    assert text.count("Neuer Stand eines Maßnahmensteckbriefs") == 1  # one group
    assert digest["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert Delivery.objects.filter(subscriber=person, status="sent").count() == 2


def test_digest_hour_is_seven_in_berlin():
    at = dispatch.digest_time(datetime.datetime(2026, 12, 6, 8, 0, tzinfo=datetime.UTC))
    assert timezone.localtime(at).replace(tzinfo=None) == datetime.datetime(
        2026, 12, 7, 7
    )
    at = dispatch.digest_time(datetime.datetime(2026, 12, 6, 5, 0, tzinfo=datetime.UTC))
    assert timezone.localtime(at).replace(tzinfo=None) == datetime.datetime(
        2026, 12, 6, 7
    )


def test_cleanup_deletes_unconfirmed_after_seven_days(db):
    old = subscriber("alt@example.org", ("news", ""), confirmed=False)
    young = subscriber("jung@example.org", ("news", ""), confirmed=False)
    kept = subscriber("bestaetigt@example.org", ("news", ""))
    Subscriber.objects.filter(pk__in=[old.pk, kept.pk]).update(
        created_at=timezone.now() - datetime.timedelta(days=8)
    )
    dispatch.cleanup()
    assert set(Subscriber.objects.values_list("email", flat=True)) == {
        young.email,
        kept.email,
    }
    # A topic the confirmed address added later and never confirmed.
    late = Subscription.objects.create(subscriber=kept, topic="papers")
    Subscription.objects.filter(pk=late.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=8)
    )
    dispatch.cleanup()
    assert list(kept.subscriptions.values_list("topic", flat=True)) == ["news"]


def test_new_event_goes_to_followers_of_its_topic(
    inbox, office, django_capture_on_commit_callbacks
):
    from tests.factories import EventIndexPageFactory, EventPageFactory

    subscriber("forum@example.org", ("events", "forum"))
    subscriber("alle@example.org", ("events", ""))
    subscriber("sprache@example.org", ("events", "sprache"))
    index = EventIndexPageFactory(parent=office.get_parent())
    with django_capture_on_commit_callbacks(execute=True):
        event = EventPageFactory(parent=index, title="Forum Wohnen", live=False)
        event.save_revision().publish()
    assert sorted(m["To"] for m in inbox.messages) == [
        "alle@example.org",
        "forum@example.org",
    ]
    assert "Neue Veranstaltung" in text_of(inbox.messages[0])


def test_cleanup_prunes_changes_after_ninety_days(db):
    person = subscriber("leser@example.org", ("news", ""))
    old = Change.objects.create(key="news:1", kind="news", content={"page_id": 1})
    new = Change.objects.create(key="news:2", kind="news", content={"page_id": 2})
    Delivery.objects.create(subscriber=person, change=old, status="sent")
    Change.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=91)
    )
    dispatch.cleanup()
    assert list(Change.objects.all()) == [new]
    assert not Delivery.objects.exists()


def test_new_paper_version_goes_to_followers_of_papers_and_the_sheet(
    inbox, sheet, django_capture_on_commit_callbacks
):
    from integration_checkup.models import MeasureSheetVersion
    from tests.integration_checkup.factories import DocumentFactory

    subscriber("papiere@example.org", ("papers", ""))
    subscriber("feld@example.org", ("field", "arbeit"))
    subscriber("news@example.org", ("news", ""))
    sheet.paper_versions.add(
        MeasureSheetVersion(
            number=1, document=DocumentFactory(), note="Zahlen für 2026 ergänzt"
        )
    )
    sheet.save()
    with django_capture_on_commit_callbacks(execute=True):
        sheet.save_revision().publish()
    assert sorted(m["To"] for m in inbox.messages) == [
        "feld@example.org",
        "papiere@example.org",
    ]
    text = text_of(inbox.messages[0])
    assert "Neue Fassung eines Arbeitspapiers" in text
    assert "Zahlen für 2026 ergänzt" in text
    assert Change.objects.get().key.startswith("paper:")


def test_one_sweep_chain_however_often_it_is_started(settings):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    tasks.schedule_sweep(300)
    tasks.schedule_sweep(300)  # a restarted worker's command
    [sweep] = DBTaskResult.objects.filter(task_path="alerts.tasks.sweep")
    assert sweep.run_after > timezone.now()
    assert sweep.args_kwargs["args"] == [300]


def test_digest_shows_a_translation_published_since(
    inbox, office, django_capture_on_commit_callbacks
):
    from wagtail.models import Locale

    person = subscriber(
        "en@example.org", ("news", ""), language="en", frequency="daily"
    )
    index = NewsIndexPageFactory(parent=office.get_parent(), slug="aktuelles")
    with django_capture_on_commit_callbacks(execute=True):
        page = NewsPageFactory(parent=index, title="Neue Sprechzeiten", live=False)
        page.save_revision().publish()
    english = page.copy_for_translation(
        Locale.objects.get(language_code="en"), copy_parents=True
    )
    english.title = "New office hours"
    with django_capture_on_commit_callbacks(execute=True):
        english.save_revision().publish()
    assert Change.objects.count() == 1  # the translation is no second change

    tasks.send_digest.enqueue(person.pk)
    [digest] = inbox.messages
    text, html = text_of(digest), html_of(digest)
    assert "New office hours" in text and "Neue Sprechzeiten" not in text
    assert "https://www.example.org/en/aktuelles/" in text
    assert 'lang="de"' not in html
