"""Benchmark: latency of the site search on PostgreSQL with 10,000 pages.

Creates a throw-away PostgreSQL database next to the one ``DATABASE_URL``
names (same server and user, name ``<name>_searchbench_<random>``), migrates
it, builds a site with --pages generated content pages of German text (varied
vocabulary, compounds, umlauts) plus measure sheets, organisations and
documents, indexes everything, then sends --queries varied German queries
through ``site_search.search.site_search`` (what the search page calls: all
four kinds, counts and the first hits with excerpts) and reports the latency
percentiles. A fifth of the pages are translated into Arabic (Arabic text,
the rest are German fallbacks in /ar/): Arabic queries (the examples of the
search form among them) are sent in Arabic. Misspelt German queries take
the path of a query that finds little: the search, then "Meinten Sie …?"
(``site_search.suggest``). Percentiles are reported per kind of query. The
database is dropped at the end, also after an error.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/flensburg \\
        .venv/bin/python bench/search_latency.py [--pages 10000] [--queries 200]

Options: --seed (the text and the queries are reproducible), --keep (do not
drop the database; its name is printed), --existing (use the database
DATABASE_URL names itself, e.g. one kept before: the site is built only if
it has fewer pages, the index is rebuilt, nothing is dropped). With a
``sqlite:///path`` URL it builds a throw-away SQLite file beside that path
instead (to compare; production runs PostgreSQL). Exits with 1 if the
median of any kind of query is not below --target milliseconds (default 100).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from search_corpus import Writer  # noqa: E402


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--target", type=float, default=100.0, help="p50 in ms")
    parser.add_argument(
        "--arabic-share", type=float, default=0.2, help="pages translated to Arabic"
    )
    parser.add_argument("--seed", type=int, default=2017)
    parser.add_argument("--keep", action="store_true", help="do not drop the database")
    parser.add_argument(
        "--existing",
        action="store_true",
        help="use the DATABASE_URL database itself; never drop it",
    )
    return parser.parse_args()


def report(line: str = "") -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def throwaway_url(database_url: str) -> tuple[str, str, str]:
    """(URL of the new database, its name, URL of the server's maintenance DB;
    for SQLite: the new file's URL, its path, "")."""
    parts = urlsplit(database_url)
    if parts.scheme == "sqlite":
        path = Path(parts.path[1:] if parts.path.startswith("//") else parts.path)
        new_path = path.with_name(
            f"{path.stem}_searchbench_{uuid.uuid4().hex[:8]}.sqlite3"
        )
        return f"sqlite:///{new_path}", str(new_path), ""
    if parts.scheme not in {"postgres", "postgresql", "pgsql"}:
        sys.exit(
            "bench/search_latency.py measures PostgreSQL (or SQLite): set "
            "DATABASE_URL to postgres://user@host:port/name."
        )
    base = parts.path.lstrip("/") or "flensburg"
    name = f"{base}_searchbench_{uuid.uuid4().hex[:8]}"
    new = urlunsplit(parts._replace(path=f"/{name}"))
    maintenance = urlunsplit(parts._replace(path="/postgres"))
    return new, name, maintenance


def admin_sql(maintenance_url: str, statement, *args) -> None:
    import psycopg
    from psycopg import sql

    with psycopg.connect(maintenance_url, autocommit=True) as connection:
        connection.execute(sql.SQL(statement).format(*map(sql.Identifier, args)))


def build_site(args, writer: Writer) -> None:
    from django.core.management import call_command
    from django.db import transaction
    from django.db.models.signals import post_save

    from wagtail.models import Page, Site
    from wagtail.search.signal_handlers import post_save_signal_handler

    from contacts.models import Organisation, OrganisationKind
    from integration_checkup.models import CheckUpPage, FieldOfAction, MeasureSheet
    from pages.models import ContentPage, HelpPage, HomePage

    call_command("migrate", verbosity=0)
    if ContentPage.objects.count() >= args.pages:
        report("  the site exists already")
        _index()
        return
    # Index once at the end instead of page by page.
    post_save.disconnect(post_save_signal_handler, sender=ContentPage)

    started = time.perf_counter()
    with transaction.atomic():
        root = Page.get_first_root_node()
        home = root.add_child(
            instance=HomePage(title="Flüchtlinge in Flensburg", slug="start")
        )
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={"hostname": "localhost", "port": 80, "root_page": home},
        )
        Page.objects.filter(depth=2).exclude(pk=home.pk).delete()
        home.add_child(instance=CheckUpPage(title="Check Up Integration", slug="cu"))
        home.add_child(instance=HelpPage(title="Wie kann geholfen werden?", slug="h"))
        home.refresh_from_db()
        arabic = []
        for number in range(args.pages):
            topics = writer.page_topics()
            page = home.add_child(
                instance=ContentPage(
                    title=writer.title(topics),
                    slug=f"seite-{number}",
                    intro=writer.sentence(topics),
                    body=[
                        ("paragraph", f"<p>{writer.paragraph(topics)}</p>")
                        for _ in range(writer.random.randint(3, 8))
                    ],
                )
            )
            if writer.random.random() < args.arabic_share:
                arabic.append((page, topics))
            if number % 1000 == 999:
                report(f"  {number + 1} pages created")
        _translate_to_arabic(home, arabic, writer)
        report(f"  {len(arabic)} of them translated into Arabic")
        fields = [
            FieldOfAction.objects.create(
                name=name, slug=name.lower(), sort_order=order, description=name
            )
            for order, name in enumerate(
                ["Arbeit", "Sprache", "Wohnen", "Teilhabe", "Engagement"]
            )
        ]
        for number in range(1, 23):
            topics = writer.page_topics()
            MeasureSheet.objects.create(
                number=number,
                title=writer.title(topics),
                field_of_action=writer.random.choice(fields),
                summary=writer.paragraph(topics)[:1000],
                live=True,
            )
        for _ in range(300):
            topics = writer.page_topics()
            Organisation.objects.create(
                name=writer.title(topics)[:200],
                kind=OrganisationKind.INITIATIVE,
                description=writer.paragraph(topics),
            )
    report(f"  content created in {time.perf_counter() - started:.0f} s")
    _index()


def _translate_to_arabic(home, pages, writer: Writer) -> None:
    """Arabic pages with the translation keys of German ones (the rest are
    German fallbacks in /ar/), under an Arabic start page."""
    from wagtail.models import Locale

    from pages.models import ContentPage

    locale, _created = Locale.objects.get_or_create(language_code="ar")
    arabic_home = home.copy_for_translation(locale)
    arabic_home.save_revision().publish()
    arabic_home.refresh_from_db()
    for page, topics in pages:
        arabic_home.add_child(
            instance=ContentPage(
                title=writer.arabic_title(topics),
                slug=page.slug,
                locale=locale,
                translation_key=page.translation_key,
                intro=writer.arabic_sentence(topics),
                body=[
                    ("paragraph", f"<p>{writer.arabic_paragraph(topics)}</p>")
                    for _ in range(writer.random.randint(3, 8))
                ],
            )
        )


def _index() -> None:
    from django.core.management import call_command
    from django.db import connection

    started = time.perf_counter()
    call_command("update_index", verbosity=0)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # as autovacuum would after a bulk load
    from site_search.models import VocabularyWord

    report(f"  vocabulary: {VocabularyWord.objects.count()} words")
    report(f"  search index built in {time.perf_counter() - started:.0f} s")


def _timed(language: str, path: str, queries: list[str], run) -> tuple[list, int]:
    """Milliseconds of ``run(request, parsed query)`` per query, and how many
    of them found something (``run`` says)."""
    from django.test import RequestFactory
    from django.utils import translation

    from site_search.normalise import parse_query

    factory = RequestFactory()
    timings, found = [], 0
    with translation.override(language):
        for query in queries[:10]:  # warm-up: connections, caches
            run(factory.get(path, HTTP_HOST="localhost"), parse_query(query, language))
        for query in queries:
            request = factory.get(path, {"q": query}, HTTP_HOST="localhost")
            started = time.perf_counter()
            found += bool(run(request, parse_query(query, language)))
            timings.append((time.perf_counter() - started) * 1000)
    return timings, found


def measure(args, writer: Writer) -> dict[str, list[float]]:
    from site_search.search import site_search
    from site_search.suggest import search_suggestion

    def search(request, query) -> int:
        return sum(group.count for group in site_search(request, query))

    def search_and_suggest(request, query) -> bool:
        found = search(request, query)
        return (
            search_suggestion(request, query, found=found, search_url="/suche/")
            is not None
        )

    kinds = {
        "German": (
            "de",
            "/suche/",
            [writer.query() for _ in range(args.queries)],
            search,
        ),
        "Arabic (/ar/)": (
            "ar",
            "/ar/suche/",
            [writer.arabic_query() for _ in range(args.queries)],
            search,
        ),
        "misspelt, suggestion": (
            "de",
            "/suche/",
            [writer.misspelt_query() for _ in range(args.queries)],
            search_and_suggest,
        ),
    }
    results = {}
    for name, (language, path, queries, run) in kinds.items():
        timings, found = _timed(language, path, queries, run)
        outcome = "got a suggestion" if run is search_and_suggest else "found something"
        report(f"  {name}: {found} of {len(queries)} queries {outcome}")
        results[name] = timings
    return results


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> int:
    args = parse_args()
    database_url = os.environ.get("DATABASE_URL", "")
    if not database_url:
        sys.exit("Set DATABASE_URL to a PostgreSQL server (postgres://…).")
    url, name, maintenance = throwaway_url(database_url)
    if args.existing:
        url, name, args.keep = database_url, urlsplit(database_url).path[1:], True
    elif maintenance:
        admin_sql(maintenance, "CREATE DATABASE {}", name)
        report(f"Throw-away database {name} created.")
    else:
        report(f"Throw-away SQLite file {name}.")
    try:
        os.environ["DATABASE_URL"] = url
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "flensburg_site.settings.dev")
        os.environ["DEBUG"] = "false"  # no query log in memory
        sys.path.insert(0, str(ROOT))
        import django

        django.setup()
        writer = Writer(args.seed)
        report(f"Building {args.pages} pages …")
        build_site(args, writer)
        report(f"Running {args.queries} queries …")
        timings = measure(args, writer)
    finally:
        if "django" in sys.modules:
            from django.db import connections

            connections.close_all()
        if args.keep:
            report(f"Database {name} kept.")
        elif maintenance:
            admin_sql(maintenance, "DROP DATABASE {} WITH (FORCE)", name)
            report(f"Database {name} dropped.")
        else:
            Path(name).unlink(missing_ok=True)
            report(f"SQLite file {name} removed.")
    met = True
    for kind, values in timings.items():
        p50 = percentile(values, 0.50)
        met = met and p50 < args.target
        report(
            f"Latency, {kind}, over {len(values)} queries: "
            f"p50 {p50:.1f} ms, p95 {percentile(values, 0.95):.1f} ms, "
            f"p99 {percentile(values, 0.99):.1f} ms, "
            f"mean {statistics.mean(values):.1f} ms, max {max(values):.1f} ms"
        )
    report(f"Target p50 < {args.target:.0f} ms: {'met' if met else 'MISSED'}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
