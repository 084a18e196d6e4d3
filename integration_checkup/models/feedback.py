from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel

from .measures import MeasureSheet

FEEDBACK_MAX_LENGTH = 5000


class FeedbackStatus(models.TextChoices):
    PENDING = "pending", _("Neu, noch nicht geprüft")
    APPROVED = "approved", _("Freigegeben")
    REJECTED = "rejected", _("Nicht veröffentlicht")


class Feedback(models.Model):
    """A visitor's feedback on a measure sheet; public only once staff approve it."""

    measure = models.ForeignKey(
        MeasureSheet,
        on_delete=models.CASCADE,
        related_name="feedback",
        verbose_name=_("Maßnahmensteckbrief"),
    )
    text = models.TextField(_("Rückmeldung"), max_length=FEEDBACK_MAX_LENGTH)
    name = models.CharField(_("Name"), max_length=120, blank=True)
    email = models.EmailField(_("E-Mail"), blank=True)
    consent = models.BooleanField(_("Einwilligung Datenschutz"), default=False)
    status = models.CharField(
        _("Status"),
        max_length=20,
        choices=FeedbackStatus.choices,
        default=FeedbackStatus.PENDING,
    )
    created_at = models.DateTimeField(_("Eingegangen am"), auto_now_add=True)
    moderation_note = models.TextField(
        _("Interne Notiz"), blank=True, help_text=_("Nur für die Redaktion sichtbar.")
    )

    panels = [
        FieldPanel("measure", read_only=True),
        FieldPanel("text", read_only=True),
        FieldRowPanel(
            [FieldPanel("name", read_only=True), FieldPanel("email", read_only=True)]
        ),
        FieldPanel("status"),
        FieldPanel("moderation_note"),
    ]

    class Meta:
        verbose_name = _("Rückmeldung")
        verbose_name_plural = _("Rückmeldungen")
        ordering = ["-created_at"]
        # Visitors' names and e-mail addresses leave the admin only with it.
        permissions = [("export_feedback", _("Rückmeldungen exportieren"))]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(consent=True),
                name="feedback_requires_consent",
                violation_error_message=_("Ohne Einwilligung wird nichts gespeichert."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.measure.number}: {self.text[:60]}"
