"""Public forms of the pages app."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.form_styles import (
    EMAIL_INVALID,
    ConsentFormMixin,
    HoneypotFormMixin,
    KernFormMixin,
)
from pages.models.barrier_report import BarrierReport


class BarrierReportForm(
    KernFormMixin, HoneypotFormMixin, ConsentFormMixin, forms.ModelForm
):
    """Report a barrier (BITV feedback route)."""

    consent_message = _(
        "Bitte stimmen Sie den Datenschutzhinweisen zu. Ohne Ihre Zustimmung "
        "dürfen wir die Meldung nicht speichern."
    )

    class Meta:
        model = BarrierReport
        fields = ["page_url", "description", "name", "email", "consent"]
        labels = {
            "page_url": _("Auf welcher Seite?"),
            "description": _("Was ist nicht barrierefrei?"),
            "name": _("Ihr Name"),
            "email": _("Ihre E-Mail-Adresse für unsere Antwort"),
            "consent": _(
                "Ich habe die Datenschutzhinweise gelesen und bin einverstanden, dass "
                "meine Meldung gespeichert und bearbeitet wird."
            ),
        }
        help_texts = {
            "page_url": _("Adresse oder Titel der Seite, wenn Sie ihn wissen."),
            "description": _(
                "Beschreiben Sie kurz, was nicht funktioniert. Höchstens 5.000 Zeichen."
            ),
            "email": _("Ohne E-Mail-Adresse können wir Ihnen nicht antworten."),
        }
        widgets = {"description": forms.Textarea(attrs={"rows": 8})}
        error_messages = {
            "description": {
                "required": _("Bitte beschreiben Sie die Barriere."),
                "max_length": _(
                    "Ihre Beschreibung ist zu lang: höchstens %(limit_value)d Zeichen, "
                    "Ihr Text hat %(show_value)d Zeichen."
                ),
            },
            "email": {"invalid": EMAIL_INVALID},
        }
