from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.fields import StreamField
from wagtail.models import Locale, TranslatableMixin

from wagtail_localize.fields import SynchronizedField

from caching.page_cache import cached_fragment
from core.translations import is_untranslated
from pages.blocks import LinkBlock


@dataclass(frozen=True)
class SiteContact:
    """Whom readers contact, as the header, footer, contact box, legal pages
    and structured data show it: the office's entry in the directory and the
    responsible person, both German originals (their facts live there once).
    """

    office: object | None = None  # contacts.Organisation
    person: object | None = None  # contacts.Person

    @property
    def phone(self):
        return (self.office and self.office.phone) or (
            self.person and self.person.phone
        )

    @property
    def email(self) -> str:
        return (
            (self.office and self.office.email)
            or (self.person and self.person.email)
            or ""
        )

    @property
    def place(self):
        return self.office.place if self.office else None

    def __bool__(self) -> bool:
        return bool(self.office or self.person)


class SiteSettings(TranslatableMixin, models.Model):
    """What the header and footer of every page say: names, legal links, and
    whom to contact.

    Kept in the admin, not in templates, so that the office adds a footer
    link without a developer. One per language: the German one is the source,
    the others are its translations. Contact data is not typed here: the
    settings name the office's entry in the directory and the responsible
    person, and every page shows their phone, e-mail and address from there
    (``SiteContact``; one place for each fact).
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
    office = models.ForeignKey(
        "contacts.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Die Stelle im Adressverzeichnis"),
        help_text=_(
            "Telefon, E-Mail, Anschrift und Öffnungszeiten in Kopf- und Fußzeile, "
            "im Kontaktkasten und auf den rechtlichen Seiten kommen aus diesem "
            "Eintrag. Ändern Sie sie dort (Adressverzeichnis → Organisationen), "
            "dann stimmen sie überall."
        ),
    )
    contact_person = models.ForeignKey(
        "contacts.Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Verantwortliche Ansprechperson"),
        help_text=_(
            "Aus dem Adressverzeichnis (Personen); Fußzeile, Kontaktkasten und "
            "Impressum nennen sie. Hat die Stelle keine eigene Telefonnummer oder "
            "E-Mail-Adresse, gelten ihre."
        ),
    )
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
                FieldPanel("office"),
                FieldPanel("contact_person"),
                FieldPanel("contact_note"),
            ],
            heading=_("Kontakt in Kopf- und Fußzeile"),
        ),
        FieldPanel("privacy_page"),
        FieldPanel("footer_links"),
        FieldPanel("default_social_image"),
    ]

    # Contact data is the same in every language: every translation shows the
    # directory entries the German settings name (``contact``), not copies.
    override_translatable_fields = [
        SynchronizedField("office", overridable=False),
        SynchronizedField("contact_person", overridable=False),
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
        """The settings in the visitor's language, else the German ones, else
        defaults; kept in the cache until the next purge (saving them purges)."""
        default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
        if locale is not None:
            code = locale.language_code
        else:
            try:
                code = get_supported_content_language_variant(get_language())
            except LookupError:
                code = default
        return cached_fragment(
            "site-settings", (code, default), lambda: cls._for_code(code, default)
        )

    @classmethod
    def contact(cls) -> SiteContact:
        """The office and the responsible person the German settings name,
        kept in the cache until the next purge (saving the directory or the
        settings purges): the same for every language."""
        default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
        return cached_fragment(
            "site-contact", (default,), lambda: cls._contact_for(default)
        )

    @classmethod
    def _contact_for(cls, default: str) -> SiteContact:
        german = (
            cls.objects.filter(locale__language_code=default)
            .select_related(
                "office__place",
                "contact_person__organisation__place",
            )
            .prefetch_related("office__opening_hours")
            .first()
        )
        if german is None:
            return SiteContact()
        return SiteContact(office=german.office, person=german.contact_person)

    @classmethod
    def _for_code(cls, code: str, default: str) -> "SiteSettings":
        # By language code in one query: Locale.get_active() and get_default()
        # would cost a query each.
        candidates = cls.objects.filter(
            locale__language_code__in=[code, default]
        ).select_related("locale", "privacy_page")
        by_code = {item.locale.language_code: item for item in candidates}
        own, german = by_code.get(code), by_code.get(default)
        if own is not None and german is not None and is_untranslated(own, german):
            # "Übersetzen" made a copy of the German texts: show them as
            # German (lang_attrs marks them), not as the reader's language.
            own = None
        settings_ = own or german or cls()
        # The footer's links and their pages, read now: what is kept in the
        # cache needs no queries later.
        list(settings_.footer_links)
        return settings_
