"""Benchmark: page weight per page type, compressed, against a running site.

For every public page type (the demo content's URLs; German and Arabic, whose
right-to-left KERN stylesheet differs) it fetches the HTML, every stylesheet
(also the print stylesheet: browsers download it too) and script the page
links, and the fonts it preloads, and prints a Markdown table of the sizes
compressed with gzip (level 6) and brotli (quality 11, as whitenoise stores
the static files). Fonts are woff2, compressed already: their size is the
file size, and they are not part of the budget. Exits with 1 if a page's
HTML + CSS + JS compressed with gzip is not below --budget kilobytes
(default 75; 1 KB = 1000 bytes).

    .venv/bin/python bench/page_weight.py --url http://127.0.0.1:8000

Run it against the demo content (`make load-demo`) served with production
settings (hashed static names; `DEBUG=false`), e.g. under gunicorn after
`collectstatic`. tests/flensburg_site/test_page_weight.py checks the same
page list and budget with Django's test client.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import sys
from html.parser import HTMLParser
from urllib.error import HTTPError
from urllib.parse import urljoin
from urllib.request import Request, urlopen

import brotli

BUDGET_KB = 75
GZIP_LEVEL = 6
BROTLI_QUALITY = 11
# Page types of the demo content and a URL of each (German; Arabic under /ar).
PAGE_TYPES = [
    ("Home", "/"),
    ("Office", "/koordinierungsstelle/"),
    ("Check Up page", "/check-up-integration/"),
    ("Measure list", "/check-up-integration/massnahmen/"),
    ("Measure sheet", "/check-up-integration/massnahmen/1/"),
    ("Field of action", "/check-up-integration/handlungsfelder/arbeit/"),
    ("Status analyses", "/check-up-integration/statusanalysen/"),
    ("Measure handout", "/check-up-integration/massnahmen/1/handzettel/"),
    ("Info index", "/fluechtlinge-in-flensburg/"),
    ("Info page", "/fluechtlinge-in-flensburg/lage-und-fakten/"),
    ("Info handout", "/fluechtlinge-in-flensburg/lage-und-fakten/handzettel/"),
    ("State links", "/informationsangebote-des-landes/"),
    ("Help page + directory", "/wie-kann-geholfen-werden/"),
    ("Directory: one organisation", "/wie-kann-geholfen-werden/?q=Migrationsberatung"),
    ("Content page", "/leichte-sprache/"),
    ("Accessibility statement", "/barrierefreiheit/"),
    ("Event index", "/veranstaltungen/"),
    ("Event", "/veranstaltungen/3-forum-fluechtlinge-unsere-neuen-nachbarn/"),
    ("News index", "/aktuelles/"),
    ("News item", "/aktuelles/arbeitspapiere-check-up-integration-veroeffentlicht/"),
    ("Search with hits", "/suche/?q=Sprachkurs"),
    ("404 page", "/gibt-es-nicht/"),
]
LANGUAGE_PREFIXES = {"de": "", "ar": "/ar"}


class AssetParser(HTMLParser):
    """The stylesheets, scripts and preloaded fonts a page links, in order."""

    def __init__(self) -> None:
        super().__init__()
        self.assets: dict[str, list[str]] = {"css": [], "js": [], "font": []}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        rel = (attributes.get("rel") or "").split()
        if tag == "link" and "stylesheet" in rel and attributes.get("href"):
            self.assets["css"].append(attributes["href"])
        elif tag == "link" and "preload" in rel and attributes.get("as") == "font":
            self.assets["font"].append(attributes["href"])
        elif tag == "script" and attributes.get("src"):
            self.assets["js"].append(attributes["src"])


def linked_assets(html: str) -> dict[str, list[str]]:
    parser = AssetParser()
    parser.feed(html)
    parser.close()
    return parser.assets


@functools.lru_cache(maxsize=128)
def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0))


@functools.lru_cache(maxsize=128)
def brotli_size(data: bytes) -> int:
    return len(brotli.compress(data, quality=BROTLI_QUALITY))


def page_weight(html: bytes, read) -> dict:
    """Sizes of one page: ``read(url)`` returns the bytes of a linked file.

    Returns {"parts": [(kind, url, raw, gzip, brotli)], "fonts": [(url, size)],
    "gzip": total, "brotli": total} where the totals cover HTML + CSS + JS.
    """
    parts = [("html", "(HTML)", len(html), gzip_size(html), brotli_size(html))]
    assets = linked_assets(html.decode("utf-8"))
    for kind in ("css", "js"):
        for url in assets[kind]:
            data = read(url)
            parts.append((kind, url, len(data), gzip_size(data), brotli_size(data)))
    fonts = [(url, len(read(url))) for url in assets["font"]]
    return {
        "parts": parts,
        "fonts": fonts,
        "gzip": sum(part[3] for part in parts),
        "brotli": sum(part[4] for part in parts),
    }


def describe(weight: dict) -> str:
    """The parts of a page, one a line, for a failure message or --verbose."""
    lines = [
        f"  {kind:4} {raw:>8,} B raw {gz:>7,} B gzip {br:>7,} B brotli  {url}"
        for kind, url, raw, gz, br in weight["parts"]
    ]
    lines += [
        f"  font {size:>8,} B woff2 (preloaded)  {url}" for url, size in weight["fonts"]
    ]
    lines.append(
        f"  total HTML+CSS+JS: {weight['gzip']:,} B gzip, {weight['brotli']:,} B brotli"
    )
    return "\n".join(lines)


def _kb(size: int) -> str:
    return f"{size / 1000:.1f}"


def table_row(label: str, language: str, weight: dict) -> str:
    by_kind = {
        kind: sum(part[3] for part in weight["parts"] if part[0] == kind)
        for kind in ("html", "css", "js")
    }
    fonts = sum(size for _url, size in weight["fonts"])
    return (
        f"| {label} | {language} | {_kb(by_kind['html'])} | {_kb(by_kind['css'])} "
        f"| {_kb(by_kind['js'])} | **{_kb(weight['gzip'])}** | {_kb(weight['brotli'])} "
        f"| {_kb(fonts)} ({len(weight['fonts'])}) |"
    )


TABLE_HEADER = (
    "| Page type | Lang | HTML | CSS | JS | Total gzip | Total brotli | Fonts preloaded |\n"
    "|---|---|---:|---:|---:|---:|---:|---:|"
)


def _fetch(url: str) -> tuple[int, bytes]:
    request = Request(url, headers={"Accept-Encoding": "identity"})  # noqa: S310 - the URL is the operator's
    try:
        with urlopen(request, timeout=30) as response:  # noqa: S310
            return response.status, response.read()
    except HTTPError as error:  # the 404 page is one of the pages
        return error.code, error.read()


def out(text: str = "") -> None:
    sys.stdout.write(text + "\n")


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--url", default="http://127.0.0.1:8000", help="the running site"
    )
    parser.add_argument(
        "--languages",
        nargs="+",
        default=list(LANGUAGE_PREFIXES),
        choices=list(LANGUAGE_PREFIXES),
    )
    parser.add_argument(
        "--budget", type=float, default=BUDGET_KB, help="kilobytes (1000 B)"
    )
    parser.add_argument(
        "--verbose", action="store_true", help="list every file of every page"
    )
    return parser.parse_args()


def main() -> int:
    args = parse_args()
    base = args.url.rstrip("/")
    cache: dict[str, bytes] = {}

    def read(url: str) -> bytes:
        absolute = urljoin(base + "/", url)
        if absolute not in cache:
            status, data = _fetch(absolute)
            if status != 200:
                raise SystemExit(f"{absolute}: HTTP {status}")
            cache[absolute] = data
        return cache[absolute]

    out(TABLE_HEADER)
    over = []
    details = []
    for language in args.languages:
        for label, path in PAGE_TYPES:
            url = base + LANGUAGE_PREFIXES[language] + path
            status, html = _fetch(url)
            if status not in (200, 404):
                raise SystemExit(f"{url}: HTTP {status}")
            weight = page_weight(html, read)
            out(table_row(label, language, weight))
            details.append(f"{label} ({language}) {url}\n{describe(weight)}")
            if weight["gzip"] >= args.budget * 1000:
                over.append(f"{label} ({language}): {_kb(weight['gzip'])} KB")
    out(
        "\nkB (1000 bytes); HTML, CSS and JS compressed, fonts are woff2 files "
        f"(count in brackets); budget: HTML + CSS + JS < {args.budget:g} kB gzip."
    )
    if args.verbose:
        out("\n" + "\n\n".join(details))
    if over:
        sys.stderr.write("Over budget: " + "; ".join(over) + "\n")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
