""" "Alle Arbeitspapiere als ZIP": streamed, never held in memory."""

from __future__ import annotations

import zipfile
from collections.abc import Iterable, Iterator

from django.http import StreamingHttpResponse

from zipstream import ZipStream

from .selectors import ArchiveEntry

CHUNK_SIZE = 64 * 1024
ARCHIVE_NAME = "Check-Up-Integration-Arbeitspapiere.zip"


def _file_chunks(document) -> Iterator[bytes]:
    """Read a document in chunks; the file is opened only when its turn comes."""
    with document.file.open("rb") as handle:
        while chunk := handle.read(CHUNK_SIZE):
            yield chunk


def archive_stream(entries: Iterable[ArchiveEntry]) -> ZipStream:
    """A stored (uncompressed) ZIP of the entries: PDFs do not shrink, and a
    stored archive has a known length, so the browser can show progress."""
    stream = ZipStream(compress_type=zipfile.ZIP_STORED, sized=True)
    for entry in entries:
        stream.add(
            _file_chunks(entry.document),
            arcname=entry.name,
            size=entry.document.file.size,
        )
    return stream


def archive_response(entries: Iterable[ArchiveEntry]) -> StreamingHttpResponse:
    stream = archive_stream(entries)
    response = StreamingHttpResponse(stream, content_type="application/zip")
    response["Content-Length"] = str(len(stream))
    response["Content-Disposition"] = f'attachment; filename="{ARCHIVE_NAME}"'
    return response
