"""The versions (Fassungen) of a measure sheet's working paper."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable


def _today() -> datetime.date:
    return timezone.localdate()


class MeasureSheetVersion(Orderable):
    """One version of a measure sheet's working paper.

    A child of the sheet (``ParentalKey``), so a new version is part of the
    sheet's draft and revision: it goes through the sheet's approval and goes
    live when the sheet is published, never before. Earlier versions stay
    (their documents too), each at an address of its own; the sheet's stable
    address always gives the newest version of the live sheet. ``number``
    is given when the sheet is saved (one more than the highest so far) and
    never changes, so a version's address never changes either.
    """

    measure = ParentalKey(
        "integration_checkup.MeasureSheet",
        on_delete=models.CASCADE,
        related_name="paper_versions",
    )
    number = models.PositiveSmallIntegerField(
        _("Fassung"),
        help_text=_("Wird beim Speichern fortlaufend vergeben."),
    )
    document = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        # An earlier version stays downloadable: its file cannot be deleted
        # while a sheet names it.
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("Datei"),
    )
    valid_from = models.DateField(
        _("Stand vom"),
        default=_today,
        help_text=_("Ab wann diese Fassung gilt."),
    )
    note = models.CharField(
        _("Was ist neu?"),
        max_length=300,
        blank=True,
        help_text=_("Kurz für Leserinnen und Leser, z. B. „Zahlen für 2026 ergänzt“."),
    )

    panels = [FieldPanel("document"), FieldPanel("valid_from"), FieldPanel("note")]

    class Meta(Orderable.Meta):
        verbose_name = _("Fassung des Arbeitspapiers")
        verbose_name_plural = _("Fassungen des Arbeitspapiers")
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(
                fields=["measure", "number"],
                name="unique_paper_version_number_per_measure",
                violation_error_message=_(
                    "Diese Fassung des Arbeitspapiers gibt es schon."
                ),
            )
        ]

    def __str__(self) -> str:
        return _("Fassung %(number)s vom %(date)s") % {
            "number": self.number,
            "date": f"{self.valid_from:%d.%m.%Y}",
        }


PAPER_VERSIONS_PANEL = InlinePanel(
    "paper_versions",
    heading=_("Arbeitspapier und seine Fassungen"),
    label=_("Fassung"),
    help_text=_(
        "Eine neue Fassung fügen Sie unten hinzu, statt die Datei einer "
        "bestehenden zu ersetzen: Die neue Fassung erscheint erst, wenn der "
        "Steckbrief veröffentlicht (und freigegeben) ist. Frühere Fassungen "
        "bleiben im Steckbrief abrufbar; die Adresse des Arbeitspapiers bleibt "
        "gleich und führt immer zur neuesten Fassung."
    ),
)
