"""Document downloads: Wagtail's serve view plus HTTP range requests.

Wagtail's view does the lookup, the privacy and collection checks and the
``before_serve_document`` hooks. When it answers with the file itself and the
client asked for one byte range, we replace that answer with a 206 carrying
just those bytes, read from storage in chunks.

The address of a document whose file an editor replaced in the admin names
the old file; it leads to the document's current file (Wagtail answers 404).

Behind the proxy (``DOCUMENT_SERVE_METHOD=x-accel``) Wagtail's answer for a
file on disk is an empty one with ``X-Accel-Redirect`` (core.document_sendfile):
it gets the same download headers, and nginx sends the file and the ranges.
"""

import re
import urllib.parse

from django.conf import settings
from django.dispatch import receiver
from django.http import (
    Http404,
    HttpResponse,
    HttpResponseRedirect,
    StreamingHttpResponse,
)

from wagtail.documents import get_document_model
from wagtail.documents.models import document_served
from wagtail.documents.views.serve import serve as wagtail_serve

from core.document_publication import hidden_from

CHUNK_SIZE = 64 * 1024
# Should a browser show a document itself: no scripts, no plugins, no forms.
DOCUMENT_CSP = "default-src 'none'; sandbox"
SINGLE_RANGE = re.compile(r"bytes=(\d*)-(\d*)", re.IGNORECASE)
# Headers of Wagtail's file response that do not describe a part of it.
NOT_COPIED_TO_PART = {"content-length", "content-range", "content-encoding"}


class RangeNotSatisfiable(Exception):
    """The range lies completely outside the file."""


def parse_byte_range(header: str, size: int) -> tuple[int, int] | None:
    """First and last byte (inclusive) of a single range in a Range header.

    None means "ignore the header and send the whole file" (malformed syntax,
    several ranges, other units). Raises RangeNotSatisfiable for a range that
    starts beyond the end of the file or asks for an empty suffix.
    """
    match = SINGLE_RANGE.fullmatch(header.strip())
    if match is None:
        return None
    try:
        first = int(match[1]) if match[1] else None
        last = int(match[2]) if match[2] else None
    except ValueError:  # more digits than Python converts
        return None
    if first is None:
        if last is None:
            return None
        # "bytes=-n": the last n bytes.
        if last == 0 or size == 0:
            raise RangeNotSatisfiable
        return max(size - last, 0), size - 1
    if last is not None and last < first:
        return None
    if first >= size:
        raise RangeNotSatisfiable
    return first, size - 1 if last is None else min(last, size - 1)


@receiver(document_served)
def _remember_served_document(sender, instance, request, **kwargs):
    """Wagtail sends this once the privacy checks and hooks have let the file through."""
    request.served_document = instance


def serve_document(request, document_id: int, document_filename: str):
    try:
        response = wagtail_serve(request, document_id, document_filename)
    except FileNotFoundError as error:
        # The row is there, its file is not (lost from the media folder or
        # the bucket): the reader gets the site's 404, not a server error.
        raise Http404("The document's file is missing.") from error
    except Http404:
        document = get_document_model().objects.filter(pk=document_id).first()
        if (
            document is None
            or document.filename == document_filename
            or hidden_from(request, document)  # not even its current name
        ):
            raise
        # Not permanent: the file may be replaced again.
        return HttpResponseRedirect(document.url)
    document = getattr(request, "served_document", None)
    # Anything but the file itself (a password form, a redirect, 304 Not
    # Modified, a hook's answer) goes out unchanged.
    if document is None or response.status_code != 200:
        return response
    handed_to_proxy = response.has_header("X-Accel-Redirect")
    if not (handed_to_proxy or response.streaming):
        return response
    _never_inline(response, document)
    # Wagtail's local-file path writes the missing encoding of an uncompressed
    # file as the text "None"; that is no encoding a client knows.
    if response.get("Content-Encoding") == "None":
        del response["Content-Encoding"]
    if handed_to_proxy:
        # No body for nginx (Wagtail wrote the file's length); nginx adds
        # Accept-Ranges, Last-Modified and the length, and answers ranges.
        response["Content-Length"] = "0"
        return response
    response["Accept-Ranges"] = "bytes"
    return _answer_range(request, response, document)


def _answer_range(request, response, document):
    """Wagtail's full answer, or a 206/416 for the client's single byte range."""
    range_header = request.headers.get("Range")
    if not range_header or request.method not in {"GET", "HEAD"}:
        return response
    if_range = request.headers.get("If-Range")
    if if_range and if_range not in {
        response.get("ETag"),
        response.get("Last-Modified"),
    }:
        return response

    file = document.file.storage.open(document.file.name, "rb")
    size = file.size
    try:
        byte_range = parse_byte_range(range_header, size)
    except RangeNotSatisfiable:
        file.close()
        _discard(response)
        return _range_not_satisfiable(size)
    if byte_range is None:
        file.close()
        return response
    _discard(response)
    return _partial_content(response, file, *byte_range, size=size)


def _discard(response) -> None:
    """Close the file of a response that is not sent.

    Not ``response.close()``: that also sends Django's ``request_finished``
    signal, in the middle of the request, and the database connection may be
    closed by it (what ``close()`` does besides is exactly this loop).
    """
    for closer in response._resource_closers:
        closer()
    response._resource_closers.clear()


def _never_inline(response, document) -> None:
    """A download, never a page of this site, whatever the file holds.

    Uploads are checked (core.validators), but a file of another kind (an SVG
    or HTML page from before the checks, or put in by hand) must not run as
    a page of this site: it goes out as an attachment, as opaque bytes if its
    type is not an allowed one, and sandboxed should a browser show it anyway.
    """
    extension = document.file_extension.lower()
    if extension not in settings.WAGTAILDOCS_EXTENSIONS:
        response["Content-Type"] = "application/octet-stream"
    if not response.get("Content-Disposition", "").startswith("attachment"):
        name = urllib.parse.quote(document.filename)
        response["Content-Disposition"] = (
            f"attachment; filename={name}; filename*=UTF-8''{name}"
        )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = DOCUMENT_CSP


def _partial_content(full: HttpResponse, file, first: int, last: int, *, size: int):
    """A 206 with the headers of Wagtail's full response and bytes first..last."""
    part = StreamingHttpResponse(
        _FileRange(file, first, last - first + 1),
        status=206,
        content_type=full["Content-Type"],
    )
    for header, value in full.headers.items():
        if header.lower() not in NOT_COPIED_TO_PART | {"content-type"}:
            part[header] = value
    part["Content-Range"] = f"bytes {first}-{last}/{size}"
    part["Content-Length"] = str(last - first + 1)
    return part


def _range_not_satisfiable(size: int) -> HttpResponse:
    response = HttpResponse(status=416)
    response["Content-Range"] = f"bytes */{size}"
    response["Accept-Ranges"] = "bytes"
    response["X-Content-Type-Options"] = "nosniff"
    return response


class _FileRange:
    """Iterates over length bytes of an open file from first on, in chunks.

    The response calls close() when it is done, also if it never iterated.
    """

    def __init__(self, file, first: int, length: int):
        self.file = file
        self.first = first
        self.length = length

    def __iter__(self):
        self.file.seek(self.first)
        remaining = self.length
        while remaining > 0:
            chunk = self.file.read(min(CHUNK_SIZE, remaining))
            if not chunk:
                return
            remaining -= len(chunk)
            yield chunk

    def close(self):
        self.file.close()
