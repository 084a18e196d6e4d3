"""core.validators: which files editors may upload, judged by name and content."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

import pytest

from core.formatting import format_file_size
from core.validators import (
    ALLOWED_EXTENSIONS,
    detect_document_type,
    validate_document_file,
    validate_document_size,
)
from tests.core.document_files import (
    MINIMAL_PDF,
    PNG_HEADER,
    VALID_FILES,
    odf_bytes,
    ooxml_bytes,
    zip_bytes,
)
from tests.flensburg_site.test_settings import load_settings

MB = 1024 * 1024
ONLY_TYPES = "Nur PDF-, ODT-, DOCX-, XLSX- und ODS-Dateien sind erlaubt."


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


def rejection(name: str, content: bytes, max_size: int = 20 * MB) -> list[str]:
    with pytest.raises(ValidationError) as error:
        validate_document_file(upload(name, content), max_size=max_size)
    return error.value.messages


@pytest.mark.parametrize(("name", "content"), VALID_FILES.items())
def test_each_allowed_type_is_accepted_and_detected(name, content):
    uploaded = upload(name, content)

    validate_document_file(uploaded, max_size=20 * MB)

    assert detect_document_type(uploaded) == name.rsplit(".", 1)[1]
    assert uploaded.tell() == 0, "the file must be rewound for storing"


def test_extension_is_case_insensitive():
    validate_document_file(upload("BERICHT.PDF", MINIMAL_PDF), max_size=MB)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("setup.exe", b"MZ\x90\x00" + bytes(100), ONLY_TYPES),
        ("notiz.txt", b"Nur Text", ONLY_TYPES),
        ("bild.png", PNG_HEADER, ONLY_TYPES),
        ("ohne-endung", MINIMAL_PDF, ONLY_TYPES),
        ("notiz.pdf", b"Nur Text, kein PDF", "Die Datei ist keine gültige PDF-Datei."),
        ("bild.docx", PNG_HEADER, "Die Datei ist keine gültige DOCX-Datei."),
        (
            "archiv.docx",
            zip_bytes({"liesmich.txt": "kein Office-Dokument"}),
            "Die Datei ist keine gültige DOCX-Datei.",
        ),
        (
            "ohne-teile.docx",
            zip_bytes({"[Content_Types].xml": "<Types/>"}),
            "Die Datei ist keine gültige DOCX-Datei.",
        ),
        (
            "tabelle.xlsx",
            ooxml_bytes("word"),
            "Die Datei ist keine gültige XLSX-Datei.",
        ),
        ("text.docx", ooxml_bytes("xl"), "Die Datei ist keine gültige DOCX-Datei."),
        (
            "text.odt",
            odf_bytes("spreadsheet"),
            "Die Datei ist keine gültige ODT-Datei.",
        ),
        (
            "praesentation.odt",
            odf_bytes("presentation"),
            "Die Datei ist keine gültige ODT-Datei.",
        ),
        ("text.pdf", odf_bytes("text"), "Die Datei ist keine gültige PDF-Datei."),
        ("zahlen.ods", MINIMAL_PDF, "Die Datei ist keine gültige ODS-Datei."),
        (
            "kaputt.odt",
            b"PK\x03\x04" + bytes(200),
            "Die Datei ist keine gültige ODT-Datei.",
        ),
    ],
)
def test_rejected_with_german_message(name, content, message):
    assert rejection(name, content) == [message]


def test_too_big_is_rejected_with_both_sizes():
    with pytest.raises(ValidationError) as error:
        validate_document_size(int(31.2 * MB), max_size=20 * MB)

    assert error.value.messages == [
        "Die Datei ist zu groß: 31,2 MB. Erlaubt sind höchstens 20 MB."
    ]
    assert error.value.code == "file_too_large"


def test_size_limit_is_inclusive():
    validate_document_size(20 * MB, max_size=20 * MB)
    assert rejection("gross.pdf", MINIMAL_PDF, max_size=len(MINIMAL_PDF) - 1)


@pytest.mark.parametrize(
    ("size", "label"),
    [
        (0, "0 Byte"),
        (512, "512 Byte"),
        (1024, "1 KB"),
        (240 * 1024 + 100, "240 KB"),
        (1023 * 1024, "1023 KB"),
        (int(1023.8 * 1024), "1 MB"),
        (int(1.2 * MB), "1,2 MB"),
        (20 * MB, "20 MB"),
        (int(31.2 * MB), "31,2 MB"),
        (3 * 1024 * MB, "3 GB"),
    ],
)
def test_file_sizes_read_the_german_way(size, label):
    assert format_file_size(size) == label


def test_settings_allow_exactly_the_types_the_validator_checks():
    checked = list(ALLOWED_EXTENSIONS)

    assert checked == settings.WAGTAILDOCS_EXTENSIONS
    assert sorted(settings.WAGTAILDOCS_CONTENT_TYPES) == sorted(checked)
    assert settings.WAGTAILDOCS_INLINE_CONTENT_TYPES == []
    assert settings.WAGTAILDOCS_DOCUMENT_FORM_BASE == "core.forms.SiteDocumentForm"


@pytest.mark.parametrize(
    ("env", "expected"), [({}, 20 * MB), ({"DOCUMENT_MAX_UPLOAD_MB": "5"}, 5 * MB)]
)
def test_upload_limit_comes_from_the_environment(monkeypatch, env, expected):
    monkeypatch.delenv("DOCUMENT_MAX_UPLOAD_MB", raising=False)

    result = load_settings(
        "flensburg_site.settings.test", show="settings.DOCUMENT_MAX_UPLOAD_SIZE", **env
    )

    assert result.returncode == 0, result.stderr
    assert int(result.stdout) == expected
