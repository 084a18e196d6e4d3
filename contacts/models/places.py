from urllib.parse import urlencode

from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import TranslatableMixin

GERMAN_POSTCODE = RegexValidator(
    r"^(?!00)\d{5}$",
    _("Bitte eine deutsche Postleitzahl mit fünf Ziffern eingeben, z. B. 24937."),
)


class District(models.TextChoices):
    """Flensburg's districts (Stadtteile), plus places outside the city."""

    ALTSTADT = "altstadt", "Altstadt"
    NEUSTADT = "neustadt", "Neustadt"
    NORDSTADT = "nordstadt", "Nordstadt"
    WESTLICHE_HOEHE = "westliche-hoehe", "Westliche Höhe"
    FRIESISCHER_BERG = "friesischer-berg", "Friesischer Berg"
    WEICHE = "weiche", "Weiche"
    SUEDSTADT = "suedstadt", "Südstadt"
    SANDBERG = "sandberg", "Sandberg"
    JUERGENSBY = "juergensby", "Jürgensby"
    FRUERLUND = "fruerlund", "Fruerlund"
    MUERWIK = "muerwik", "Mürwik"
    ENGELSBY = "engelsby", "Engelsby"
    TARUP = "tarup", "Tarup"
    OUTSIDE = "ausserhalb", _("außerhalb Flensburgs")


class Place(TranslatableMixin, models.Model):
    """An address where help is given: for the directory, the map link and schema.org."""

    name = models.CharField(
        _("Bezeichnung"), max_length=150, help_text=_("z. B. „Rathaus, Eingang B“")
    )
    street = models.CharField(_("Straße und Hausnummer"), max_length=150)
    # Longer than five so that a wrong length gets the postcode message below.
    postcode = models.CharField(
        _("Postleitzahl"), max_length=10, validators=[GERMAN_POSTCODE]
    )
    city = models.CharField(_("Ort"), max_length=100, default="Flensburg")
    district = models.CharField(
        _("Stadtteil"), max_length=30, choices=District.choices, blank=True
    )
    latitude = models.DecimalField(
        _("Breitengrad"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_("Für den Link zur Karte, z. B. 54.782300"),
    )
    longitude = models.DecimalField(
        _("Längengrad"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text=_("z. B. 9.436500"),
    )
    accessibility = models.TextField(
        _("Barrierefreiheit vor Ort"),
        blank=True,
        help_text=_("z. B. „Stufenloser Eingang, Aufzug, barrierefreies WC“."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("street"),
        FieldRowPanel([FieldPanel("postcode"), FieldPanel("city")]),
        FieldPanel("district"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")])],
            heading=_("Koordinaten"),
        ),
        FieldPanel("accessibility"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("Ort")
        verbose_name_plural = _("Orte")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name}, {self.street}"

    @property
    def has_coordinates(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    @property
    def map_url(self) -> str:
        """OpenStreetMap for this place; a link only, no map is loaded into the page."""
        if self.has_coordinates:
            return f"https://www.openstreetmap.org/?mlat={self.latitude}&mlon={self.longitude}#map=18/{self.latitude}/{self.longitude}"
        query = urlencode({"query": f"{self.street}, {self.postcode} {self.city}"})
        return f"https://www.openstreetmap.org/search?{query}"
