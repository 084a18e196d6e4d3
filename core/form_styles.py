"""Public forms in KERN UX style, with hints and errors tied to their inputs."""

from django import forms
from django.utils.translation import gettext_lazy as _

WIDGET_CLASSES = {
    "checkbox": "kern-form-check__checkbox",
    "select": "kern-form-input__select",
}


class KernFormMixin:
    """Gives every widget its KERN class. Django itself links the hint
    (``<id>_helptext``) and the error (``<id>_error``) through
    ``aria-describedby`` and marks invalid fields with ``aria-invalid``;
    ``templates/components/form_field.html`` renders those ids."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for bound_field in self:
            widget = bound_field.field.widget
            css_class = WIDGET_CLASSES.get(
                bound_field.widget_type, "kern-form-input__input"
            )
            widget.attrs["class"] = css_class


class HoneypotFormMixin(forms.Form):
    """A field people never see (``components/honeypot.html`` hides it); bots
    fill it in, and the form then refuses the submission."""

    website = forms.CharField(
        label=_("Bitte dieses Feld leer lassen"), required=False, max_length=200
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("website"):
            raise forms.ValidationError(
                _(
                    "Ihre Eingabe sieht wie eine automatische Eingabe aus und wurde "
                    "nicht gespeichert. Bitte lassen Sie das letzte Feld leer."
                ),
                code="honeypot",
            )
        return cleaned


EMAIL_INVALID = _(
    "Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. "
    "name@beispiel.de, oder lassen Sie das Feld leer."
)


class ConsentFormMixin:
    """A visitor's submission is stored only with consent to the privacy notice."""

    consent_message = ""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consent"].required = True
        self.fields["consent"].error_messages["required"] = self.consent_message
