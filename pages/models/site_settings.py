from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Locale, TranslatableMixin

from pages.blocks import LinkBlock


class SiteSettings(TranslatableMixin, models.Model):
    """What the header and footer of every page say: names, contact, legal links.

    Kept in the admin, not in templates, so that the office changes its phone
    number or adds a footer link without a developer. One per language: the
    German one is the source, the others are its translations.
    """

    city_name = models.CharField(_("Stadt"), max_length=100, default="Stadt Flensburg")
    office_name = models.CharField(
        _("Name der Stelle"),
        max_length=150,
        default="Koordinierungsstelle für Flüchtlinge",
    )
    official_notice = models.CharField(
        _("Hinweis in der Kopfzeile"),
        max_length=150,
        default="Offizielle Website der Stadt Flensburg",
        help_text=_("Die schmale Zeile ganz oben auf jeder Seite."),
    )
    address = models.TextField(
        _("Anschrift"),
        blank=True,
        help_text=_("Mehrzeilig, wie auf einem Briefumschlag."),
    )
    phone = models.CharField(_("Telefon"), max_length=40, blank=True)
    email = models.EmailField(_("E-Mail"), blank=True)
    contact_note = models.CharField(
        _("Hinweis zum Kontakt"),
        max_length=250,
        blank=True,
        help_text=_("z. B. „Termine nach Vereinbarung“."),
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Datenschutzerklärung"),
        help_text=_("Formulare der Website verweisen auf diese Seite."),
    )
    default_social_image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Standard-Vorschaubild"),
        help_text=_(
            "Vorschaubild für geteilte Links, wenn eine Seite kein eigenes hat "
            "(am besten 1200 × 630 Pixel)."
        ),
    )
    footer_links = StreamField(
        [("link", LinkBlock())],
        blank=True,
        verbose_name=_("Links in der Fußzeile"),
        help_text=_("Impressum, Datenschutz, Barrierefreiheit, Leichte Sprache, ..."),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("city_name"),
                FieldPanel("office_name"),
                FieldPanel("official_notice"),
            ],
            heading=_("Kopfzeile"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("contact_note"),
            ],
            heading=_("Kontakt in der Fußzeile"),
        ),
        FieldPanel("privacy_page"),
        FieldPanel("footer_links"),
        FieldPanel("default_social_image"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("Website-Einstellungen")
        verbose_name_plural = _("Website-Einstellungen")
        constraints = [
            models.UniqueConstraint(
                fields=["locale"],
                name="one_site_settings_per_locale",
                violation_error_message=_(
                    "Für diese Sprache gibt es die Website-Einstellungen schon."
                ),
            )
        ]

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} ({self.locale.get_display_name()})"

    @classmethod
    def for_locale(cls, locale: Locale | None = None) -> "SiteSettings":
        """The settings in the visitor's language, else the German ones, else defaults."""
        locale = locale or Locale.get_active()
        candidates = cls.objects.filter(
            locale__in=[locale.pk, Locale.get_default().pk]
        ).select_related("locale", "privacy_page")
        by_locale = {settings.locale_id: settings for settings in candidates}
        return (
            by_locale.get(locale.pk) or by_locale.get(Locale.get_default().pk) or cls()
        )
