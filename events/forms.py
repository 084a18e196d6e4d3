"""The topics of events and the filter form of the event lists."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.form_styles import KernFormMixin


class EventTopic(models.TextChoices):
    """Topics of events. The value is the stable slug of the topic's calendar
    (``kalender/<slug>/``) and filter; never change a value once published."""

    FORUM = "forum", _("Forum")
    COMMITTEE = "gremium", _("Ausschuss/Gremium")
    COUNSELLING = "beratung", _("Beratung")
    LANGUAGE = "sprache", _("Sprache")
    ENCOUNTER = "begegnung", _("Begegnung")


class EventFilterForm(KernFormMixin, forms.Form):
    """The GET form of the event lists (shareable URLs, no JavaScript)."""

    thema = forms.ChoiceField(
        label=_("Thema"),
        required=False,
        choices=[("", _("Alle Themen")), *EventTopic.choices],
        error_messages={
            "invalid_choice": _(
                "Dieses Thema gibt es nicht. Bitte wählen Sie eines aus der Liste."
            )
        },
    )
