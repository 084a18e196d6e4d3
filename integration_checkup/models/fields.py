from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index

from wagtail_localize.fields import SynchronizedField


class FieldOfAction(TranslatableMixin, index.Indexed, models.Model):
    """One of the seven fields of action (Arbeit, Sprache, ...) and its focus group.

    The slug makes stable URLs and filter values; ``sort_order`` keeps the
    order the process used, which is not alphabetical.
    """

    name = models.CharField(_("Name"), max_length=100)
    slug = models.SlugField(
        _("Kurzname für Adressen"),
        max_length=60,
        help_text=_("Erscheint in Adressen und Filtern, z. B. „wohnen“."),
    )
    sort_order = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)
    description = models.TextField(_("Beschreibung"))
    focus_group = models.TextField(
        _("Fokusgruppe"),
        blank=True,
        help_text=_("Wer in der Fokusgruppe dieses Handlungsfelds mitgearbeitet hat."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("sort_order"),
        FieldPanel("description"),
        FieldPanel("focus_group"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("description"),
        index.FilterField("locale"),
    ]
    # One address per field in every language: the slug is not translated.
    override_translatable_fields = [SynchronizedField("slug")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("Handlungsfeld")
        verbose_name_plural = _("Handlungsfelder")
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"],
                name="unique_field_of_action_slug_per_locale",
                violation_error_message=_(
                    "Es gibt schon ein Handlungsfeld mit diesem Kurznamen."
                ),
            )
        ]

    def __str__(self) -> str:
        return self.name


class StatusAnalysis(TranslatableMixin, models.Model):
    """The status analysis of one field: what exists, what is needed, what is missing."""

    field_of_action = models.OneToOneField(
        FieldOfAction,
        on_delete=models.CASCADE,
        related_name="status_analysis",
        verbose_name=_("Handlungsfeld"),
    )
    title = models.CharField(_("Titel"), max_length=200)
    data_period = models.CharField(
        _("Datengrundlage"),
        max_length=100,
        default="Q4/2016 und Q1/2017",
        help_text=_(
            "Zeitraum der Informationen und Erhebungen, z. B. „Q4/2016 und Q1/2017“."
        ),
    )
    summary = models.TextField(_("Zusammenfassung"), blank=True)
    document = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Dokument"),
    )

    panels = [
        FieldPanel("field_of_action"),
        FieldPanel("title"),
        FieldPanel("data_period"),
        FieldPanel("summary"),
        FieldPanel("document"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("Statusanalyse")
        verbose_name_plural = _("Statusanalysen")
        ordering = ["field_of_action__sort_order"]

    def __str__(self) -> str:
        return self.title
