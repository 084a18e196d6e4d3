"""Benchmark: what a phone downloads to show each language's home page.

For every locale of the site (German at /, the others under /<code>/) it
opens the home page in headless Chromium at 360 CSS pixels wide, in a fresh
browser context (an empty cache: a first visit), waits until the network is
idle, and adds up the bytes of every request as transferred (Chromium's
encoded data length: compressed body plus response headers, what DevTools
calls "transferred"). It prints a Markdown table: locale, requests, total
transferred, of which web fonts, the total once more with the request header
``Save-Data: on`` (a data saver: pages then load no web fonts, see
caching/save_data.py), and whether the total is within --budget kilobytes
(default 150, issue 18; 1 KB = 1000 bytes). Exits with 1 if a home page is
over the budget.

    .venv/bin/python bench/locale_weight.py --url http://127.0.0.1:8000

Needs Chromium (Debian's /usr/bin/chromium, or --chromium PATH) and Python
Playwright (installed with the dev dependencies). Run it against the demo
content (`make load-demo`) served with production settings, as for
bench/page_weight.py: hashed static names, brotli-compressed static files,
`DEBUG=false`, e.g. under gunicorn after `collectstatic`. Served by gunicorn
alone the HTML is not compressed (nginx compresses it in production, see
deploy/nginx), so the totals are an upper bound. --verbose lists every
request of every page.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field

from playwright.sync_api import sync_playwright

BUDGET_KB = 150
WIDTH = 360  # CSS pixels: a small Android phone
HEIGHT = 740
# Every locale of the site and the path of its home page.
LOCALES = {
    "de": "/",
    "de-x-ls": "/de-x-ls/",
    "en": "/en/",
    "ar": "/ar/",
    "uk": "/uk/",
    "fa": "/fa/",
    "tr": "/tr/",
}
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@dataclass
class Request:
    url: str
    kind: str  # Chromium's resource type: Document, Stylesheet, Font, ...
    status: int = 0
    transferred: int = 0
    finished: bool = False


@dataclass
class PageLoad:
    url: str
    status: int
    requests: list[Request] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(request.transferred for request in self.requests)

    @property
    def fonts(self) -> int:
        return sum(r.transferred for r in self.requests if r.kind == "Font")

    @property
    def font_count(self) -> int:
        return sum(1 for request in self.requests if request.kind == "Font")


def load(
    browser, url: str, device_scale_factor: float, save_data: bool = False
) -> PageLoad:
    """Open ``url`` in a fresh context and record every request until idle;
    ``save_data``: every request says ``Save-Data: on``."""
    context = browser.new_context(
        viewport={"width": WIDTH, "height": HEIGHT},
        device_scale_factor=device_scale_factor,
        is_mobile=True,
        has_touch=True,
        extra_http_headers={"Save-Data": "on"} if save_data else None,
    )
    try:
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        requests: dict[str, Request] = {}

        def sent(event: dict) -> None:
            requests[event["requestId"]] = Request(
                url=event["request"]["url"], kind=event.get("type", "Other")
            )

        def received(event: dict) -> None:
            request = requests.get(event["requestId"])
            if request:
                request.status = event["response"]["status"]
                request.kind = event.get("type", request.kind)

        def finished(event: dict) -> None:
            request = requests.get(event["requestId"])
            if request:
                request.transferred = int(event["encodedDataLength"])
                request.finished = True

        cdp.on("Network.requestWillBeSent", sent)
        cdp.on("Network.responseReceived", received)
        cdp.on("Network.loadingFinished", finished)
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        response = page.goto(url, wait_until="networkidle", timeout=60_000)
        # Let the last loadingFinished events arrive.
        page.wait_for_timeout(200)
        return PageLoad(
            url=url,
            status=response.status if response else 0,
            requests=[r for r in requests.values() if not r.url.startswith("data:")],
        )
    finally:
        context.close()


def _kb(size: int) -> str:
    return f"{size / 1000:.1f}"


TABLE_HEADER = (
    "| Locale | Requests | Transferred | Fonts | With Save-Data | Within budget |\n"
    "|---|---:|---:|---:|---:|---|"
)


def table_row(locale: str, page: PageLoad, lean: PageLoad, budget_kb: float) -> str:
    within = "yes" if page.total <= budget_kb * 1000 else "**no**"
    return (
        f"| {locale} | {len(page.requests)} | **{_kb(page.total)}** "
        f"| {_kb(page.fonts)} ({page.font_count}) "
        f"| {_kb(lean.total)} ({lean.font_count} fonts) | {within} |"
    )


def describe(locale: str, page: PageLoad) -> str:
    lines = [f"{locale}: {page.url} (HTTP {page.status})"]
    for request in sorted(page.requests, key=lambda r: (r.kind, r.url)):
        note = "" if request.finished else " (unfinished)"
        lines.append(
            f"  {request.kind:10} {request.transferred:>8,} B  "
            f"{request.status} {request.url}{note}"
        )
    return "\n".join(lines)


def out(text: str = "") -> None:
    sys.stdout.write(text + "\n")


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--url", default="http://127.0.0.1:8000", help="the running site"
    )
    parser.add_argument(
        "--locales", nargs="+", default=list(LOCALES), choices=list(LOCALES)
    )
    parser.add_argument(
        "--budget", type=float, default=BUDGET_KB, help="kilobytes (1000 B)"
    )
    parser.add_argument(
        "--dpr",
        type=float,
        default=1,
        help="device pixel ratio (phones have 2 to 3; images may grow with it)",
    )
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument(
        "--verbose", action="store_true", help="list every request of every page"
    )
    return parser.parse_args()


def main() -> int:
    args = parse_args()
    base = args.url.rstrip("/")
    loads: dict[str, PageLoad] = {}
    lean: dict[str, PageLoad] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=args.chromium, args=CHROMIUM_ARGS
        )
        try:
            for locale in args.locales:
                page = load(browser, base + LOCALES[locale], args.dpr)
                if page.status != 200:
                    raise SystemExit(f"{page.url}: HTTP {page.status}")
                loads[locale] = page
                lean[locale] = load(browser, page.url, args.dpr, save_data=True)
        finally:
            browser.close()

    out(TABLE_HEADER)
    for locale, page in loads.items():
        out(table_row(locale, page, lean[locale], args.budget))
    out(
        f"\nkB (1000 bytes) transferred at load, {WIDTH} px wide, device pixel "
        f"ratio {args.dpr:g}, empty cache; fonts: woff2 files (count in "
        f"brackets); budget: {args.budget:g} kB per home page."
    )
    if args.verbose:
        out("\n" + "\n\n".join(describe(loc, page) for loc, page in loads.items()))
    over = [
        f"{locale}: {_kb(page.total)} KB"
        for locale, page in loads.items()
        if page.total > args.budget * 1000
    ]
    if over:
        sys.stderr.write("Over budget: " + "; ".join(over) + "\n")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
