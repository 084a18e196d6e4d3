"""The directory's filter form: GET, shareable URLs, works without JavaScript."""

from django import forms
from django.conf.locale import LANG_INFO
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from core.admin_forms import LocaleUniqueAdminForm
from core.form_styles import KernFormMixin
from core.listing import search_query_field

from .models import District


def language_option(language) -> tuple[str, str]:
    """How the filter names a language: in the reader's language where
    Django's catalogues know it ("Arabisch", "арабська"), else in the
    language itself ("Kurdî"), which the option then marks with its lang."""
    info = LANG_INFO.get(language.code)
    if info:
        label = gettext(info["name"])
        if label != info["name"] or get_language() == "en":
            return label, ""
    return language.native_name, language.code


class LanguageSelect(forms.Select):
    """A select whose options can carry a ``lang`` of their own (WCAG 3.1.2):
    an option cannot hold a <span lang>."""

    def __init__(self, *args, option_languages=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.option_languages = option_languages or {}

    def create_option(self, name, value, label, selected, index, **kwargs):
        option = super().create_option(name, value, label, selected, index, **kwargs)
        if code := self.option_languages.get(value):
            option["attrs"]["lang"] = code
        return option


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
        options = {language.code: language_option(language) for language in languages}
        self.fields["sprache"].widget = LanguageSelect(
            option_languages={
                code: lang for code, (_label, lang) in options.items() if lang
            }
        )
        self.fields["sprache"].choices = [("", _("Alle"))] + [
            (code, label) for code, (label, _lang) in options.items()
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
