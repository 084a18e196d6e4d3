"""Small, valid (and invalid) document files built in memory for the tests."""

import io
import zipfile

# A tiny PDF with one empty page; the validator only looks at its header.
MINIMAL_PDF = (
    b"%PDF-1.4\n"
    b"1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n"
    b"2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n"
    b"3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]>> endobj\n"
    b"trailer <</Root 1 0 R>>\n%%EOF\n"
)

PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01"

OOXML_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/></Types>'
)


def zip_bytes(entries: dict[str, str | bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            # OpenDocument wants "mimetype" first and uncompressed.
            method = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            archive.writestr(name, data, compress_type=method)
    return buffer.getvalue()


def odf_bytes(kind: str) -> bytes:
    """An OpenDocument file; kind is "text" (ODT) or "spreadsheet" (ODS)."""
    return zip_bytes(
        {
            "mimetype": f"application/vnd.oasis.opendocument.{kind}",
            "content.xml": '<?xml version="1.0" encoding="UTF-8"?><office:document-content/>',
            "META-INF/manifest.xml": '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest/>',
        }
    )


def ooxml_bytes(folder: str) -> bytes:
    """An Office Open XML file; folder is "word" (DOCX) or "xl" (XLSX)."""
    main_part = "document.xml" if folder == "word" else "workbook.xml"
    return zip_bytes(
        {
            "[Content_Types].xml": OOXML_CONTENT_TYPES,
            "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships/>',
            f"{folder}/{main_part}": '<?xml version="1.0" encoding="UTF-8"?><root/>',
        }
    )


VALID_FILES = {
    "arbeitspapier.pdf": MINIMAL_PDF,
    "protokoll.odt": odf_bytes("text"),
    "tabelle.ods": odf_bytes("spreadsheet"),
    "massnahme.docx": ooxml_bytes("word"),
    "zahlen.xlsx": ooxml_bytes("xl"),
}
