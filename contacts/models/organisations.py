import re

from django import forms
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index

from phonenumber_field.modelfields import PhoneNumberField
from wagtail_localize.fields import SynchronizedField

from core.search_text import search_terms_for, searchable_texts
from core.translations import german_original

from ..phone import phone_format
from .places import Place
from .taxonomy import HelpCategory, Language


def phone_search_text(number) -> str:
    """A phone number as search words: as readers see it ("0461 85-1653"),
    its groups of digits as words of their own ("0461 85 1653": PostgreSQL's
    parser reads "85-1653" as one token, so "1653" would not be found there)
    and in E.164."""
    if not number:
        return ""
    shown = phone_format(number)
    groups = " ".join(re.findall(r"\d+", shown))
    return f"{shown} {groups} {number.as_e164}"


class OrganisationKind(models.TextChoices):
    AUTHORITY = "authority", _("Behörde")
    COUNSELLING = "counselling", _("Beratungsstelle")
    WELFARE = "welfare", _("Wohlfahrtsverband")
    INITIATIVE = "initiative", _("Initiative")
    DONATION_POINT = "donation_point", _("Spendenstelle")
    ASSOCIATION = "association", _("Verein")
    OTHER = "other", _("Sonstige")


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Montag")
    TUESDAY = 1, _("Dienstag")
    WEDNESDAY = 2, _("Mittwoch")
    THURSDAY = 3, _("Donnerstag")
    FRIDAY = 4, _("Freitag")
    SATURDAY = 5, _("Samstag")
    SUNDAY = 6, _("Sonntag")


class Organisation(TranslatableMixin, index.Indexed, ClusterableModel):
    """An authority, counselling service, initiative or donation point.

    Its opening hours are structured (weekday slots, appointment only,
    temporarily closed, a free note), so the site can say "jetzt geöffnet" and
    publish them as schema.org data.
    """

    name = models.CharField(_("Name"), max_length=200)
    kind = models.CharField(_("Art"), max_length=30, choices=OrganisationKind.choices)
    description = models.TextField(_("Beschreibung"), blank=True)
    website = models.URLField(_("Website"), blank=True)
    email = models.EmailField(_("E-Mail"), blank=True)
    phone = PhoneNumberField(_("Telefon"), blank=True, region="DE")
    place = models.ForeignKey(
        Place,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="organisations",
        verbose_name=_("Ort"),
    )
    languages = ParentalManyToManyField(
        Language, blank=True, related_name="organisations", verbose_name=_("Sprachen")
    )
    categories = ParentalManyToManyField(
        HelpCategory,
        blank=True,
        related_name="organisations",
        verbose_name=_("Kategorien der Hilfe"),
    )
    appointment_only = models.BooleanField(
        _("Immer nur nach Terminvereinbarung"),
        default=False,
        help_text=_(
            "Für die ganze Organisation. Gilt es nur an einzelnen Tagen, "
            "stattdessen beim Zeitfenster „nur nach Terminvereinbarung“ ankreuzen."
        ),
    )
    appointment_url = models.URLField(
        _("Link zur Terminvereinbarung"),
        blank=True,
        help_text=_("z. B. ein Online-Terminkalender."),
    )
    temporarily_closed = models.BooleanField(
        _("Vorübergehend geschlossen"), default=False
    )
    hours_note = models.TextField(
        _("Hinweis zu den Öffnungszeiten"),
        blank=True,
        help_text=_(
            "z. B. „An Feiertagen geschlossen“ oder „In den Sommerferien nur dienstags“."
        ),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("phone"), FieldPanel("email"), FieldPanel("website")],
            heading=_("Kontakt"),
        ),
        FieldPanel("place"),
        FieldPanel("categories", widget=forms.CheckboxSelectMultiple),
        FieldPanel("languages", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [
                InlinePanel("opening_hours", label=_("Zeitfenster")),
                FieldPanel("appointment_only"),
                FieldPanel("appointment_url"),
                FieldPanel("temporarily_closed"),
                FieldPanel("hours_note"),
            ],
            heading=_("Öffnungszeiten"),
        ),
    ]
    search_fields = [
        index.SearchField("name", boost=3),
        index.SearchField("description"),
        index.SearchField("hours_note"),
        index.SearchField("email"),
        # "0461 85-1653": the admin search finds "1653".
        index.SearchField("phone_text"),
        # German-aware keys of the above, the kind and the place, what the
        # site search asks for (core.search_text, site_search.search).
        index.AutocompleteField("search_terms"),
        index.FilterField("kind"),
        index.FilterField("locale"),
        index.FilterField("translation_key"),
    ]
    # A phone number is the same in every language: copied to translations,
    # neither translated nor overridden there (it is no text either, but a
    # ``PhoneNumber``, which wagtail-localize can neither extract nor store).
    override_translatable_fields = [SynchronizedField("phone", overridable=False)]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("Organisation")
        verbose_name_plural = _("Organisationen")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @cached_property
    def original(self) -> "Organisation":
        """The German original, whose facts every translation shows.

        A translation translates texts (name, description, note on the
        hours); phone, e-mail, website, place and opening hours are facts
        kept once, in the original. A translation's own copies of them are
        only as fresh as its last sync, so readers never see those: a
        Sunday slot added in German shows on the English page at once.
        """
        return german_original(
            self,
            Organisation.objects.select_related("place").prefetch_related(
                "opening_hours"
            ),
        )

    @property
    def phone_text(self) -> str:
        return phone_search_text(self.phone)

    @property
    def takes_appointments(self) -> bool:
        """Always by appointment, or on some days."""
        return self.appointment_only or any(
            slot.appointment_only for slot in self.opening_hours.all()
        )

    @property
    def search_terms(self) -> str:
        texts = searchable_texts(self, skip=("name", "search_terms"))
        texts.append(str(self.get_kind_display()))
        if self.place is not None:
            texts += [self.place.name, self.place.street, self.place.city]
            if self.place.district:
                texts.append(str(self.place.get_district_display()))
        return search_terms_for(
            title=self.name, texts=texts, language=self.locale.language_code
        )


class OpeningHoursSlot(Orderable):
    """One opening slot on one weekday. A slot that closes at or before it opens
    runs past midnight into the next day (e.g. 20:00–02:00)."""

    organisation = ParentalKey(
        Organisation, on_delete=models.CASCADE, related_name="opening_hours"
    )
    weekday = models.PositiveSmallIntegerField(_("Wochentag"), choices=Weekday.choices)
    opens = models.TimeField(_("von"))
    closes = models.TimeField(_("bis"))
    appointment_only = models.BooleanField(
        _("nur nach Terminvereinbarung"),
        default=False,
        help_text=_(
            "In diesem Zeitfenster nur mit Termin, z. B. „Mo 9–12 Uhr nur nach "
            "Terminvereinbarung“."
        ),
    )

    panels = [
        FieldPanel("weekday"),
        FieldPanel("opens"),
        FieldPanel("closes"),
        FieldPanel("appointment_only"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("Zeitfenster")
        verbose_name_plural = _("Öffnungszeiten")
        ordering = ["weekday", "opens"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(opens=models.F("closes")),
                name="opening_slot_not_empty",
                violation_error_message=_("Beginn und Ende dürfen nicht gleich sein."),
            )
        ]

    def __str__(self) -> str:
        text = f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"
        if self.appointment_only:
            text += f" ({_('nur nach Terminvereinbarung')})"
        return text

    @property
    def runs_past_midnight(self) -> bool:
        return self.closes <= self.opens
