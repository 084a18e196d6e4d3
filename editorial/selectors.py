"""Reads: which content is due for its check, across every feature."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.admin_url_finder import AdminURLFinder

from core.freshness import FreshnessMixin
from core.translations import default_locale

DUE_SOON_DAYS = 14


@dataclass(frozen=True)
class ReviewItem:
    """One page or object whose next check is due, or due soon."""

    obj: Any
    title: str
    kind: str
    owner: Any
    due: datetime.date
    overdue: bool
    edit_url: str | None

    @property
    def status_label(self) -> str:
        return str(_("überfällig") if self.overdue else _("bald fällig"))


def freshness_models() -> list[type[FreshnessMixin]]:
    """Every concrete model with an owner and a next check."""
    return [
        model
        for model in apps.get_models()
        if issubclass(model, FreshnessMixin) and not model._meta.proxy
    ]


def _originals(model):
    """Live content in the site's default language: translations follow
    their German original (wagtail-localize synchronises owner and date)."""
    queryset = model._default_manager.all()
    field_names = {field.name for field in model._meta.get_fields()}
    if "live" in field_names:
        queryset = queryset.filter(live=True)
    if "locale" in field_names:
        queryset = queryset.filter(locale=default_locale())
    return queryset


def review_items_due(
    *,
    today: datetime.date | None = None,
    within_days: int = DUE_SOON_DAYS,
    owner=None,
) -> list[ReviewItem]:
    """What is overdue or due within ``within_days``, earliest first;
    only ``owner``'s items if given."""
    today = today or timezone.localdate()
    horizon = today + datetime.timedelta(days=within_days)
    finder = AdminURLFinder()
    items = []
    for model in freshness_models():
        queryset = _originals(model).filter(model.due_by_filter(horizon))
        if owner is not None:
            queryset = queryset.filter(content_owner=owner)
        for obj in queryset.select_related("content_owner"):
            due = obj.review_due
            if due is None or due > horizon:
                continue
            items.append(
                ReviewItem(
                    obj=obj,
                    title=str(getattr(obj, "title", obj)),
                    kind=str(model._meta.verbose_name),
                    owner=obj.content_owner,
                    due=due,
                    overdue=due < today,
                    edit_url=finder.get_edit_url(obj),
                )
            )
    return sorted(items, key=lambda item: (item.due, item.title))


def review_items_by_owner(
    *, today: datetime.date | None = None, within_days: int = DUE_SOON_DAYS
) -> dict[Any, list[ReviewItem]]:
    """The due items grouped by owner; items without an owner are left out."""
    grouped: dict[Any, list[ReviewItem]] = {}
    for item in review_items_due(today=today, within_days=within_days):
        if item.owner is not None:
            grouped.setdefault(item.owner, []).append(item)
    return grouped
