"""The directory's filter form: GET, shareable URLs, works without JavaScript."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.admin_forms import LocaleUniqueAdminForm
from core.form_styles import KernFormMixin
from core.listing import search_query_field

from .models import District


class DirectoryFilterForm(KernFormMixin, forms.Form):
    kategorie = forms.ChoiceField(
        label=_("Art der Hilfe"),
        required=False,
        error_messages={"invalid_choice": _("Diese Kategorie gibt es nicht.")},
    )
    stadtteil = forms.ChoiceField(
        label=_("Stadtteil"),
        required=False,
        choices=[("", _("Alle"))] + list(District.choices),
        error_messages={"invalid_choice": _("Diesen Stadtteil gibt es nicht.")},
    )
    sprache = forms.ChoiceField(
        label=_("Sprache"),
        required=False,
        error_messages={
            "invalid_choice": _("Diese Sprache gibt es im Verzeichnis nicht.")
        },
    )
    q = search_query_field()

    def __init__(self, *args, categories=(), languages=(), **kwargs):
        super().__init__(*args, **kwargs)
        self._categories = {category.slug: category for category in categories}
        self._languages = {language.code: language for language in languages}
        self.fields["kategorie"].choices = [("", _("Alle"))] + [
            (category.slug, category.name) for category in categories
        ]
        self.fields["sprache"].choices = [("", _("Alle"))] + [
            (language.code, f"{language.name} – {language.native_name}")
            for language in languages
        ]

    def filters(self) -> dict:
        """Keyword arguments for ``selectors.organisation_list``."""
        data = self.cleaned_data
        return {
            "category": self._categories.get(data.get("kategorie") or ""),
            "district": data.get("stadtteil") or "",
            "language": self._languages.get(data.get("sprache") or ""),
            "query": data.get("q") or "",
        }


class HelpCategoryAdminForm(LocaleUniqueAdminForm):
    locale_unique_fields = ("slug",)
