"""Barrier reports: what visitors send from the accessibility statement's
form (``pages.views.barrier_report``); staff answer in the admin."""

import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel


class BarrierReportStatus(models.TextChoices):
    NEW = "new", _("Neu")
    IN_PROGRESS = "in_progress", _("In Bearbeitung")
    DONE = "done", _("Erledigt")


# Random bytes of a report's public token: 256 bits, 43 URL-safe characters.
PUBLIC_TOKEN_BYTES = 32


def new_public_token() -> str:
    return secrets.token_urlsafe(PUBLIC_TOKEN_BYTES)


class BarrierReport(models.Model):
    """A visitor's report of a barrier; staff answer within the legal deadline.

    The thanks page after sending is addressed by ``public_token``, not by the
    number: numbers can be counted through, a random token cannot, so nobody
    learns how many reports came in or when.
    """

    page_url = models.CharField(_("Betroffene Seite"), max_length=500, blank=True)
    description = models.TextField(_("Beschreibung der Barriere"), max_length=5000)
    name = models.CharField(_("Name"), max_length=120, blank=True)
    email = models.EmailField(_("E-Mail für die Antwort"), blank=True)
    consent = models.BooleanField(_("Einwilligung Datenschutz"), default=False)
    status = models.CharField(
        _("Status"), max_length=20, choices=BarrierReportStatus.choices, default="new"
    )
    created_at = models.DateTimeField(_("Eingegangen am"), auto_now_add=True)
    staff_note = models.TextField(_("Interne Notiz"), blank=True)
    public_token = models.CharField(
        _("Schlüssel der Bestätigungsseite"),
        max_length=64,
        unique=True,
        default=new_public_token,
        editable=False,
    )

    panels = [
        FieldPanel("page_url", read_only=True),
        FieldPanel("description", read_only=True),
        FieldPanel("name", read_only=True),
        FieldPanel("email", read_only=True),
        FieldPanel("status"),
        FieldPanel("staff_note"),
    ]

    class Meta:
        verbose_name = _("Meldung einer Barriere")
        verbose_name_plural = _("Meldungen von Barrieren")
        ordering = ["-created_at"]
        # Visitors' names and e-mail addresses leave the admin only with it.
        permissions = [("export_barrierreport", _("Gemeldete Barrieren exportieren"))]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(consent=True),
                name="barrier_report_requires_consent",
                violation_error_message=_("Ohne Einwilligung wird nichts gespeichert."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.pk}: {self.description[:60]}"
