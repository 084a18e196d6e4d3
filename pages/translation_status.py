"""Which translations are out of date against their German source.

wagtail-localize extracts a source's strings when a translation is made or
synced (``TranslationSource.last_updated_at``). A German page published after
that has changes no translation contains yet.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from wagtail.models import Locale

from wagtail_localize.models import StringTranslation, TranslationSource

from core.translations import default_locale


@dataclass
class TranslationRow:
    title: str
    kind: str
    edit_url: str
    changed_at: datetime.datetime | None
    extracted_at: datetime.datetime
    languages: list[str] = field(default_factory=list)

    @property
    def outdated(self) -> bool:
        return self.changed_at is not None and self.changed_at > self.extracted_at


def translation_status() -> list[TranslationRow]:
    """Every translated German object, outdated ones first."""
    sources = (
        TranslationSource.objects.filter(locale=Locale.get_default())
        .select_related("specific_content_type")
        .prefetch_related("translations__target_locale")
    )
    rows = []
    for source in sources:
        translations = [t for t in source.translations.all() if t.enabled]
        if not translations:
            continue
        try:
            instance = source.get_source_instance()
        except source.specific_content_type.model_class().DoesNotExist:
            continue
        changed_at = getattr(instance, "last_published_at", None) or getattr(
            instance, "latest_revision_created_at", None
        )
        rows.append(
            TranslationRow(
                title=str(getattr(instance, "title", instance)),
                kind=str(instance._meta.verbose_name),
                edit_url=source.get_source_instance_edit_url() or "",
                changed_at=changed_at,
                extracted_at=source.last_updated_at,
                languages=sorted(
                    t.target_locale.get_display_name() for t in translations
                ),
            )
        )
    rows.sort(key=lambda row: (not row.outdated, row.title))
    return rows


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
