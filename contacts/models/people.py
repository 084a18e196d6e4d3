from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index

from phonenumber_field.modelfields import PhoneNumberField
from wagtail_localize.fields import SynchronizedField

from .organisations import Organisation


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
