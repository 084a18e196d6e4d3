"""Checks for uploaded documents: allowed type and size.

Editors may upload PDF, ODT, DOCX, XLSX and ODS only. A file name proves
nothing, so the content must match the extension too: a PDF starts with
``%PDF-``; OpenDocument and Office Open XML files are ZIP archives whose
``mimetype`` entry or ``[Content_Types].xml`` and main folder say what they are.
The admin form (``core.forms``) calls these checks; they are plain functions so
that other upload paths and tests can use them directly.
"""

import zipfile
from pathlib import PurePath
from typing import BinaryIO

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from core.formatting import format_file_size

ALLOWED_EXTENSIONS = ("pdf", "odt", "docx", "xlsx", "ods")

ODF_MIMETYPES = {
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
}
PDF_SIGNATURE = b"%PDF-"
OOXML_MAIN_FOLDERS = {"docx": "word/", "xlsx": "xl/"}
# An OpenDocument "mimetype" entry holds a few dozen bytes; never read more.
MIMETYPE_ENTRY_LIMIT = 100
# What a broken or hostile ZIP can raise while we look inside it.
ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    EOFError,
    OSError,
    ValueError,
    NotImplementedError,
    RuntimeError,
)


def file_extension(name: str) -> str:
    return PurePath(name).suffix[1:].lower()


def validate_document_size(size: int, *, max_size: int) -> None:
    if size > max_size:
        raise ValidationError(
            _("Die Datei ist zu groß: %(size)s. Erlaubt sind höchstens %(max_size)s.")
            % {"size": format_file_size(size), "max_size": format_file_size(max_size)},
            code="file_too_large",
        )


def validate_document_type(file: BinaryIO) -> None:
    """Reject files whose extension is not allowed or whose content does not match it.

    ``file`` is an uploaded file (it needs ``name``, ``read`` and ``seek``); it is
    left at position 0.
    """
    extension = file_extension(file.name or "")
    if extension not in ALLOWED_EXTENSIONS:
        raise ValidationError(
            _("Nur PDF-, ODT-, DOCX-, XLSX- und ODS-Dateien sind erlaubt."),
            code="invalid_extension",
        )
    if detect_document_type(file) != extension:
        raise ValidationError(
            _("Die Datei ist keine gültige %(type)s-Datei.")
            % {"type": extension.upper()},
            code="invalid_content",
        )


def validate_document_file(file: BinaryIO, *, max_size: int) -> None:
    """All checks for one upload: type first, because it is the likelier mistake."""
    validate_document_type(file)
    validate_document_size(file.size, max_size=max_size)


def detect_document_type(file: BinaryIO) -> str | None:
    """The extension the content belongs to ("pdf", "odt", …), or None."""
    try:
        file.seek(0)
        head = file.read(len(PDF_SIGNATURE))
        if head == PDF_SIGNATURE:
            return "pdf"
        if not head.startswith(b"PK"):
            return None
        file.seek(0)
        with zipfile.ZipFile(file) as archive:
            return _zip_document_type(archive)
    except ZIP_ERRORS:
        return None
    finally:
        file.seek(0)


def _zip_document_type(archive: zipfile.ZipFile) -> str | None:
    names = set(archive.namelist())
    if "mimetype" in names:
        with archive.open("mimetype") as entry:
            mimetype = entry.read(MIMETYPE_ENTRY_LIMIT).decode("ascii").strip()
        for extension, expected in ODF_MIMETYPES.items():
            if mimetype == expected:
                return extension
        return None
    if "[Content_Types].xml" in names:
        for extension, folder in OOXML_MAIN_FOLDERS.items():
            if any(name.startswith(folder) for name in names):
                return extension
    return None
