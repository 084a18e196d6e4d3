"""What a mail says about a change, in the subscriber's language: the title
and link of the translation where one is live, else the German original
(``lang`` says which, so the mail marks German text as such). Links stay in
the subscriber's language (an untranslated page is served under their
prefix too). Called inside ``translation.override(subscriber.language)``."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from wagtail.models import Locale, Page

from integration_checkup.models import CheckUpPage, MeasureSheet, MeasureStatus

from .models import Change


@dataclass(frozen=True)
class Item:
    kind: str  # the group in a digest
    title: str
    lang: str  # language of ``title``
    url: str
    detail: str = ""


KIND_LABELS = {
    "sheet-status": lambda: _("Neuer Stand eines Maßnahmensteckbriefs"),
    "paper": lambda: _("Neue Fassung eines Arbeitspapiers"),
    "news": lambda: _("Neu unter „Aktuelles“"),
    "event": lambda: _("Neue Veranstaltung"),
}


def kind_label(kind: str) -> str:
    return KIND_LABELS[kind]() if kind in KIND_LABELS else kind


def _locale() -> Locale | None:
    return Locale.objects.filter(language_code=get_language()).first()


def _in_language(obj, locale):
    """The live translation of ``obj`` in ``locale``, else ``obj``."""
    if locale is None or obj.locale_id == locale.pk:
        return obj
    translation = obj.get_translation_or_none(locale)
    if translation is not None and getattr(translation, "live", True):
        return translation
    return obj


def _url(page) -> str:
    """Absolute, on the same base as the mail's other links (the page's
    path in the active language; ``links.absolute``)."""
    from . import links

    parts = page.get_url_parts()
    return links.absolute(parts[2]) if parts and parts[2] else ""


def _page_item(change: Change, locale) -> Item | None:
    page = Page.objects.filter(pk=change.content.get("page_id")).first()
    if page is None or not page.live:
        return None
    page = _in_language(page.specific, locale)
    return Item(
        kind=change.kind,
        title=page.title,
        lang=page.locale.language_code,
        url=_url(page),
    )


def _sheet_item(change: Change, locale) -> Item | None:
    sheet = MeasureSheet.objects.filter(pk=change.content.get("sheet_id")).first()
    checkup = CheckUpPage.objects.live().filter(locale__language_code="de").first()
    if sheet is None or checkup is None:
        return None
    sheet = _in_language(sheet, locale)
    checkup = _in_language(checkup, locale)
    base = _url(checkup)
    if change.kind == "sheet-status":
        status = change.content.get("status", "")
        label = (
            MeasureStatus(status).label if status in MeasureStatus.values else status
        )
        detail = _("Neuer Stand: %(status)s") % {"status": label}
        url = base + checkup.measure_path(sheet.number)
    else:
        detail = _("Fassung %(number)s") % {"number": change.content.get("version")}
        note = change.content.get("note")
        if note:
            detail = f"{detail}: {note}"
        url = base + checkup.measure_path(sheet.number)
    return Item(
        kind=change.kind,
        title=f"{sheet.number}. {sheet.title}",
        lang=sheet.locale.language_code,
        url=url,
        detail=detail,
    )


def describe(change: Change) -> Item | None:
    """The change as the mail shows it in the active language; None when
    what changed is gone (unpublished or deleted since)."""
    locale = _locale()
    if change.kind in ("news", "event"):
        return _page_item(change, locale)
    if change.kind in ("sheet-status", "paper"):
        return _sheet_item(change, locale)
    return None
