"""Admin forms of the figures: the editing forms that record who entered a
source or a value, and the two steps of the import."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm

from core.admin_forms import LocaleUniqueAdminForm
from core.translations import default_locale_only

from . import breakdowns
from .models import Indicator, Source
from .periods import is_period_start


class EnteredByForm(WagtailAdminModelForm):
    """Records the editor who created the object."""

    def save(self, commit=True):
        if self.instance.entered_by_id is None and getattr(self, "for_user", None):
            self.instance.entered_by = self.for_user
        return super().save(commit=commit)


class IndicatorForm(LocaleUniqueAdminForm):
    locale_unique_fields = ("slug",)


class ValueForm(EnteredByForm):
    def clean(self):
        cleaned = super().clean()
        indicator = cleaned.get("indicator")
        start, granularity = cleaned.get("period_start"), cleaned.get("granularity")
        if start and granularity and not is_period_start(start, granularity):
            self.add_error(
                "period_start",
                _(
                    "Bitte den ersten Tag des Zeitraums angeben (z. B. 01.10.2016 für Q4/2016)."
                ),
            )
        if indicator is not None:
            key = breakdowns.parse(indicator.breakdown, cleaned.get("breakdown", ""))
            if key is None:
                known = ", ".join(
                    k for k, _n in breakdowns.choices(indicator.breakdown)
                )
                self.add_error(
                    "breakdown",
                    _(
                        "Diesen Wert kennt die Aufschlüsselung der Kennzahl nicht. Möglich: %(known)s"
                    )
                    % {"known": known or _("keiner (leer lassen)")},
                )
            else:
                cleaned["breakdown"] = key
                self.instance.breakdown = key
        return cleaned


def german_indicators():
    return default_locale_only(Indicator.objects.all()).order_by("sort_order", "title")


class ImportUploadForm(forms.Form):
    indicator = forms.ModelChoiceField(
        label=_("Kennzahl"),
        queryset=Indicator.objects.none(),
        empty_label=_("– bitte wählen –"),
    )
    source = forms.ModelChoiceField(
        label=_("Quelle"),
        queryset=Source.objects.none(),
        empty_label=_("– bitte wählen –"),
        help_text=_("Fehlt die Quelle, legen Sie sie zuerst unter „Quellen“ an."),
    )
    file = forms.FileField(
        label=_("Datei (CSV oder XLSX)"),
        help_text=_("Höchstens 1,5 MB und 20.000 Zeilen."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator"].queryset = german_indicators()
        self.fields["source"].queryset = Source.objects.all()

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > 1_500_000:
            raise ValidationError(
                _(
                    "Die Datei ist zu groß (höchstens 1,5 MB). Bitte in mehrere Dateien teilen."
                )
            )
        return upload


class ImportConfirmForm(forms.Form):
    """The second step: the checked file, signed, sent back with the button."""

    indicator = forms.ModelChoiceField(
        queryset=Indicator.objects.none(), widget=forms.HiddenInput
    )
    source = forms.ModelChoiceField(
        queryset=Source.objects.none(), widget=forms.HiddenInput
    )
    payload = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator"].queryset = german_indicators()
        self.fields["source"].queryset = Source.objects.all()
