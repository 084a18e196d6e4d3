from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index

from wagtail_localize.fields import SynchronizedField

from core.search_text import search_terms_for, searchable_texts
from core.translations import german_original, localized

from ..breakdowns import Dimension


class ChartKind(models.TextChoices):
    LINE = "line", _("Liniendiagramm")
    BAR = "bar", _("Säulendiagramm")


class Indicator(TranslatableMixin, index.Indexed, models.Model):
    """A figure the office publishes over time ("Zugewiesene Geflüchtete").

    Its texts are translated; its values (``Value``) belong to the German
    original, which every translation shows (``original``), as the
    directory's facts do. The slug is the same in every language, so a
    reader's link works in any of them.
    """

    title = models.CharField(_("Titel"), max_length=160)
    slug = models.SlugField(
        _("Kurzname für Adressen"),
        max_length=80,
        help_text=_("Teil der Adresse /zahlen/…/, in allen Sprachen gleich."),
    )
    description = models.TextField(
        _("Beschreibung"),
        blank=True,
        help_text=_("Ein bis zwei Sätze: was die Zahl zeigt."),
    )
    unit = models.CharField(
        _("Einheit"), max_length=40, help_text=_("z. B. „Personen“, „Plätze“, „%“")
    )
    counts = models.TextField(
        _("Was gezählt wird"),
        blank=True,
        help_text=_(
            "z. B. „Personen, die Flensburg zugewiesen wurden, ohne Umzüge innerhalb der Stadt“."
        ),
    )
    method_note = models.TextField(
        _("Hinweis zur Methode"),
        blank=True,
        help_text=_("Stichtage, Schätzungen, Brüche in der Reihe."),
    )
    chart_kind = models.CharField(
        _("Darstellung"),
        max_length=10,
        choices=ChartKind.choices,
        default=ChartKind.LINE,
    )
    breakdown = models.CharField(
        _("Aufgeschlüsselt nach"),
        max_length=20,
        choices=Dimension.choices,
        blank=True,
        help_text=_("Die Werte einer Aufschlüsselung erscheinen als eigene Reihen."),
    )
    decimals = models.PositiveSmallIntegerField(
        _("Nachkommastellen"), default=0, validators=[MaxValueValidator(4)]
    )
    is_example = models.BooleanField(
        _("Beispieldaten"),
        default=False,
        help_text=_(
            "Erfundene Werte zur Ansicht: werden überall als Beispieldaten gekennzeichnet."
        ),
    )
    sort_order = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)

    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("unit"), FieldPanel("decimals")]),
        FieldPanel("counts"),
        FieldPanel("method_note"),
        MultiFieldPanel(
            [
                FieldPanel("chart_kind"),
                FieldPanel("breakdown"),
                FieldPanel("is_example"),
                FieldPanel("sort_order"),
            ],
            heading=_("Darstellung"),
        ),
    ]
    search_fields = [
        index.SearchField("title", boost=3),
        index.SearchField("description"),
        index.SearchField("counts"),
        index.SearchField("method_note"),
        index.AutocompleteField("search_terms"),
        index.FilterField("locale"),
        index.FilterField("translation_key"),
    ]
    # The address, the kind of chart and the breakdown are facts of the
    # German original: copied, never translated.
    override_translatable_fields = [
        SynchronizedField("slug", overridable=False),
        SynchronizedField("chart_kind", overridable=False),
        SynchronizedField("breakdown", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("Kennzahl")
        verbose_name_plural = _("Kennzahlen")
        ordering = ["sort_order", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"],
                name="unique_indicator_slug_per_locale",
                violation_error_message=_(
                    "Es gibt schon eine Kennzahl mit diesem Kurznamen."
                ),
            )
        ]

    def __str__(self) -> str:
        return self.title

    @cached_property
    def original(self) -> "Indicator":
        """The German original, which holds the values and the facts."""
        return german_original(self)

    @cached_property
    def texts(self) -> "Indicator":
        """The version whose texts readers see: the translation into the
        active language where there is one, else the German original
        (``figures.selectors.with_facts`` sets it for many at once)."""
        return localized(self.original)

    @property
    def search_terms(self) -> str:
        return search_terms_for(
            title=self.title,
            texts=searchable_texts(self, skip=("title", "search_terms")),
            language=self.locale.language_code,
        )
