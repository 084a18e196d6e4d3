"""The owners' e-mail digest: one mail per owner with their due content."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .selectors import DUE_SOON_DAYS, review_items_by_owner


@dataclass
class DigestReport:
    sent: list[str] = field(default_factory=list)
    without_address: list[str] = field(default_factory=list)


def _absolute(url: str | None) -> str:
    return f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}{url}" if url else ""


def review_digest_send(*, today: datetime.date | None = None) -> DigestReport:
    """Mail every owner whose content is overdue or due within two weeks:
    one mail each, with their items only, through Django's mail backend."""
    today = today or timezone.localdate()
    report = DigestReport()
    with translation.override(settings.LANGUAGE_CODE):
        for owner, items in review_items_by_owner(today=today).items():
            if not owner.email:
                report.without_address.append(owner.get_username())
                continue
            overdue = sum(item.overdue for item in items)
            subject = _(
                "Inhalte zur Prüfung: %(overdue)s überfällig, %(soon)s bald fällig"
            ) % {"overdue": overdue, "soon": len(items) - overdue}
            body = render_to_string(
                "editorial/review_digest.txt",
                {
                    "owner": owner,
                    "items": [(item, _absolute(item.edit_url)) for item in items],
                    "days": DUE_SOON_DAYS,
                    "report_url": _absolute(reverse("editorial_overdue_report")),
                },
            )
            send_mail(subject, body, None, [owner.email])
            report.sent.append(owner.email)
    return report
