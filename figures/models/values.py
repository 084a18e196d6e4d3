from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel

from ..chart_data import Granularity
from ..periods import period_end, period_label
from .indicators import Indicator
from .sources import Source


class GranularityChoice(models.TextChoices):
    DAY = Granularity.DAY.value, _("Stichtag")
    MONTH = Granularity.MONTH.value, _("Monat")
    QUARTER = Granularity.QUARTER.value, _("Quartal")
    YEAR = Granularity.YEAR.value, _("Jahr")


def german_indicators():
    """Values belong to the German originals (translations show theirs)."""
    return models.Q(locale__language_code=settings.LANGUAGE_CODE)


class Value(models.Model):
    """One figure: an indicator's value for one period (a day, month,
    quarter or year), for the whole city or one breakdown value (a district,
    an age group, a status group), with its source.

    Indicator, period and breakdown identify a value: an import of the same
    period updates it instead of adding a second one.
    """

    indicator = models.ForeignKey(
        Indicator,
        on_delete=models.CASCADE,
        related_name="values",
        limit_choices_to=german_indicators,
        verbose_name=_("Kennzahl"),
    )
    granularity = models.CharField(
        _("Zeitraum"), max_length=10, choices=GranularityChoice.choices
    )
    period_start = models.DateField(
        _("Datum bzw. Beginn des Zeitraums"),
        help_text=_("Für ein Quartal dessen erster Tag, z. B. 01.10.2016 für Q4/2016."),
    )
    breakdown = models.CharField(
        _("Aufschlüsselung"),
        max_length=40,
        blank=True,
        help_text=_("Leer für den Gesamtwert, sonst z. B. „juergensby“."),
    )
    value = models.DecimalField(_("Wert"), max_digits=16, decimal_places=4)
    source = models.ForeignKey(
        Source,
        on_delete=models.PROTECT,
        related_name="values",
        verbose_name=_("Quelle"),
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("Erfasst von"),
    )
    updated_at = models.DateTimeField(_("Geändert am"), auto_now=True)

    panels = [
        FieldPanel("indicator"),
        FieldRowPanel([FieldPanel("granularity"), FieldPanel("period_start")]),
        FieldPanel("breakdown"),
        FieldPanel("value"),
        FieldPanel("source"),
    ]

    class Meta:
        verbose_name = _("Wert")
        verbose_name_plural = _("Werte")
        ordering = ["indicator", "period_start", "breakdown"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "granularity", "period_start", "breakdown"],
                name="unique_value_per_period_and_breakdown",
                violation_error_message=_(
                    "Für diese Kennzahl, diesen Zeitraum und diese Aufschlüsselung "
                    "gibt es schon einen Wert."
                ),
            )
        ]
        indexes = [models.Index(fields=["indicator", "period_start"])]

    def __str__(self) -> str:
        return f"{self.indicator}: {self.period} = {self.value}"

    @property
    def period_end(self):
        return period_end(self.period_start, self.granularity)

    @property
    def period(self) -> str:
        return period_label(self.period_start, self.granularity)


class Import(models.Model):
    """A file imported in the admin: who, when, which file, what it changed."""

    indicator = models.ForeignKey(
        Indicator,
        on_delete=models.CASCADE,
        related_name="imports",
        verbose_name=_("Kennzahl"),
    )
    source = models.ForeignKey(
        Source,
        on_delete=models.PROTECT,
        related_name="imports",
        verbose_name=_("Quelle"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("Importiert von"),
    )
    created_at = models.DateTimeField(_("Importiert am"), auto_now_add=True)
    filename = models.CharField(_("Datei"), max_length=255)
    sha256 = models.CharField(_("Prüfsumme (SHA-256)"), max_length=64)
    rows = models.PositiveIntegerField(_("Zeilen"), default=0)
    created_count = models.PositiveIntegerField(_("Neue Werte"), default=0)
    updated_count = models.PositiveIntegerField(_("Geänderte Werte"), default=0)
    unchanged_count = models.PositiveIntegerField(_("Unveränderte Werte"), default=0)

    class Meta:
        verbose_name = _("Import")
        verbose_name_plural = _("Importe")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.filename} ({self.created_at:%d.%m.%Y %H:%M})"
