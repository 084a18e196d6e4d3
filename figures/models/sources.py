from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel


class Licence(models.TextChoices):
    DL_BY = "dl-de/by-2-0", _("Datenlizenz Deutschland – Namensnennung – 2.0")
    DL_ZERO = "dl-de/zero-2-0", _("Datenlizenz Deutschland – Zero – 2.0")
    CC_BY = "cc-by-4.0", _("Creative Commons Namensnennung 4.0 (CC BY 4.0)")
    CC0 = "cc0-1.0", _("CC0 1.0 (gemeinfrei)")
    OWN = "own", _("Eigene Erhebung der Koordinierungsstelle")
    OTHER = "other", _("Andere Lizenz (unten angeben)")


LICENCE_URLS = {
    Licence.DL_BY: "https://www.govdata.de/dl-de/by-2-0",
    Licence.DL_ZERO: "https://www.govdata.de/dl-de/zero-2-0",
    Licence.CC_BY: "https://creativecommons.org/licenses/by/4.0/deed.de",
    Licence.CC0: "https://creativecommons.org/publicdomain/zero/1.0/deed.de",
}


class Source(models.Model):
    """Where a set of values comes from: who published it, where, when it
    was retrieved, under which licence, and who entered it here.

    Not translated: a publisher's and a document's names are shown as
    published (in German, marked so).
    """

    publisher = models.CharField(
        _("Herausgeber"),
        max_length=200,
        help_text=_("z. B. „Stadt Flensburg, Fachbereich Soziales“"),
    )
    title = models.CharField(
        _("Titel der Quelle"),
        max_length=300,
        help_text=_("z. B. „Statistischer Bericht Q1/2017“"),
    )
    url = models.URLField(_("Adresse (URL)"), blank=True, max_length=500)
    retrieved = models.DateField(_("Abgerufen am"), null=True, blank=True)
    licence = models.CharField(
        _("Lizenz"), max_length=20, choices=Licence.choices, default=Licence.DL_BY
    )
    licence_name = models.CharField(
        _("Name der anderen Lizenz"), max_length=200, blank=True
    )
    licence_url = models.URLField(_("Adresse der anderen Lizenz"), blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("Erfasst von"),
    )
    created_at = models.DateTimeField(_("Erfasst am"), auto_now_add=True)

    panels = [
        FieldPanel("publisher"),
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("url"), FieldPanel("retrieved")]),
        MultiFieldPanel(
            [
                FieldPanel("licence"),
                FieldPanel("licence_name"),
                FieldPanel("licence_url"),
            ],
            heading=_("Lizenz"),
        ),
    ]

    class Meta:
        verbose_name = _("Quelle")
        verbose_name_plural = _("Quellen")
        ordering = ["publisher", "title"]

    def __str__(self) -> str:
        return f"{self.publisher}: {self.title}"

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.licence == Licence.OTHER and not self.licence_name:
            raise ValidationError(
                {"licence_name": _("Bitte den Namen der Lizenz angeben.")}
            )

    @property
    def licence_label(self) -> str:
        if self.licence == Licence.OTHER:
            return self.licence_name
        return str(self.get_licence_display())

    @property
    def licence_link(self) -> str:
        if self.licence == Licence.OTHER:
            return self.licence_url
        return LICENCE_URLS.get(self.licence, "")

    @property
    def entered_by_name(self) -> str:
        """The name readers see: the full name, never the login."""
        user = self.entered_by
        return user.get_full_name() if user is not None else ""
