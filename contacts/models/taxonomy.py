from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin


class HelpCategory(TranslatableMixin, models.Model):
    """A kind of help (Sachspenden, Ehrenamt, Beratung, ...), for the directory filter."""

    name = models.CharField(_("Name"), max_length=80)
    slug = models.SlugField(_("Kurzname für Adressen"), max_length=60)
    sort_order = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("Kategorie")
        verbose_name_plural = _("Kategorien")
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"],
                name="unique_help_category_slug_per_locale",
                violation_error_message=_(
                    "Es gibt schon eine Kategorie mit diesem Kurznamen."
                ),
            )
        ]

    def __str__(self) -> str:
        return self.name


class Language(models.Model):
    """A language in which an organisation can advise; shown by its own name."""

    code = models.CharField(
        _("Sprachcode"),
        max_length=10,
        unique=True,
        help_text=_("Nach ISO 639-1, z. B. „ar“ für Arabisch."),
        error_messages={"unique": _("Diese Sprache gibt es schon.")},
    )
    name = models.CharField(_("Name auf Deutsch"), max_length=60)
    native_name = models.CharField(
        _("Name in der Sprache selbst"), max_length=60, help_text=_("z. B. „العربية“")
    )

    panels = [FieldPanel("code"), FieldPanel("name"), FieldPanel("native_name")]

    class Meta:
        verbose_name = _("Sprache")
        verbose_name_plural = _("Sprachen")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
