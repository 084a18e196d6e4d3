from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index

from phonenumber_field.modelfields import PhoneNumberField
from wagtail_localize.fields import SynchronizedField

from core.translations import german_original

from .organisations import Organisation, phone_search_text


class Person(TranslatableMixin, index.Indexed, models.Model):
    """A contact person, reused on every page that names them."""

    given_name = models.CharField(_("Vorname"), max_length=100)
    family_name = models.CharField(_("Nachname"), max_length=100)
    role = models.CharField(_("Funktion"), max_length=200, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="people",
        verbose_name=_("Organisation"),
    )
    phone = PhoneNumberField(_("Telefon"), blank=True, region="DE")
    email = models.EmailField(_("E-Mail"), blank=True)
    consultation_hours = models.TextField(
        _("Sprechzeiten"),
        blank=True,
        help_text=_("z. B. „Di und Do 9–12 Uhr und nach Vereinbarung“"),
    )

    panels = [
        FieldRowPanel([FieldPanel("given_name"), FieldPanel("family_name")]),
        FieldPanel("role"),
        FieldPanel("organisation"),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
        FieldPanel("consultation_hours"),
    ]
    search_fields = [
        index.SearchField("given_name"),
        index.SearchField("family_name", boost=2),
        index.SearchField("role"),
        index.SearchField("email"),
        # "0461 85-1653": the admin search finds "1653".
        index.SearchField("phone_text"),
        index.FilterField("locale"),
    ]
    # A phone number is the same in every language: copied to translations,
    # neither translated nor overridden there (it is no text either, but a
    # ``PhoneNumber``, which wagtail-localize can neither extract nor store).
    override_translatable_fields = [SynchronizedField("phone", overridable=False)]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("Person")
        verbose_name_plural = _("Personen")
        ordering = ["family_name", "given_name"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return f"{self.given_name} {self.family_name}"

    @property
    def phone_text(self) -> str:
        return phone_search_text(self.contact_phone)

    @property
    def contact_phone(self):
        """Her own number, else her organisation's: a person reached through
        the office's number needs no copy of it."""
        if self.phone:
            return self.phone
        return self.organisation.original.phone if self.organisation else None

    @property
    def contact_email(self) -> str:
        if self.email:
            return self.email
        return self.organisation.original.email if self.organisation else ""

    @cached_property
    def original(self) -> "Person":
        """The German original: phone, e-mail and organisation are facts kept
        there once (see ``Organisation.original``)."""
        return german_original(
            self, Person.objects.select_related("organisation", "organisation__place")
        )
