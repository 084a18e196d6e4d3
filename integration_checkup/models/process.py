from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable, TranslatableMixin


class ProcessStep(TranslatableMixin, Orderable):
    """A step of the process timeline (status analysis, forum, committee, ...)."""

    date = models.DateField(
        _("Datum"), help_text=_("Für die Reihenfolge; bei Monatsangaben der Erste.")
    )
    date_label = models.CharField(
        _("Angezeigtes Datum"),
        max_length=60,
        blank=True,
        help_text=_(
            "Statt des Datums anzeigen, z. B. „November 2017“ oder „Q4/2016"
            " und Q1/2017“."
        ),
    )
    title = models.CharField(_("Titel"), max_length=200)
    description = models.TextField(_("Beschreibung"), blank=True)

    panels = [
        FieldPanel("date"),
        FieldPanel("date_label"),
        FieldPanel("title"),
        FieldPanel("description"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("Prozessschritt")
        verbose_name_plural = _("Zeitleiste")
        ordering = ["sort_order", "date"]

    def __str__(self) -> str:
        return self.title
