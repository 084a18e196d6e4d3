"""Take full-page screenshots of the running site at phone and desktop width.

Usage: python scripts/screenshots.py [BASE_URL] [PATH ...]
Writes PNG files to screenshots/ (git-ignored). Uses Debian's chromium.
"""

import os
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000"
PATHS = sys.argv[2:] or ["/", "/koordinierungsstelle/"]
WIDTHS = {"phone": 360, "desktop": 1280}
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
OUT = Path(__file__).resolve().parent.parent / "screenshots"


def main() -> None:
    OUT.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-background-networking", "--disable-gpu"],
        )
        for label, width in WIDTHS.items():
            page = browser.new_page(viewport={"width": width, "height": 800})
            for path in PATHS:
                page.goto(BASE + path, wait_until="networkidle")
                name = path.strip("/").replace("/", "_") or "home"
                target = OUT / f"{name}-{label}.png"
                page.screenshot(path=str(target), full_page=True)
                print(target)
            page.close()
        browser.close()


if __name__ == "__main__":
    main()
