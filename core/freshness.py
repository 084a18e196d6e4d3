"""Freshness of content: who answers for it and when it is checked next.

Pages and measure sheets mix in ``FreshnessMixin``; the ``editorial`` app
finds every model that does through the app registry and lists what is
overdue. The next check defaults to the content's own date ("Stand", or the
last publication) plus ``REVIEW_INTERVAL_MONTHS``: left blank, it follows
that date, so setting "Stand" after a review moves the next check on by
itself; a date typed in wins.
"""

from __future__ import annotations

import calendar
import datetime
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel

REVIEW_INTERVAL_MONTHS = 6


def add_months(day: datetime.date, months: int) -> datetime.date:
    """``day`` moved by whole months, on the month's last day where the
    target month is shorter (31 August + 6 months = 28/29 February)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    last_day = calendar.monthrange(year, month)[1]
    return day.replace(year=year, month=month, day=min(day.day, last_day))


class FreshnessMixin(models.Model):
    """An owner ("verantwortlich") and the date of the next content check.

    The owner is a field of its own, not Wagtail's page ``owner``: that one
    is whoever created the page (often the import account) and grants edit
    rights to users who may only add pages; the person who answers for the
    content is an editorial decision. ``review_basis_field`` names the date
    the default counts from (a date field, or a date-time field's ``__date``).
    """

    review_basis_field: ClassVar[str] = "last_reviewed"

    content_owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        limit_choices_to={"is_active": True},
        verbose_name=_("Verantwortlich"),
        help_text=_(
            "Wer den Inhalt regelmäßig prüft. Erhält eine E-Mail, wenn die "
            "Prüfung fällig ist."
        ),
    )
    next_review = models.DateField(
        _("Nächste Prüfung"),
        null=True,
        blank=True,
        help_text=_(
            "Leer lassen: sechs Monate nach dem Stand. Ein eingetragenes Datum "
            "gilt, bis es geändert oder gelöscht wird."
        ),
    )

    class Meta:
        abstract = True

    def review_basis(self) -> datetime.date | None:
        """The date the default next check counts from."""
        field_name = self.review_basis_field.removesuffix("__date")
        value = getattr(self, field_name, None)
        if isinstance(value, datetime.datetime):
            return timezone.localdate(value)
        return value

    @property
    def review_due(self) -> datetime.date | None:
        """When the content is to be checked next (None: no date to count from)."""
        if self.next_review is not None:
            return self.next_review
        basis = self.review_basis()
        if basis is None:
            return None
        return add_months(basis, REVIEW_INTERVAL_MONTHS)

    @classmethod
    def due_by_filter(cls, day: datetime.date) -> Q:
        """Rows whose next check may fall on ``day`` or earlier, in the
        database: a few rows more where short months round (31 August + 6
        months is 28 February); ``review_due`` decides."""
        latest_basis = add_months(day, -REVIEW_INTERVAL_MONTHS) + datetime.timedelta(
            days=3
        )
        return Q(next_review__lte=day) | Q(
            next_review__isnull=True, **{f"{cls.review_basis_field}__lte": latest_basis}
        )


def freshness_panel(*basis_fields: str) -> MultiFieldPanel:
    """The "Aktualität" panel: the content's own date fields, then owner and
    next check."""
    return MultiFieldPanel(
        [
            *(FieldPanel(name) for name in basis_fields),
            FieldPanel("next_review"),
            FieldPanel("content_owner"),
        ],
        heading=_("Aktualität"),
    )
