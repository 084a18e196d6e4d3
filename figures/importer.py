"""Import of values from CSV and XLSX files: read, check every row, then
write all of them or nothing.

The file has a heading row and one value per row. Columns (found by their
heading, in any order, any case):

- ``Zeitraum`` (or ``Datum``, ``Stichtag``, ``Periode``): ``31.12.2016`` or
  ``2016-12-31`` (a day), ``12/2016`` (a month), ``Q4/2016`` (a quarter),
  ``2016`` (a year); see ``figures.periods``;
- ``Wert`` (or ``Anzahl``): ``1.234,5`` with a German decimal comma and
  thousands dots (a dot alone is read as thousands dots, never as a decimal
  point); in XLSX also number cells;
- optional ``Aufschlüsselung`` (or ``Stadtteil``, ``Altersgruppe``,
  ``Aufenthaltsstatus``): a value the indicator's breakdown knows, empty or
  ``Gesamt`` for the total;
- optional ``Einheit``: if given, the indicator's unit.

CSV: ``;`` or ``,`` between columns, UTF-8 with or without byte order mark
(Windows-1252 is read too). XLSX: the first sheet.

The check (``check_file``) writes nothing; ``import_values`` writes all rows
of a file without errors in one transaction: a value for the same
indicator, period and breakdown is updated, not added a second time.
"""

from __future__ import annotations

import datetime
import hashlib
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from core.search_words import fold

from . import breakdowns
from .import_files import ImportFileError, parse_number, read_table
from .models import GranularityChoice, Import, Indicator, Source, Value
from .periods import parse_period, period_label

MAX_ROWS = 20_000
# The largest value the database keeps (16 digits, 4 after the comma).
MAX_VALUE = Decimal("999999999999.9999")

PERIOD_HEADINGS = {
    "zeitraum",
    "datum",
    "stichtag",
    "periode",
    "jahr",
    "quartal",
    "monat",
}
VALUE_HEADINGS = {"wert", "anzahl", "value"}
BREAKDOWN_HEADINGS = {
    "aufschluesselung",
    "stadtteil",
    "altersgruppe",
    "aufenthaltsstatus",
    "status",
    "gruppe",
}
UNIT_HEADINGS = {"einheit"}

NEW, CHANGED, UNCHANGED = "new", "changed", "unchanged"


@dataclass
class Row:
    line: int  # as a spreadsheet numbers it: the heading is line 1
    period: str
    breakdown: str
    value: str
    start: datetime.date | None = None
    granularity: str = ""
    breakdown_key: str = ""
    number: Decimal | None = None
    errors: list[str] = field(default_factory=list)
    status: str = ""

    @property
    def key(self) -> tuple:
        return (self.granularity, self.start, self.breakdown_key)


@dataclass
class Check:
    """The result of checking a file: its rows with their errors."""

    filename: str
    sha256: str
    rows: list[Row]
    errors: list[str] = field(default_factory=list)  # about the whole file

    @property
    def error_rows(self) -> list[Row]:
        return [row for row in self.rows if row.errors]

    @property
    def is_valid(self) -> bool:
        return bool(self.rows) and not self.errors and not self.error_rows

    def count(self, status: str) -> int:
        return sum(1 for row in self.rows if row.status == status)


def _column(headings: list[str], names: set[str]) -> int | None:
    for index, heading in enumerate(headings):
        if fold(heading.strip()) in names:
            return index
    return None


def _cell(row: list[str], index: int | None) -> str:
    if index is None or index >= len(row):
        return ""
    return row[index].strip()


def _check_row(row: Row, indicator: Indicator, unit: str) -> None:
    parsed = parse_period(row.period)
    if not row.period:
        row.errors.append(_("Der Zeitraum fehlt."))
    elif parsed is None:
        row.errors.append(
            _(
                "„%(text)s“ ist kein Zeitraum. Möglich sind z. B. 31.12.2016, Q4/2016, 12/2016 oder 2016."
            )
            % {"text": row.period}
        )
    else:
        row.start, row.granularity = parsed[0], str(parsed[1])
    if not row.value:
        row.errors.append(_("Der Wert fehlt."))
    else:
        row.number = parse_number(row.value)
        if row.number is None:
            row.errors.append(
                _(
                    "„%(text)s“ ist keine Zahl. Bitte mit Dezimalkomma schreiben, z. B. 1.234,5."
                )
                % {"text": row.value}
            )
        elif abs(row.number) > MAX_VALUE or row.number.as_tuple().exponent < -4:
            row.errors.append(
                _("Der Wert ist zu groß oder hat mehr als vier Nachkommastellen.")
            )
    dimension = indicator.breakdown
    key = breakdowns.parse(dimension, row.breakdown)
    if key is None:
        if not dimension:
            row.errors.append(
                _(
                    "„%(text)s“: Diese Kennzahl ist nicht aufgeschlüsselt; die Spalte bitte leer lassen."
                )
                % {"text": row.breakdown}
            )
        else:
            known = ", ".join(
                breakdowns.label(dimension, known)
                for known, _name in breakdowns.choices(dimension)
            )
            row.errors.append(
                _(
                    "„%(text)s“ gibt es bei „%(dimension)s“ nicht. Möglich sind: %(known)s."
                )
                % {
                    "text": row.breakdown,
                    "dimension": breakdowns.Dimension(dimension).label,
                    "known": known,
                }
            )
    else:
        row.breakdown_key = key
    if unit and fold(unit) != fold(indicator.unit):
        row.errors.append(
            _("Die Einheit „%(unit)s“ passt nicht zur Kennzahl (%(expected)s).")
            % {"unit": unit, "expected": indicator.unit}
        )


def _granularity_name(granularity: str) -> str:
    return str(GranularityChoice(granularity).label)


def check_file(indicator: Indicator, data: bytes, filename: str, source=None) -> Check:
    """Every row of the file checked against ``indicator`` (its German
    original); nothing is written. Two queries: the existing values."""
    indicator = indicator.original
    checked = Check(filename=filename, sha256=hashlib.sha256(data).hexdigest(), rows=[])
    try:
        table = read_table(data, filename)
    except ImportFileError as error:
        checked.errors.append(str(error))
        return checked
    table = [row for row in table if any(cell.strip() for cell in row)]
    if not table:
        checked.errors.append(_("Die Datei ist leer."))
        return checked
    headings, body = table[0], table[1:]
    period_at = _column(headings, PERIOD_HEADINGS)
    value_at = _column(headings, VALUE_HEADINGS)
    breakdown_at = _column(headings, BREAKDOWN_HEADINGS)
    unit_at = _column(headings, UNIT_HEADINGS)
    if period_at is None or value_at is None:
        checked.errors.append(
            _(
                "Die erste Zeile muss die Spalten „Zeitraum“ und „Wert“ benennen (gefunden: %(found)s)."
            )
            % {"found": ", ".join(f"„{h}“" for h in headings if h.strip()) or "–"}
        )
        return checked
    if len(body) > MAX_ROWS:
        checked.errors.append(
            _("Die Datei hat mehr als %(max)s Zeilen. Bitte in mehrere Dateien teilen.")
            % {"max": f"{MAX_ROWS:,}".replace(",", ".")}
        )
        return checked
    existing = {
        (value.granularity, value.period_start, value.breakdown): value
        for value in Value.objects.filter(indicator=indicator)
    }
    granularities = {key[0] for key in existing}
    seen: dict[tuple, int] = {}
    for number, cells in enumerate(body, start=2):
        row = Row(
            line=number,
            period=_cell(cells, period_at),
            breakdown=_cell(cells, breakdown_at),
            value=_cell(cells, value_at),
        )
        _check_row(row, indicator, _cell(cells, unit_at))
        checked.rows.append(row)
        if row.errors:
            continue
        if granularities and row.granularity not in granularities:
            row.errors.append(
                _(
                    "Diese Kennzahl hat Werte je %(existing)s; diese Zeile nennt einen Zeitraum je %(row)s."
                )
                % {
                    "existing": ", ".join(
                        _granularity_name(g) for g in sorted(granularities)
                    ),
                    "row": _granularity_name(row.granularity),
                }
            )
            continue
        granularities = granularities or {row.granularity}
        if row.key in seen:
            row.errors.append(
                _("Zeitraum %(period)s steht schon in Zeile %(line)s.")
                % {
                    "period": period_label(row.start, row.granularity),
                    "line": seen[row.key],
                }
            )
            continue
        seen[row.key] = row.line
        old = existing.get(row.key)
        if old is None:
            row.status = NEW
        elif old.value == row.number and (source is None or old.source_id == source.pk):
            row.status = UNCHANGED
        else:
            row.status = CHANGED
    if not checked.rows:
        checked.errors.append(_("Die Datei enthält unter der Kopfzeile keine Werte."))
    return checked


def import_values(
    indicator: Indicator, source: Source, data: bytes, filename: str, user
) -> tuple[Check, Import | None]:
    """Check the file again and, only if every row is valid, write all its
    values in one transaction and record the import. Returns the check and
    the import record (None if nothing was written)."""
    indicator = indicator.original
    with transaction.atomic():
        checked = check_file(indicator, data, filename, source=source)
        if not checked.is_valid:
            return checked, None
        existing = {
            (value.granularity, value.period_start, value.breakdown): value
            for value in Value.objects.select_for_update().filter(indicator=indicator)
        }
        new, changed = [], []
        for row in checked.rows:
            old = existing.get(row.key)
            if old is None:
                new.append(
                    Value(
                        indicator=indicator,
                        granularity=row.granularity,
                        period_start=row.start,
                        breakdown=row.breakdown_key,
                        value=row.number,
                        source=source,
                        entered_by=user,
                    )
                )
            elif row.status == CHANGED:
                old.value, old.source, old.entered_by = row.number, source, user
                changed.append(old)
        Value.objects.bulk_create(new, batch_size=1000)
        # bulk_update leaves auto_now alone: set the time of the change.
        now = datetime.datetime.now(datetime.UTC)
        for value in changed:
            value.updated_at = now
        Value.objects.bulk_update(
            changed, ["value", "source", "entered_by", "updated_at"], batch_size=1000
        )
        # Saved last: its signal purges the page cache once for the whole file.
        record = Import.objects.create(
            indicator=indicator,
            source=source,
            user=user,
            filename=filename[:255],
            sha256=checked.sha256,
            rows=len(checked.rows),
            created_count=len(new),
            updated_count=len(changed),
            unchanged_count=checked.count(UNCHANGED),
        )
    return checked, record
