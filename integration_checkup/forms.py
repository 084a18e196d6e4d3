"""Public forms (filter, feedback) and the admin form of measure sheets."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.admin_forms import LocaleUniqueAdminForm
from core.form_styles import (
    EMAIL_INVALID,
    ConsentFormMixin,
    HoneypotFormMixin,
    KernFormMixin,
)
from core.listing import search_query_field
from core.translations import localize_objects

from .models.feedback import Feedback
from .models.measures import MeasureStatus
from .services import measure_paper_versions_number, measure_status_sync


class FieldOfActionAdminForm(LocaleUniqueAdminForm):
    locale_unique_fields = ("slug",)


class MeasureSheetAdminForm(LocaleUniqueAdminForm):
    """Keeps the sheet's current status in step with its status history."""

    locale_unique_fields = ("number",)

    def clean(self):
        cleaned = super().clean()
        history = self.formsets.get("status_changes")
        if history is not None and history.is_valid():
            entries = [
                form
                for form in history.forms
                if form.cleaned_data and not form.cleaned_data.get("DELETE")
            ]
            if not entries:
                self.add_error(
                    None,
                    _(
                        "Bitte tragen Sie im Statusverlauf mindestens einen Stand mit "
                        "Datum ein."
                    ),
                )
        return cleaned

    def save(self, commit=True):
        instance = super().save(commit=False)
        measure_status_sync(measure=instance)
        measure_paper_versions_number(measure=instance)
        if commit:
            instance.save()
            self.save_m2m()
        return instance


class MeasureFilterForm(KernFormMixin, forms.Form):
    """The GET form of the measure list: shareable URLs, works without JavaScript."""

    handlungsfeld = forms.ChoiceField(
        label=_("Handlungsfeld"),
        required=False,
        error_messages={"invalid_choice": _("Dieses Handlungsfeld gibt es nicht.")},
    )
    status = forms.ChoiceField(
        label=_("Stand"),
        required=False,
        choices=[("", _("Alle"))] + list(MeasureStatus.choices),
        error_messages={"invalid_choice": _("Diesen Stand gibt es nicht.")},
    )
    q = search_query_field()

    def __init__(self, *args, fields_of_action=(), **kwargs):
        super().__init__(*args, **kwargs)
        # Chosen by the German original, named in the reader's language.
        names = [field.name for field in localize_objects(fields_of_action)]
        self.fields["handlungsfeld"].choices = [("", _("Alle"))] + list(
            zip((field.slug for field in fields_of_action), names, strict=True)
        )
        self._fields_by_slug = {field.slug: field for field in fields_of_action}

    def selected_field(self):
        return self._fields_by_slug.get(self.cleaned_data.get("handlungsfeld") or "")


class FeedbackForm(KernFormMixin, HoneypotFormMixin, ConsentFormMixin, forms.ModelForm):
    """Feedback on a measure sheet. ``website`` is a honeypot people never see."""

    consent_message = _(
        "Bitte stimmen Sie den Datenschutzhinweisen zu. Ohne Ihre Zustimmung "
        "dürfen wir die Rückmeldung nicht speichern."
    )

    class Meta:
        model = Feedback
        fields = ["text", "name", "email", "consent"]
        labels = {
            "text": _("Ihre Rückmeldung"),
            "name": _("Ihr Name"),
            "email": _("Ihre E-Mail-Adresse"),
            "consent": _(
                "Ich habe die Datenschutzhinweise gelesen und bin einverstanden, dass "
                "meine Rückmeldung gespeichert und nach Prüfung veröffentlicht wird."
            ),
        }
        help_texts = {
            "text": _("Höchstens 5.000 Zeichen."),
            "email": _("Nur für Rückfragen. Sie wird nicht veröffentlicht."),
            "name": _(
                "Wird mit Ihrer Rückmeldung veröffentlicht, wenn Sie ihn angeben."
            ),
        }
        widgets = {"text": forms.Textarea(attrs={"rows": 8})}
        error_messages = {
            "text": {
                "required": _("Bitte schreiben Sie Ihre Rückmeldung."),
                "max_length": _(
                    "Ihre Rückmeldung ist zu lang: höchstens %(limit_value)d Zeichen, "
                    "Ihr Text hat %(show_value)d Zeichen."
                ),
            },
            "email": {"invalid": EMAIL_INVALID},
        }
