"""Benchmark: the weight of the chart pages of "Lage in Zahlen" at 360 px.

Two numbers per page, German and Arabic, against a running site:

1. HTML + CSS + JS compressed (gzip 6 and brotli 11), the way
   bench/page_weight.py counts them (its functions, its 75 kB budget); the
   chart's stylesheet ``css/figures.css`` is linked by the component itself
   and counted with the others.
2. What Debian's chromium loads for the page at 360 × 800 px: every request
   and its body size (fonts included; uncompressed when the server does not
   compress, as ``runserver`` does not).

    .venv/bin/python bench/figures_weight.py --url http://127.0.0.1:8000

The pages: the indicators linked from /zahlen/ (the first three) and the
page "Lage und Fakten" where it shows a chart. Exits with 1 over budget.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path
from urllib.parse import urljoin

sys.path.insert(0, str(Path(__file__).resolve().parent))

from page_weight import (
    BUDGET_KB,
    _fetch,
    _kb,
    describe,
    page_weight,
)

FACTS_PAGE = "/fluechtlinge-in-flensburg/lage-und-fakten/"
LANGUAGES = {"de": "", "ar": "/ar"}
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


def chart_paths(base: str) -> list[str]:
    status, body = _fetch(base + "/zahlen/")
    if status != 200:
        raise SystemExit(f"{base}/zahlen/: HTTP {status}")
    paths = sorted(set(re.findall(r'href="(/zahlen/[a-z0-9-]+/)"', body.decode())))[:3]
    status, body = _fetch(base + FACTS_PAGE)
    if status == 200 and b"figure-chart" in body:
        paths.append(FACTS_PAGE)
    if not paths:
        raise SystemExit("No chart page: does the demo have indicators?")
    return ["/zahlen/", *paths]


def browser_weight(urls: list[str]) -> dict[str, tuple[int, int, int]]:
    """(requests, bytes of all bodies, bytes of fonts) per URL at 360 px."""
    from playwright.sync_api import sync_playwright

    results = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
        )
        for url in urls:
            context = browser.new_context(viewport={"width": 360, "height": 800})
            page = context.new_page()
            responses = []
            page.on("response", lambda response, seen=responses: seen.append(response))
            page.goto(url, wait_until="networkidle")
            sizes = [(r.url, len(r.body())) for r in responses if r.status == 200]
            fonts = sum(size for u, size in sizes if u.endswith((".woff2", ".woff")))
            results[url] = (len(sizes), sum(size for _, size in sizes), fonts)
            context.close()
        browser.close()
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", default="http://127.0.0.1:8000")
    parser.add_argument("--budget", type=float, default=BUDGET_KB)
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args()
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

    urls = [
        base + prefix + path
        for prefix in LANGUAGES.values()
        for path in chart_paths(base)
    ]
    browser = {} if args.no_browser else browser_weight(urls)
    sys.stdout.write(
        "| Page | HTML+CSS+JS gzip kB | brotli kB | chromium 360 px: requests | all bodies kB | of which fonts kB |\n"
        "|---|---:|---:|---:|---:|---:|\n"
    )
    over = []
    for url in urls:
        status, html = _fetch(url)
        if status != 200:
            raise SystemExit(f"{url}: HTTP {status}")
        weight = page_weight(html, read)
        requests, total, fonts = browser.get(url, (0, 0, 0))
        sys.stdout.write(
            f"| {url.removeprefix(base)} | **{_kb(weight['gzip'])}** | {_kb(weight['brotli'])} "
            f"| {requests} | {_kb(total)} | {_kb(fonts)} |\n"
        )
        if args.verbose:
            sys.stdout.write(describe(weight) + "\n")
        if weight["gzip"] >= args.budget * 1000:
            over.append(url)
    if over:
        sys.stderr.write("Over budget: " + ", ".join(over) + "\n")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
