"""Formatting helpers for what visitors and editors read."""

from contextlib import nullcontext

from django.utils import formats
from django.utils.formats import number_format
from django.utils.translation import get_language, override

KIB = 1024
MIB = 1024 * KIB
GIB = 1024 * MIB


def format_file_size(size: int) -> str:
    """A file size the German way: "512 Byte", "240 KB", "1,2 MB", "20 MB".

    Binary units (1 KB = 1024 bytes) throughout; kilobytes are whole numbers,
    larger units get one decimal, and a trailing ",0" is dropped.
    """
    if size < KIB:
        return f"{size} Byte"
    kilobytes = round(size / KIB)
    if kilobytes < KIB:
        return f"{number_format(kilobytes)} KB"
    megabytes = round(size / MIB, 1)
    if megabytes < KIB:
        return f"{_one_decimal(megabytes)} MB"
    return f"{_one_decimal(round(size / GIB, 1))} GB"


def _one_decimal(value: float) -> str:
    """ "31,2" in the active locale, but "20" rather than "20,0"."""
    return number_format(int(value) if value.is_integer() else value)


# Languages whose readers write numbers in their own digits: Persian
# (Extended Arabic-Indic) digits on Farsi pages. Arabic readers in Germany
# mostly read Western digits, which the Arabic pages keep.
NATIVE_DIGITS = {"fa": str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")}


def localize_digits(text, language: str | None = None) -> str:
    """``text`` with the digits the reader's language writes numbers in
    (dates and counts; never phone numbers, which stay dialable)."""
    table = NATIVE_DIGITS.get((language or get_language() or "").split("-")[0])
    return str(text).translate(table) if table else str(text)


def format_date(value, language: str | None = None) -> str:
    """A date as the reader's language writes it (its ``DATE_FORMAT`` and
    digits): "9. Oktober 2017", "9 أكتوبر، 2017", "۹ اکتبر ۲۰۱۷"."""
    with override(language) if language else nullcontext():
        return localize_digits(formats.date_format(value, "DATE_FORMAT"))
