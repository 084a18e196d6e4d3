"""Formatting helpers for what visitors and editors read."""

from django.utils.formats import number_format

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
