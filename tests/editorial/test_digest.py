"""The owners' e-mail digest and the scheduler loop that sends it."""

import datetime
from io import StringIO

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

import pytest

from core.freshness import add_months
from editorial import scheduler
from tests.factories import InfoPageFactory, OfficePageFactory
from tests.integration_checkup.factories import MeasureSheetFactory

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def owners(django_user_model, home):
    anna, bernd, carla = (
        django_user_model.objects.create_user(
            username=name, first_name=name.title(), email=f"{name}@example.org"
        )
        for name in ("anna", "bernd", "carla")
    )
    OfficePageFactory(
        parent=home,
        title="Koordinierungsstelle",
        last_reviewed=add_months(TODAY, -7),
        content_owner=anna,
    )
    MeasureSheetFactory(
        title="Sprachcafés",
        next_review=TODAY + datetime.timedelta(days=3),
        content_owner=anna,
    )
    MeasureSheetFactory(
        title="Wohnungsbörse",
        next_review=TODAY - datetime.timedelta(days=1),
        content_owner=bernd,
    )
    # Carla's page is fresh: no mail for her.
    InfoPageFactory(
        parent=home, title="Frisch", last_reviewed=TODAY, content_owner=carla
    )
    return anna, bernd, carla


def test_each_owner_gets_one_mail_with_their_items_only(owners):
    out = StringIO()

    call_command("send_review_digest", stdout=out)

    assert sorted(message.to[0] for message in mail.outbox) == [
        "anna@example.org",
        "bernd@example.org",
    ]
    to_anna = next(m for m in mail.outbox if m.to == ["anna@example.org"])
    to_bernd = next(m for m in mail.outbox if m.to == ["bernd@example.org"])
    assert to_anna.subject == "Inhalte zur Prüfung: 1 überfällig, 1 bald fällig"
    assert "Koordinierungsstelle" in to_anna.body
    assert "Sprachcafés" in to_anna.body
    assert "Wohnungsbörse" not in to_anna.body
    assert "http://testserver/admin/pages/" in to_anna.body
    assert "Wohnungsbörse" in to_bernd.body
    assert "Koordinierungsstelle" not in to_bernd.body
    assert "2 e-mails sent" in out.getvalue()


def test_owner_without_address_is_named_not_mailed(owners):
    anna = owners[0]
    anna.email = ""
    anna.save()
    err = StringIO()

    call_command("send_review_digest", stdout=StringIO(), stderr=err)

    assert [message.to for message in mail.outbox] == [["bernd@example.org"]]
    assert "anna" in err.getvalue()


def test_scheduler_publishes_every_tick_and_mails_once_a_day(monkeypatch):
    calls = []
    monkeypatch.setattr(scheduler, "call_command", calls.append)
    morning = datetime.datetime(2026, 12, 7, 6, 0)

    last = scheduler.scheduler_tick(now=morning, digest_hour=7, last_digest=None)
    assert calls == ["publish_scheduled"]
    assert last is None

    seven = morning.replace(hour=7, minute=1)
    last = scheduler.scheduler_tick(now=seven, digest_hour=7, last_digest=last)
    last = scheduler.scheduler_tick(now=seven, digest_hour=7, last_digest=last)
    assert calls == [
        "publish_scheduled",
        "publish_scheduled",
        "send_review_digest",
        "publish_scheduled",
    ]
    assert last == datetime.date(2026, 12, 7)

    next_day = seven + datetime.timedelta(days=1)
    scheduler.scheduler_tick(now=next_day, digest_hour=7, last_digest=last)
    assert calls[-1] == "send_review_digest"


def test_scheduler_once_runs_publish_scheduled_for_real(home):
    page = OfficePageFactory(parent=home, live=False)
    revision = page.save_revision(
        approved_go_live_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    revision.approved_go_live_at = timezone.now() - datetime.timedelta(minutes=1)
    revision.save()

    call_command("run_scheduler", "--once", "--digest-hour", "24", stdout=StringIO())

    page.refresh_from_db()
    assert page.live
