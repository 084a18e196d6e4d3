"""The demo's editorial set-up: the German groups and the approval workflow
(``editorial.setup``), two example staff accounts as content owners, and
freshness dates relative to the day the demo is loaded, so that the report
"Überfällige Inhalte" always shows an overdue page and a measure sheet due
soon.

The example accounts cannot log in (no usable password); they only own
content. Owners and dates are filled only where nobody has set an owner yet.
"""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from wagtail.models import Page

from core.freshness import add_months
from core.translations import default_locale
from editorial.selectors import freshness_models
from editorial.setup import APPROVERS, EDITORS, editorial_setup
from integration_checkup.models import MeasureSheet
from pages.models import StateLinksPage

ACCOUNTS = {
    EDITORS: ("beispiel-redaktion", "Beispiel", "Redakteurin"),
    APPROVERS: ("beispiel-koordination", "Beispiel", "Koordinatorin"),
}
OVERDUE_PAGE = StateLinksPage
DUE_SOON_MEASURE = 1
DUE_SOON_DAYS = 10


def _account(group_name: str):
    username, first_name, last_name = ACCOUNTS[group_name]
    user, created = get_user_model().objects.get_or_create(
        username=username,
        defaults={
            "first_name": first_name,
            "last_name": last_name,
            "email": f"{username}@example.org",
        },
    )
    if created:
        user.set_unusable_password()
        user.save()
        user.groups.add(Group.objects.get(name=group_name))
    return user


def _publish_with(obj, **values) -> bool:
    """Set ``values`` and publish a new revision, unless an editor's draft
    waits (it would be published with it) or an owner is already set."""
    if obj.content_owner_id is not None or obj.has_unpublished_changes:
        return False
    for name, value in values.items():
        setattr(obj, name, value)
    obj.save_revision().publish()
    return True


def editorial_demo_load(*, today: datetime.date | None = None) -> int:
    """Set up groups and workflow, then owners and dates; returns how many
    pages and sheets got an owner."""
    today = today or timezone.localdate()
    editorial_setup()
    editor, approver = _account(EDITORS), _account(APPROVERS)
    german = default_locale()
    count = 0
    for model in freshness_models():
        owner = editor if issubclass(model, Page) else approver
        for obj in model.objects.filter(locale=german, live=True):
            values = {"content_owner": owner}
            if model is OVERDUE_PAGE:
                # "Stand" seven months ago: the default check is a month overdue.
                values["last_reviewed"] = add_months(today, -7)
            if model is MeasureSheet and obj.number == DUE_SOON_MEASURE:
                values["next_review"] = today + datetime.timedelta(days=DUE_SOON_DAYS)
            count += _publish_with(obj, **values)
    return count
