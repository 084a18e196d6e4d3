"""Reading an uploaded CSV or XLSX file into rows of texts, and German
numbers out of them (see ``figures.importer`` for the format)."""

from __future__ import annotations

import csv
import datetime
import io
import re
import zipfile
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

MAX_FILE_BYTES = 1_500_000
# Rows read from a sheet at most (the importer refuses more than it takes).
MAX_TABLE_ROWS = 20_002


class ImportFileError(Exception):
    """The file as a whole cannot be read (message in German)."""


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252")


def read_csv(data: bytes) -> list[list[str]]:
    text = _decode(data)
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") >= first.count(",") else ","
    return list(csv.reader(io.StringIO(text), delimiter=delimiter))


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return f"{value:%d.%m.%Y}"
    if isinstance(value, datetime.date):
        return f"{value:%d.%m.%Y}"
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        # A number cell: written the German way, so one parser reads both.
        number = Decimal(str(value))
        return format(number, "f").replace(".", ",")
    return str(value)


def read_xlsx(data: bytes) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise ImportFileError(
            _("Die Datei ist keine lesbare Excel-Datei (XLSX).")
        ) from error
    try:
        sheet = workbook.worksheets[0]
        rows = []
        for row in sheet.iter_rows(values_only=True):
            rows.append([_cell_text(value) for value in row])
            if len(rows) > MAX_TABLE_ROWS:
                break
        return rows
    finally:
        workbook.close()


def read_table(data: bytes, filename: str) -> list[list[str]]:
    if len(data) > MAX_FILE_BYTES:
        raise ImportFileError(
            _(
                "Die Datei ist zu groß (höchstens 1,5 MB). Bitte in mehrere Dateien teilen."
            )
        )
    name = filename.lower()
    if name.endswith(".xlsx") or data.startswith(b"PK\x03\x04"):
        return read_xlsx(data)
    if name.endswith((".csv", ".txt")):
        if b"\x00" in data:
            raise ImportFileError(_("Die Datei ist keine Textdatei (CSV)."))
        return read_csv(data)
    raise ImportFileError(
        _("Bitte eine CSV-Datei (.csv) oder Excel-Datei (.xlsx) hochladen.")
    )


_GERMAN_NUMBER = re.compile(r"[-−]?\d{1,3}(\.\d{3})*(,\d+)?|[-−]?\d+(,\d+)?")


def parse_number(text: str) -> Decimal | None:
    """``1.234,5`` -> 1234.5; ``1234`` -> 1234; None if it is no German number."""
    text = text.strip().replace("\u00a0", "").replace(" ", "")
    if not _GERMAN_NUMBER.fullmatch(text):
        return None
    text = text.replace("−", "-").replace(".", "").replace(",", ".")
    try:
        return Decimal(text)
    except InvalidOperation:
        return None
