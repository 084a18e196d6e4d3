"""An indicator's values as files: CSV for spreadsheets, JSON for programs.

The CSV is made for a German spreadsheet opened by a double click:
semicolons, a UTF-8 byte order mark, decimal commas, dates as 31.12.2016,
texts that would start a formula neutralised (``core.exports``). Headings
are in the reader's language. The JSON (also the API's ``values``) has
ISO dates and numbers, and names each value's source and licence.
"""

from __future__ import annotations

import codecs
import csv
import io

from django.utils.translation import gettext as _

from core.exports import CSV_DELIMITER, neutralise_formula

from . import breakdowns
from .models import Indicator, Source, Value
from .periods import period_end, period_label
from .selectors import text_language


def decimal_comma(value) -> str:
    """``1234.5000`` -> ``1234,5`` (no thousands dots: a spreadsheet reads it)."""
    text = format(value.normalize(), "f")
    return text.replace(".", ",")


def csv_headings() -> list[str]:
    return [
        _("Zeitraum"),
        _("Beginn"),
        _("Ende"),
        _("Aufschlüsselung"),
        _("Wert"),
        _("Einheit"),
        _("Herausgeber"),
        _("Quelle"),
        _("Adresse der Quelle"),
        _("Abgerufen am"),
        _("Lizenz"),
        _("Hinweis"),
    ]


def _date(value) -> str:
    return f"{value:%d.%m.%Y}" if value else ""


def indicator_csv(indicator: Indicator) -> bytes:
    """The values of ``indicator`` (loaded by ``with_facts``) as CSV."""
    original, texts = indicator.original, indicator.texts
    note = _("Beispieldaten, keine echten Zahlen") if original.is_example else ""
    total = _("Gesamt")
    # Labels and source cells once per breakdown value and source, not per row.
    labels: dict[str, str] = {}
    sources: dict[int, list[str]] = {}
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=CSV_DELIMITER, lineterminator="\r\n")
    writer.writerow(csv_headings())
    for value in original.values.all():
        if value.breakdown not in labels:
            labels[value.breakdown] = (
                breakdowns.label(original.breakdown, value.breakdown) or total
            )
        if value.source_id not in sources:
            source = value.source
            sources[value.source_id] = [
                source.publisher,
                source.title,
                source.url,
                _date(source.retrieved),
                source.licence_label,
            ]
        row = [
            period_label(value.period_start, value.granularity),
            _date(value.period_start),
            _date(period_end(value.period_start, value.granularity)),
            labels[value.breakdown],
            decimal_comma(value.value),
            texts.unit,
            *sources[value.source_id],
            note,
        ]
        writer.writerow([neutralise_formula(cell) for cell in row])
    return codecs.BOM_UTF8 + buffer.getvalue().encode("utf-8")


def source_data(source: Source) -> dict:
    return {
        "id": source.pk,
        "publisher": source.publisher,
        "title": source.title,
        "url": source.url,
        "retrieved": source.retrieved.isoformat() if source.retrieved else None,
        "licence": {
            "code": source.licence,
            "name": source.licence_label,
            "url": source.licence_link,
        },
        "entered_by": source.entered_by_name,
    }


def value_data(indicator: Indicator, value: Value, labels: dict | None = None) -> dict:
    """One value as plain data; ``labels`` keeps the breakdown labels
    (one translation lookup per breakdown value, not per value)."""
    labels = {} if labels is None else labels
    if value.breakdown not in labels:
        labels[value.breakdown] = (
            breakdowns.label(indicator.original.breakdown, value.breakdown) or None
        )
    end = period_end(value.period_start, value.granularity)
    return {
        "period": period_label(value.period_start, value.granularity),
        "granularity": value.granularity,
        "start": value.period_start.isoformat(),
        "end": end.isoformat() if end else None,
        "breakdown": value.breakdown or None,
        "breakdown_label": labels[value.breakdown],
        "value": float(value.value),
        "source": value.source_id,
    }


def indicator_data(indicator: Indicator, *, with_values: bool = True) -> dict:
    """The indicator, its values and their sources as plain data."""
    original, texts = indicator.original, indicator.texts
    breakdown = original.breakdown
    data = {
        "slug": original.slug,
        "title": texts.title,
        "language": text_language(indicator),
        "description": texts.description,
        "unit": texts.unit,
        "counts": texts.counts,
        "method_note": texts.method_note,
        "chart_kind": original.chart_kind,
        "breakdown": {
            "value": breakdown,
            "label": str(breakdowns.Dimension(breakdown).label),
        }
        if breakdown
        else None,
        "decimals": original.decimals,
        "is_example": original.is_example,
    }
    if with_values:
        values = list(original.values.all())
        sources = {value.source_id: value.source for value in values}
        labels: dict[str, str | None] = {}
        data["values"] = [value_data(indicator, value, labels) for value in values]
        data["sources"] = [source_data(source) for source in sources.values()]
    return data
