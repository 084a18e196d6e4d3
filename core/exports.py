"""Admin listings exported for office software, as a German office opens them.

Wagtail's own list export (``list_export`` on a viewset,
``SpreadsheetExportMixin``) does the work: the listing's filters and search
apply, the buttons sit in the listing's "…" menu. This mixin shapes its
output for LibreOffice and Excel in Germany: CSV with semicolons and a UTF-8
byte order mark (so umlauts survive a double click), times in Flensburg's
local time ("05.12.2026 14:30"; in XLSX real date cells in that format), and
texts that a spreadsheet would take for a formula ("=HYPERLINK(…)", CSV/XLSX
injection) neutralised. Exporting visitors' personal data is a permission of
its own (``export_<model>``); without it there are no buttons and a 403.
"""

from __future__ import annotations

import codecs
import csv
import datetime

from django.core.exceptions import PermissionDenied
from django.http import StreamingHttpResponse
from django.utils import timezone
from django.utils.functional import cached_property

from wagtail.admin.views.mixins import Echo
from wagtail.snippets.views.snippets import IndexView

CSV_DELIMITER = ";"
LOCAL_DATETIME_FORMAT = "%d.%m.%Y %H:%M"
XLSX_DATETIME_FORMAT = "DD.MM.YYYY HH:MM"
# What makes Excel or LibreOffice Calc read a cell as a formula (OWASP).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
EXPORT_ACTION = "export"


def looks_like_formula(value) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def neutralise_formula(value):
    """A leading apostrophe makes a spreadsheet show the text as text."""
    return f"'{value}" if looks_like_formula(value) else value


def local_datetime(value: datetime.datetime) -> datetime.datetime:
    """Local (Europe/Berlin) wall-clock time, without a time zone."""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.replace(tzinfo=None)


class OfficeSpreadsheetExportMixin:
    """For a view with Wagtail's ``SpreadsheetExportMixin`` (see module doc)."""

    sheet_title = ""

    @cached_property
    def can_export(self) -> bool:
        return self.permission_policy.user_has_permission(
            self.request.user, EXPORT_ACTION
        )

    @cached_property
    def show_export_buttons(self):
        return bool(self.list_export) and self.can_export

    def as_spreadsheet(self, queryset, spreadsheet_format):
        if not self.can_export:
            raise PermissionDenied
        return super().as_spreadsheet(queryset, spreadsheet_format)

    def get_filename(self):
        return f"{super().get_filename()}-{timezone.localdate():%Y-%m-%d}"

    def preprocess_field_value(self, field, value, export_format):
        if isinstance(value, datetime.datetime):
            value = local_datetime(value)
            if export_format == self.FORMAT_CSV:
                return value.strftime(LOCAL_DATETIME_FORMAT)
            return value
        value = super().preprocess_field_value(field, value, export_format)
        if export_format == self.FORMAT_CSV:
            return neutralise_formula(value)
        return value

    def stream_csv(self, queryset):
        yield codecs.BOM_UTF8
        writer = csv.DictWriter(
            Echo(), fieldnames=self.list_export, delimiter=CSV_DELIMITER
        )
        yield writer.writerow(
            {field: self.get_heading(queryset, field) for field in self.list_export}
        )
        for item in queryset:
            yield self.write_csv_row(writer, self.to_row_dict(item))

    def write_csv_response(self, queryset):
        response = StreamingHttpResponse(
            self.stream_csv(queryset), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = (
            f'attachment; filename="{self.get_filename()}.csv"'
        )
        return response

    def write_xlsx(self, queryset, output):
        from openpyxl import Workbook

        workbook = Workbook(write_only=True)
        worksheet = workbook.create_sheet(
            title=str(self.sheet_title or self.model._meta.verbose_name_plural)[:31]
        )
        worksheet.append(
            self.get_heading(queryset, field) for field in self.list_export
        )
        for item in queryset:
            worksheet.append(
                self.generate_xlsx_row(
                    worksheet, self.to_row_dict(item), XLSX_DATETIME_FORMAT
                )
            )
        workbook.save(output)

    def generate_xlsx_row(self, worksheet, row_dict, date_format=None):
        for cell in super().generate_xlsx_row(worksheet, row_dict, date_format):
            if looks_like_formula(cell.value):
                # Text as text: kept as typed, never evaluated, also not
                # after someone edits the cell (Excel's and Calc's own mark).
                cell.data_type = "s"
                cell.quotePrefix = True
            yield cell


class OfficeExportSnippetIndexView(OfficeSpreadsheetExportMixin, IndexView):
    """A snippet listing whose export is shaped for office software."""
