"""What counts as a change worth a mail, recorded once.

- a measure sheet published with another status than its previously
  published revision (``sheet-status:<sheet>:<status>:<revision>``);
- a new version of a sheet's working paper goes live with the sheet
  (``paper:<version>``);
- a news item or an event published for the first time (``news:<page>``,
  ``event:<page>``).

Only German originals count: a translation is the same change, shown to the
subscriber in their language when the mail is written (``content``). The
change is recorded after the publishing transaction commits, together with
the task that finds its subscribers (one transaction: neither is lost)."""

from __future__ import annotations

import logging

from django.db import transaction

from wagtail.models import ModelLogEntry
from wagtail.signals import page_published, published

from core.translations import default_locale
from events.models import EventPage
from integration_checkup.models import MeasureSheet
from news.models import NewsPage

from .models import Change

logger = logging.getLogger(__name__)

# Log actions of a publication (by hand, or scheduled and done by
# publish_scheduled); "wagtail.publish.schedule" only schedules one.
PUBLISH_ACTIONS = ["wagtail.publish", "wagtail.publish.scheduled"]


def record(key: str, kind: str, topics: list, content: dict) -> None:
    """Record the change (once per key) and enqueue its fan-out, after the
    current transaction commits."""

    def save() -> None:
        from .tasks import fan_out

        with transaction.atomic():
            change, created = Change.objects.get_or_create(
                key=key, defaults={"kind": kind, "topics": topics, "content": content}
            )
            if created:
                fan_out.enqueue(change.pk)
        if created:
            logger.info("alerts: change %s recorded", key)

    # robust: a failure here is logged, never an error for the editor.
    transaction.on_commit(save, robust=True)


def is_german_original(instance) -> bool:
    return instance.locale_id == default_locale().pk


def previous_published_content(sheet: MeasureSheet, revision) -> dict | None:
    """The content of the revision published before ``revision`` (Wagtail
    logs a publication after the ``published`` signal, so the newest
    logged one is the previous); None at the first publication."""
    entry = (
        ModelLogEntry.objects.for_instance(sheet)
        .filter(action__in=PUBLISH_ACTIONS, revision__isnull=False)
        .select_related("revision")
        .order_by("-timestamp", "-pk")
        .first()
    )
    return entry.revision.content if entry else None


def sheet_topics(sheet: MeasureSheet) -> list:
    return [["sheet", str(sheet.number)], ["field", sheet.field_of_action.slug]]


def on_sheet_published(sender, instance, revision=None, **kwargs) -> None:
    if not instance.live or not is_german_original(instance) or revision is None:
        return
    previous = previous_published_content(instance, revision)
    if previous is None:
        return  # a new sheet, not a change of one
    sheet_content = {"sheet_id": instance.pk, "number": instance.number}
    if previous.get("status") != instance.status:
        record(
            f"sheet-status:{instance.pk}:{instance.status}:{revision.pk}",
            "sheet-status",
            sheet_topics(instance),
            {**sheet_content, "status": instance.status},
        )
    known = {child.get("pk") for child in previous.get("paper_versions", [])}
    new_versions = [v for v in instance.paper_versions.all() if v.pk not in known]
    if new_versions:
        version = max(new_versions, key=lambda v: v.number)
        record(
            f"paper:{version.pk}",
            "paper",
            [*sheet_topics(instance), ["papers", ""]],
            {**sheet_content, "version": version.number, "note": version.note},
        )


def on_page_published(sender, instance, revision=None, **kwargs) -> None:
    first_time = instance.first_published_at == instance.last_published_at
    if not first_time or not is_german_original(instance):
        return
    if isinstance(instance, NewsPage):
        record(f"news:{instance.pk}", "news", [["news", ""]], {"page_id": instance.pk})
    elif isinstance(instance, EventPage):
        topics = [["events", ""]] + (
            [["events", instance.topic]] if instance.topic else []
        )
        record(f"event:{instance.pk}", "event", topics, {"page_id": instance.pk})


def connect() -> None:
    """Called from ``AlertsConfig.ready``."""
    published.connect(
        on_sheet_published, sender=MeasureSheet, dispatch_uid="alerts-sheet-published"
    )
    page_published.connect(on_page_published, dispatch_uid="alerts-page-published")
