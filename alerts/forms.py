"""The subscription form: address, topics, frequency."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from disposable_email_domains import blocklist

from core.form_styles import HoneypotFormMixin

from .models import Subscriber
from .topics import Group, parse_value

EMAIL_REQUIRED = _("Bitte geben Sie Ihre E-Mail-Adresse an, z. B. name@beispiel.de.")
EMAIL_INVALID = _(
    "Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. name@beispiel.de."
)
EMAIL_DISPOSABLE = _(
    "Adressen von Wegwerf-E-Mail-Diensten nehmen wir nicht an. Bitte geben Sie "
    "eine Adresse an, unter der Sie E-Mails dauerhaft erhalten."
)
TOPICS_REQUIRED = _("Bitte wählen Sie mindestens ein Thema aus.")
TOPICS_INVALID = _(
    "Dieses Thema gibt es nicht (mehr). Bitte wählen Sie eines aus der Liste."
)


def is_disposable(domain: str) -> bool:
    """The domain or one it belongs to (``x.mailinator.com``) is on the list."""
    parts = domain.lower().rstrip(".").split(".")
    return any(".".join(parts[i:]) in blocklist for i in range(len(parts) - 1))


class SubscribeForm(HoneypotFormMixin, forms.Form):
    email = forms.EmailField(
        label=_("Ihre E-Mail-Adresse"),
        max_length=254,
        error_messages={
            "required": EMAIL_REQUIRED,
            "invalid": EMAIL_INVALID,
            "max_length": EMAIL_INVALID,
        },
        widget=forms.EmailInput(
            attrs={
                "autocomplete": "email",
                "class": "kern-form-input__input",
                "spellcheck": "false",
                "dir": "ltr",
            }
        ),
    )
    topics = forms.MultipleChoiceField(
        label=_("Worüber möchten Sie informiert werden?"),
        error_messages={"required": TOPICS_REQUIRED, "invalid_choice": TOPICS_INVALID},
        widget=forms.CheckboxSelectMultiple,
    )
    frequency = forms.ChoiceField(
        label=_("Wie oft möchten Sie E-Mails erhalten?"),
        choices=Subscriber.Frequency.choices,
        initial=Subscriber.Frequency.IMMEDIATE,
        error_messages={
            "required": _("Bitte wählen Sie, wie oft Sie E-Mails erhalten möchten."),
            "invalid_choice": _("Bitte wählen Sie „sofort“ oder „täglich“."),
        },
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, groups: list[Group], **kwargs):
        super().__init__(*args, **kwargs)
        self.groups = groups
        self.fields["topics"].choices = [
            (choice.value, choice.label) for group in groups for choice in group.choices
        ]

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip().lower()
        domain = email.rpartition("@")[2]
        if is_disposable(domain):
            raise forms.ValidationError(EMAIL_DISPOSABLE, code="disposable")
        return email

    def topic_pairs(self) -> list[tuple[str, str]]:
        return [parse_value(value) for value in self.cleaned_data["topics"]]

    def checked(self) -> set[str]:
        """The values to show ticked (what was sent, or the initial ones)."""
        if self.is_bound:
            return set(self.data.getlist("topics"))
        return set(self.initial.get("topics", []))

    def grouped(self) -> list[dict]:
        """The groups with each choice's input id and state, numbered in the
        field's order (``id_topics_0`` is the error summary's anchor)."""
        checked = self.checked()
        index = 0
        result = []
        for group in self.groups:
            items = []
            for choice in group.choices:
                items.append(
                    {
                        "choice": choice,
                        "id": f"id_topics_{index}",
                        "checked": choice.value in checked,
                    }
                )
                index += 1
            result.append(
                {
                    "group": group,
                    "items": items,
                    "any_checked": any(i["checked"] for i in items),
                }
            )
        return result
