"""Import of CSV and XLSX files: every row checked, German errors per row,
nothing written until the whole file is valid, re-imports update."""

import datetime
import hashlib
import io
from decimal import Decimal

import pytest
from openpyxl import Workbook

from figures.import_files import parse_number
from figures.importer import CHANGED, NEW, UNCHANGED, check_file, import_values
from figures.models import Import, Value
from figures.periods import parse_period

from .factories import IndicatorFactory, SourceFactory, ValueFactory


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("31.12.2016", (datetime.date(2016, 12, 31), "day")),
        ("2016-12-31", (datetime.date(2016, 12, 31), "day")),
        ("Q4/2016", (datetime.date(2016, 10, 1), "quarter")),
        ("q1 2017", (datetime.date(2017, 1, 1), "quarter")),
        ("4. Quartal 2016", (datetime.date(2016, 10, 1), "quarter")),
        ("12/2016", (datetime.date(2016, 12, 1), "month")),
        ("2016", (datetime.date(2016, 1, 1), "year")),
        ("31.02.2016", None),
        ("Q5/2016", None),
        ("13/2016", None),
        ("gestern", None),
    ],
)
def test_periods(text, expected):
    assert parse_period(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.234,5", Decimal("1234.5")),
        ("1234,5", Decimal("1234.5")),
        ("1.234", Decimal("1234")),
        ("1 234", Decimal("1234")),
        ("-3", Decimal("-3")),
        ("0,25", Decimal("0.25")),
        ("1.5", None),  # a dot is never a decimal point
        ("12,3,4", None),
        ("viele", None),
    ],
)
def test_german_numbers(text, expected):
    assert parse_number(text) == expected


def csv_bytes(text: str, *, bom: bool = False) -> bytes:
    data = text.replace("\n", "\r\n").encode()
    return b"\xef\xbb\xbf" + data if bom else data


@pytest.fixture
def indicator(db):
    return IndicatorFactory(breakdown="district")


@pytest.fixture
def source(db):
    return SourceFactory()


def test_valid_csv_with_semicolons_and_bom(indicator, source, superuser):
    data = csv_bytes(
        "Zeitraum;Stadtteil;Wert;Einheit\n"
        "Q4/2016;Jürgensby;1.234,5;Personen\n"
        "Q4/2016;Gesamt;4.000;Personen\n"
        "Q1/2017;juergensby;1.240;Personen\n",
        bom=True,
    )
    checked, record = import_values(indicator, source, data, "werte.csv", superuser)
    assert checked.is_valid, [row.errors for row in checked.rows]
    assert record.created_count == 3
    assert record.sha256 == hashlib.sha256(data).hexdigest()
    assert record.user == superuser
    values = {
        (v.period_start, v.breakdown): v.value
        for v in Value.objects.filter(indicator=indicator)
    }
    assert values == {
        (datetime.date(2016, 10, 1), "juergensby"): Decimal("1234.5"),
        (datetime.date(2016, 10, 1), ""): Decimal("4000"),
        (datetime.date(2017, 1, 1), "juergensby"): Decimal("1240"),
    }
    assert set(Value.objects.values_list("entered_by", flat=True)) == {superuser.pk}


def test_comma_delimiter_and_quoted_decimal_comma(indicator, source, superuser):
    data = csv_bytes('Datum,Wert\n31.12.2016,"12,5"\n')
    indicator.breakdown = ""
    indicator.save()
    checked, record = import_values(indicator, source, data, "werte.csv", superuser)
    assert checked.is_valid
    assert Value.objects.get().value == Decimal("12.5")


def test_errors_per_row_in_german_and_nothing_written(indicator, source, superuser):
    data = csv_bytes(
        "Zeitraum;Stadtteil;Wert\n"
        "Q4/2016;Jürgensby;10\n"
        "Q4/2016;Nordstadtt;10\n"
        "31.02.2016;Jürgensby;10\n"
        "Q1/2017;Jürgensby;1.5\n"
        "Q4/2016;Jürgensby;11\n"
        "Q2/2017;Jürgensby;\n"
    )
    checked, record = import_values(indicator, source, data, "werte.csv", superuser)
    assert record is None
    assert not Value.objects.exists() and not Import.objects.exists()
    errors = {row.line: row.errors for row in checked.rows}
    assert errors[2] == []
    assert "„Nordstadtt“ gibt es bei „Stadtteil“ nicht" in errors[3][0]
    assert "„31.02.2016“ ist kein Zeitraum" in errors[4][0]
    assert "„1.5“ ist keine Zahl" in errors[5][0]
    assert errors[6] == ["Zeitraum Q4/2016 steht schon in Zeile 2."]
    assert errors[7] == ["Der Wert fehlt."]


def test_reimport_of_the_same_period_updates(indicator, source, superuser):
    first = csv_bytes("Zeitraum;Stadtteil;Wert\nQ4/2016;Mürwik;10\nQ1/2017;Mürwik;20\n")
    import_values(indicator, source, first, "a.csv", superuser)
    newer = SourceFactory(title="Korrektur")
    second = csv_bytes(
        "Zeitraum;Stadtteil;Wert\nQ4/2016;Mürwik;10\nQ1/2017;Mürwik;21\nQ2/2017;Mürwik;30\n"
    )
    checked = check_file(indicator, second, "b.csv", source=source)
    assert [row.status for row in checked.rows] == [UNCHANGED, CHANGED, NEW]
    _checked, record = import_values(indicator, newer, second, "b.csv", superuser)
    assert (record.created_count, record.updated_count, record.unchanged_count) == (
        1,
        2,
        0,
    )
    assert Value.objects.count() == 3
    updated = Value.objects.get(period_start=datetime.date(2017, 1, 1))
    assert (updated.value, updated.source) == (Decimal("21"), newer)
    # The very same file again: nothing new.
    _checked, again = import_values(indicator, newer, second, "b.csv", superuser)
    assert (again.created_count, again.updated_count, again.unchanged_count) == (
        0,
        0,
        3,
    )
    assert Value.objects.count() == 3


def test_other_granularity_than_existing_values_is_refused(indicator, source):
    ValueFactory(indicator=indicator, source=source, breakdown="muerwik")
    checked = check_file(
        indicator, csv_bytes("Zeitraum;Stadtteil;Wert\n2017;Mürwik;1\n"), "x.csv"
    )
    assert "Diese Kennzahl hat Werte je Quartal" in checked.rows[0].errors[0]


def test_unit_must_match(indicator):
    checked = check_file(
        indicator, csv_bytes("Zeitraum;Wert;Einheit\n2017;1;Euro\n"), "x.csv"
    )
    assert checked.rows[0].errors == [
        "Die Einheit „Euro“ passt nicht zur Kennzahl (Personen)."
    ]


@pytest.mark.parametrize(
    ("data", "filename", "message"),
    [
        (b"", "leer.csv", "Die Datei ist leer."),
        (b"Jahr;Anzahl\n", "kopf.csv", "keine Werte"),
        (b"Foo;Bar\n1;2\n", "falsch.csv", "„Zeitraum“ und „Wert“"),
        (b"%PDF-1.4", "bericht.pdf", "CSV-Datei (.csv) oder Excel-Datei (.xlsx)"),
        (b"PK\x03\x04kaputt", "kaputt.xlsx", "keine lesbare Excel-Datei"),
    ],
)
def test_unreadable_files_get_one_german_error(indicator, data, filename, message):
    checked = check_file(indicator, data, filename)
    assert not checked.is_valid
    assert message in " ".join(checked.errors)


def test_windows_1252_csv(indicator, source, superuser):
    data = "Zeitraum;Stadtteil;Wert\n2016;Südstadt;5\n".encode("cp1252")
    checked, record = import_values(indicator, source, data, "alt.csv", superuser)
    assert checked.is_valid
    assert Value.objects.get().breakdown == "suedstadt"


def test_xlsx_with_number_and_date_cells(indicator, source, superuser):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Stichtag", "Stadtteil", "Wert"])
    sheet.append([datetime.datetime(2016, 12, 31), "Weiche", 12.5])
    sheet.append(["31.03.2017", "Weiche", "1.300"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    checked, record = import_values(
        indicator, source, buffer.getvalue(), "w.xlsx", superuser
    )
    assert checked.is_valid, [row.errors for row in checked.rows]
    assert sorted(Value.objects.values_list("value", flat=True)) == [
        Decimal("12.5"),
        Decimal("1300"),
    ]
