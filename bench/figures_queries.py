"""Benchmark: SQL queries (and time) of the figures' pages at two data sizes.

A page with three charts ("Kennzahl / Diagramm" blocks), the list
``/zahlen/``, an indicator's page, its CSV and JSON downloads and the API
detail, each with 10 and with 10,000 values per indicator, in German and
Arabic. Page and fragment caches are off: this is what a cache miss costs.
The query counts must be equal at both sizes.

Run by hand (it builds a throwaway SQLite database, ~1 minute):

    .venv/bin/python bench/figures_queries.py

Exits with 1 if a count differs between the sizes.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATABASE = Path(tempfile.mkdtemp(prefix="figures-bench-")) / "db.sqlite3"
os.environ["DATABASE_URL"] = f"sqlite:///{DATABASE}"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "flensburg_site.settings.test")
os.environ["PAGE_CACHE_SECONDS"] = "0"
os.environ["FRAGMENT_CACHE_SECONDS"] = "0"

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

SIZES = (10, 10_000)
RUNS = 3


def build() -> tuple[str, list]:
    from wagtail.models import Page, Site

    from core.bootstrap import content_locales
    from tests.factories import HomePageFactory, InfoIndexPageFactory, InfoPageFactory
    from tests.figures.factories import IndicatorFactory

    call_command("migrate", verbosity=0)
    content_locales()
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, slug="start")
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    Page.objects.filter(depth=2).exclude(pk=home.pk).delete()
    indicators = [IndicatorFactory(slug=f"kennzahl-{n}") for n in range(3)]
    index = InfoIndexPageFactory(parent=home)
    page = InfoPageFactory(
        parent=index,
        slug="lage-und-fakten",
        body=[
            {"type": "indicator_chart", "value": {"indicator": indicator.pk}}
            for indicator in indicators
        ],
    )
    return page.url, indicators


def fill(indicators, count: int, skip: int) -> None:
    from tests.figures.factories import SourceFactory, daily_values

    source = SourceFactory()
    for indicator in indicators:
        daily_values(indicator, source, count, skip=skip)


def measure(client: Client, url: str) -> tuple[int, float]:
    client.get(url)  # warm: locales, templates
    queries, times = [], []
    for _run in range(RUNS):
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - start) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{url}: HTTP {response.status_code}")
        queries.append(len(captured.captured_queries))
    return max(queries), statistics.median(times)


def out(text: str) -> None:
    sys.stdout.write(text + "\n")


def main() -> int:
    setup_test_environment()
    settings.ALLOWED_HOSTS = ["testserver"]
    page_url, indicators = build()
    urls = [
        ("page with 3 charts (de)", page_url),
        ("page with 3 charts (ar)", "/ar" + page_url),
        ("/zahlen/", "/zahlen/"),
        ("indicator page (de)", "/zahlen/kennzahl-0/"),
        ("indicator page (ar)", "/ar/zahlen/kennzahl-0/"),
        ("CSV download", "/zahlen/kennzahl-0.csv"),
        ("JSON download", "/zahlen/kennzahl-0.json"),
        ("API detail", "/api/v1/indicators/kennzahl-0"),
        ("API list", "/api/v1/indicators"),
    ]
    client = Client()
    results: dict[str, list[tuple[int, float]]] = {name: [] for name, _url in urls}
    done = 0
    for size in SIZES:
        fill(indicators, size - done, done)
        done = size
        for name, url in urls:
            results[name].append(measure(client, url))
    header = f"{'':28}" + "".join(f"{f'{size:,} values':>24}" for size in SIZES)
    out(header)
    out(f"{'':28}" + "".join(f"{'queries':>12}{'ms':>12}" for _size in SIZES))
    failed = False
    for name, rows in results.items():
        line = f"{name:28}" + "".join(
            f"{queries:>12}{ms:>12.0f}" for queries, ms in rows
        )
        if len({queries for queries, _ms in rows}) != 1:
            failed = True
            line += "   <- differs"
        out(line)
    out(f"(values per indicator; 3 indicators; median of {RUNS} runs; caches off)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
