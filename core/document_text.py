"""The text inside uploaded documents, for the site search.

PDF (pypdf), DOCX (python-docx) and ODT (odfpy) give their text; other types
(spreadsheets) give none. Extraction never stops an upload: a corrupt,
encrypted or unreadable file gives an empty text and a logged warning. Only
the first ``MAX_PDF_PAGES`` pages and ``MAX_TEXT_LENGTH`` characters are
read, and an archive whose text part unpacks to more than ``MAX_XML_BYTES``
is not opened at all (a "zip bomb" must not fill the server's memory).
"""

from __future__ import annotations

import logging
import re
import zipfile
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from core.validators import file_extension

logger = logging.getLogger(__name__)

MAX_TEXT_LENGTH = 200_000
MAX_PDF_PAGES = 300
MAX_XML_BYTES = 50 * 1024 * 1024
# The part of each archive that holds the running text.
MAIN_XML_PARTS = {"docx": "word/document.xml", "odt": "content.xml"}
# NUL and other control characters (PostgreSQL cannot store NUL in text).
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
SPACES = re.compile(r"[^\S\n]+")
BLANK_LINES = re.compile(r"\n\s*\n+")


class TooLarge(Exception):
    """The document's text part unpacks to more than we are willing to read."""


class Encrypted(Exception):
    """The PDF needs a password to be read."""


def clean_text(text: str) -> str:
    """Control characters removed, runs of spaces and blank lines collapsed."""
    text = CONTROL_CHARACTERS.sub(" ", text)
    text = SPACES.sub(" ", text)
    text = BLANK_LINES.sub("\n\n", text)
    return text.strip()


def _join_limited(chunks: Iterable[str]) -> str:
    """Join text chunks until MAX_TEXT_LENGTH; stop reading after that."""
    parts, length = [], 0
    for chunk in chunks:
        chunk = clean_text(chunk)
        if not chunk:
            continue
        parts.append(chunk)
        length += len(chunk) + 1
        if length >= MAX_TEXT_LENGTH:
            break
    return "\n".join(parts)[:MAX_TEXT_LENGTH]


def _pdf_pages(file: BinaryIO) -> Iterator[str]:
    from pypdf import PdfReader

    reader = PdfReader(file)
    # Many PDFs are encrypted only against editing, with an empty password
    # for reading; anything else we cannot read.
    if reader.is_encrypted and not reader.decrypt(""):
        raise Encrypted
    for number, page in enumerate(reader.pages):
        if number >= MAX_PDF_PAGES:
            return
        yield page.extract_text() or ""


def _check_xml_size(file: BinaryIO, extension: str) -> None:
    with zipfile.ZipFile(file) as archive:
        info = archive.getinfo(MAIN_XML_PARTS[extension])
        if info.file_size > MAX_XML_BYTES:
            raise TooLarge(info.file_size)
    file.seek(0)


def _docx_paragraphs(file: BinaryIO) -> Iterator[str]:
    import docx
    from docx.oxml.ns import qn

    _check_xml_size(file, "docx")
    body = docx.Document(file).element.body
    text_tag, tab_tag, break_tag = qn("w:t"), qn("w:tab"), qn("w:br")
    # Paragraphs in document order, those inside tables too.
    for paragraph in body.iter(qn("w:p")):
        pieces = []
        for node in paragraph.iter(text_tag, tab_tag, break_tag):
            pieces.append(node.text or "" if node.tag == text_tag else " ")
        yield "".join(pieces)


def _odt_paragraphs(file: BinaryIO) -> Iterator[str]:
    from odf import teletype
    from odf.namespaces import TEXTNS
    from odf.opendocument import load

    _check_xml_size(file, "odt")
    document = load(file)
    blocks = {(TEXTNS, "p"), (TEXTNS, "h")}

    def walk(node):
        for child in node.childNodes:
            if getattr(child, "qname", None) in blocks:
                yield teletype.extractText(child)
            else:
                yield from walk(child)

    yield from walk(document.text)


EXTRACTORS = {"pdf": _pdf_pages, "docx": _docx_paragraphs, "odt": _odt_paragraphs}


def extract_text(file: BinaryIO, *, name: str) -> str:
    """The text of a document file, or "" (never raises for a bad file).

    ``file`` must support ``read`` and ``seek``; it is left at position 0.
    """
    extension = file_extension(name)
    extractor = EXTRACTORS.get(extension)
    if extractor is None:
        return ""
    try:
        file.seek(0)
        return _join_limited(extractor(file))
    except Encrypted:
        logger.warning("Text of document %r not extracted: it is encrypted.", name)
    except TooLarge as error:
        logger.warning(
            "Text of document %r not extracted: its text part unpacks to %s bytes.",
            name,
            error.args[0],
        )
    except Exception as error:  # noqa: BLE001 - a broken file must never stop an upload
        logger.warning("Text of document %r not extracted: %r", name, error)
    finally:
        file.seek(0)
    return ""


def document_text_refresh(*, document) -> str:
    """Read a stored document's text again and save it; the search index follows.

    Raises OSError when the file is missing from the storage.
    """
    with document.file.storage.open(document.file.name, "rb") as file:
        text = extract_text(file, name=document.file.name)
    document.extracted_text = text
    document.save(update_fields=["extracted_text"])
    return text
