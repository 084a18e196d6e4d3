"""How far each German page and snippet is translated, per language.

For every other language a German object is "nicht übersetzt" (no
translation, or only an alias of the German page), "in Arbeit" (a draft made
by "Übersetzen", readers still see German), "veraltet" (published, but the
German text changed after wagtail-localize last extracted its strings:
``TranslationSource.last_updated_at``) or "aktuell". Each state names the
action that moves it on, with its link.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.models import DraftStateMixin, Locale, Page

from wagtail_localize.models import StringTranslation, TranslationSource

from core.translations import default_locale

MISSING, DRAFT, OUTDATED, CURRENT = "missing", "draft", "outdated", "current"
STATUS_LABELS = {
    MISSING: _("nicht übersetzt"),
    DRAFT: _("in Arbeit"),
    OUTDATED: _("veraltet"),
    CURRENT: _("aktuell"),
}
ACTION_LABELS = {
    MISSING: _("Übersetzen"),
    DRAFT: _("Übersetzung fortsetzen"),
    OUTDATED: _("Übersetzung synchronisieren"),
    CURRENT: _("Übersetzung öffnen"),
}


@dataclass
class LanguageStatus:
    locale: Locale
    status: str
    action_url: str

    @property
    def language(self) -> str:
        return self.locale.get_display_name()

    @property
    def label(self) -> str:
        return str(STATUS_LABELS[self.status])

    @property
    def action(self) -> str:
        return str(ACTION_LABELS[self.status])


@dataclass
class TranslationRow:
    """One German page or snippet and its state in every other language."""

    title: str
    kind: str
    edit_url: str
    changed_at: datetime.datetime | None
    extracted_at: datetime.datetime | None
    languages: list[LanguageStatus] = field(default_factory=list)

    def with_status(self, status: str) -> list[LanguageStatus]:
        return [language for language in self.languages if language.status == status]

    @property
    def outdated(self) -> bool:
        return bool(self.with_status(OUTDATED))

    @property
    def summary(self) -> str:
        """e.g. "Übersetzungen: 3 aktuell, 1 veraltet, 2 nicht übersetzt"."""
        parts = [
            f"{len(found)} {STATUS_LABELS[status]}"
            for status in (CURRENT, OUTDATED, DRAFT, MISSING)
            if (found := self.with_status(status))
        ]
        return f"{_('Übersetzungen')}: {', '.join(parts)}"


def target_locales() -> list[Locale]:
    """Every language but German, in the order of ``settings.LANGUAGES``."""
    order = {code: index for index, (code, _name) in enumerate(settings.LANGUAGES)}
    default = default_locale()
    return sorted(
        Locale.objects.exclude(pk=default.pk),
        key=lambda locale: order.get(locale.language_code, len(order)),
    )


def _edit_url(model, pk) -> str:
    if issubclass(model, Page):
        return reverse("wagtailadmin_pages:edit", args=[pk])
    viewset = getattr(model, "snippet_viewset", None)
    return reverse(viewset.get_url_name("edit"), args=[pk]) if viewset else ""


def _submit_url(model, pk, locale: Locale) -> str:
    if issubclass(model, Page):
        url = reverse("wagtail_localize:submit_page_translation", args=[pk])
    else:
        meta = model._meta
        url = reverse(
            "wagtail_localize:submit_snippet_translation",
            args=[meta.app_label, meta.model_name, pk],
        )
    return f"{url}?select_locale={locale.language_code}"


def translation_rows(objects, *, locales: list[Locale] | None = None) -> list:
    """A ``TranslationRow`` for each German object of one model, with a
    fixed number of queries for all of them."""
    objects = list(objects)
    if not objects:
        return []
    model = type(objects[0])
    base = Page if issubclass(model, Page) else model
    locales = target_locales() if locales is None else locales
    default = default_locale()
    keys = [obj.translation_key for obj in objects]
    fields = ["pk", "translation_key", "locale_id"]
    if issubclass(base, Page):
        fields.append("alias_of_id")
    if issubclass(base, DraftStateMixin):
        fields += ["live", "last_published_at"]
    found = {
        (row["translation_key"], row["locale_id"]): row
        for row in base.objects.filter(translation_key__in=keys)
        .exclude(locale=default)
        .values(*fields)
    }
    sources = {
        source.object_id: source
        for source in TranslationSource.objects.filter(
            object_id__in=keys, locale=default
        )
    }
    rows = []
    for obj in objects:
        source = sources.get(obj.translation_key)
        changed_at = getattr(obj, "last_published_at", None) or getattr(
            obj, "latest_revision_created_at", None
        )
        changed = bool(source and changed_at and changed_at > source.last_updated_at)
        row = TranslationRow(
            title=str(getattr(obj, "title", obj)),
            kind=str(_kind(obj)),
            edit_url=_edit_url(model, obj.pk),
            changed_at=changed_at,
            extracted_at=source.last_updated_at if source else None,
        )
        for locale in locales:
            translation = found.get((obj.translation_key, locale.pk))
            if translation is None or translation.get("alias_of_id"):
                status, url = MISSING, _submit_url(model, obj.pk, locale)
            elif not translation.get("live", True):
                status, url = DRAFT, _edit_url(model, translation["pk"])
            elif changed or _behind(translation, source):
                status = OUTDATED
                url = reverse("wagtail_localize:update_translations", args=[source.pk])
            else:
                status, url = CURRENT, _edit_url(model, translation["pk"])
            row.languages.append(LanguageStatus(locale, status, url))
        rows.append(row)
    return rows


def _behind(translation: dict, source) -> bool:
    """The German strings were extracted anew ("Synchronisiere übersetzte
    Seiten" without "Sofort veröffentlichen") after the translation was last
    published: its readers do not have the new texts yet."""
    published = translation.get("last_published_at")
    return bool(source and published and published < source.last_updated_at)


def _kind(obj) -> str:
    if isinstance(obj, Page):
        return obj.specific_class._meta.verbose_name
    return obj._meta.verbose_name


def translation_status() -> list[TranslationRow]:
    """Every German page (translated or not) in the order of the page tree,
    then every German snippet that has been submitted for translation;
    content with an outdated translation first."""
    default = default_locale()
    locales = target_locales()
    pages = Page.objects.filter(locale=default, depth__gt=1).order_by("path")
    rows = translation_rows(pages, locales=locales)
    sources = TranslationSource.objects.filter(locale=default).select_related(
        "specific_content_type"
    )
    by_model: dict = {}
    for source in sources:
        model = source.specific_content_type.model_class()
        if model is not None and not issubclass(model, Page):
            by_model.setdefault(model, []).append(source.object_id)
    for model, keys in by_model.items():
        snippets = model.objects.filter(translation_key__in=keys, locale=default)
        rows += translation_rows(snippets, locales=locales)
    rows.sort(key=lambda row: not row.outdated)  # stable: tree order kept
    return rows


def outdated_translations() -> list[tuple[TranslationRow, LanguageStatus]]:
    """(content, language) of every outdated translation, for the dashboard."""
    return [
        (row, language)
        for row in translation_status()
        if row.outdated
        for language in row.with_status(OUTDATED)
    ]


EXAMPLE_TOOL = "Beispielübersetzung"


def translation_kind(page) -> str:
    """How a translated page was made, from wagtail-localize's records:
    "example" (demo content), "machine" (machine translation) or ""."""
    default = default_locale()
    if page.locale_id == default.pk:
        return ""
    made = set(
        StringTranslation.objects.filter(
            locale_id=page.locale_id,
            translation_of__segments__source__object_id=page.translation_key,
            translation_of__segments__source__locale=default,
        ).values_list("translation_type", "tool_name")
    )
    if any(tool == EXAMPLE_TOOL for _type, tool in made):
        return "example"
    if any(kind == StringTranslation.TRANSLATION_TYPE_MACHINE for kind, _tool in made):
        return "machine"
    return ""
