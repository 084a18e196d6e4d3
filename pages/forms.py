"""Public forms of the pages app."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.form_styles import HoneypotFormMixin, KernFormMixin
from pages.models.accessibility import BarrierReport


class BarrierReportForm(KernFormMixin, HoneypotFormMixin, forms.ModelForm):
    """Report a barrier (BITV feedback route)."""

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
            "email": {
                "invalid": _(
                    "Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. "
                    "name@beispiel.de, oder lassen Sie das Feld leer."
                )
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consent"].required = True
        self.fields["consent"].error_messages["required"] = _(
            "Bitte stimmen Sie den Datenschutzhinweisen zu. Ohne Ihre Zustimmung "
            "dürfen wir die Meldung nicht speichern."
        )

    def clean_description(self):
        text = self.cleaned_data["description"].strip()
        if not text:
            raise forms.ValidationError(
                self.fields["description"].error_messages["required"]
            )
        return text
