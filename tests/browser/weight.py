"""What a page costs to load, counted in the browser (tests/browser).

The demo server serves its files the way the tests do (WhiteNoise from the
finders, HTML from gunicorn): uncompressed. In production the static files
go out compressed (whitenoise stores gzip and brotli) and nginx compresses
the HTML, so text (HTML, CSS, JS, SVG) counts with its gzip size (level 6,
as nginx and whitenoise compress; brotli is smaller still), and fonts and
images as they are. Each response adds its header lines.
"""

from __future__ import annotations

import gzip
import time
from dataclasses import dataclass, field

TEXT_TYPES = ("text/", "application/javascript", "application/json", "image/svg")


@dataclass
class Loaded:
    url: str
    kind: str  # Playwright's resource type: document, stylesheet, font, image, ...
    size: int


@dataclass
class PageWeight:
    loaded: list[Loaded] = field(default_factory=list)
    started: int = 0
    settled: int = 0

    def settle(self, page, timeout: float = 15.0) -> None:
        """Wait until every request the page started has finished or failed:
        Playwright reports them after the load state it waited for, so a
        count right after ``goto`` may miss the last ones."""
        deadline = time.monotonic() + timeout
        while self.settled < self.started and time.monotonic() < deadline:
            page.wait_for_timeout(50)

    @property
    def total(self) -> int:
        return sum(item.size for item in self.loaded)

    def of(self, kind: str) -> list[Loaded]:
        return [item for item in self.loaded if item.kind == kind]

    def describe(self) -> str:
        return "\n".join(
            f"  {item.kind:10} {item.size:>8,} B  {item.url}"
            for item in sorted(self.loaded, key=lambda item: (item.kind, item.url))
        )


def transferred(response) -> int:
    """The bytes a production server sends for ``response`` (see the module
    docstring)."""
    headers = response.headers_array()
    body = response.body()
    content_type = response.header_value("content-type") or ""
    if content_type.startswith(TEXT_TYPES) and body:
        body = gzip.compress(body, compresslevel=6, mtime=0)
    head = sum(len(h["name"]) + len(h["value"]) + 4 for h in headers)
    return head + len(body)


def record(page) -> PageWeight:
    """Count every response ``page`` receives from now on (call before goto;
    read the result after the load)."""
    weight = PageWeight()

    def started(request):
        weight.started += 1

    def failed(request):
        weight.settled += 1

    def finished(request):
        try:
            response = request.response()
            if request.url.startswith("data:") or response is None:
                return
            if response.status in (204, 304):
                return
            weight.loaded.append(
                Loaded(request.url, request.resource_type, transferred(response))
            )
        finally:
            weight.settled += 1

    page.on("request", started)
    page.on("requestfailed", failed)
    page.on("requestfinished", finished)
    return weight
