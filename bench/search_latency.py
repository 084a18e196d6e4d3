"""Benchmark: latency of the site search on PostgreSQL with 10,000 pages.

Creates a throw-away PostgreSQL database next to the one ``DATABASE_URL``
names (same server and user, name ``<name>_searchbench_<random>``), migrates
it, builds a site with --pages generated content pages of German text (varied
vocabulary, compounds, umlauts) plus measure sheets, organisations and
documents, indexes everything, then sends --queries varied German queries
through ``site_search.search.site_search`` (what the search page calls: all
four kinds, counts and the first hits with excerpts) and reports the latency
percentiles. The database is dropped at the end, also after an error.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/flensburg \\
        .venv/bin/python bench/search_latency.py [--pages 10000] [--queries 200]

Options: --seed (the text and the queries are reproducible), --keep (do not
drop the database; its name is printed), --existing (use the database
DATABASE_URL names itself, e.g. one kept before: the site is built only if
it has fewer pages, the index is rebuilt, nothing is dropped). SQLite is
refused: the numbers are meant for the production database. Exits with 1 if
the median is not below --target milliseconds (default 100).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent


def _words(text: str, sep: str | None = None) -> list[str]:
    return [word.strip() for word in text.split(sep) if word.strip()]


# Words of the site's topics: a page is about one or two of them.
TOPICS = {
    name: _words(words)
    for name, words in {
        "wohnen": """Wohnung Wohnungen Wohnungssuche Wohnraum Miete Mietvertrag
            Vermieter Nebenkosten Unterkunft Gemeinschaftsunterkunft Umzug
            Wohnberechtigungsschein Kaution Nachbarschaft Hausordnung""",
        "sprache": """Sprachkurs Sprachkurse Deutschkurs Integrationskurs
            Sprachcafé Alphabetisierung Sprachprüfung Lehrerin Unterricht
            Dolmetscher Übersetzung Sprachmittlerin Wörterbuch""",
        "arbeit": """Arbeit Arbeitsmarkt Ausbildung Praktikum Bewerbung
            Arbeitserlaubnis Jobcenter Agentur Berufsanerkennung Betrieb
            Ausbildungsplatz Lebenslauf Minijob Qualifizierung""",
        "gesundheit": """Gesundheit Ärztin Arzt Krankenversicherung Impfung
            Krankenhaus Apotheke Hebamme Psychotherapie Behandlungsschein
            Zahnarzt Vorsorge Beratungsstelle""",
        "kinder": """Kinder Kita Kindergarten Schule Schulanmeldung
            Hausaufgabenhilfe Jugendliche Spielplatz Elterncafé Betreuung
            Ferienprogramm Jugendzentrum""",
        "ehrenamt": """Ehrenamt Ehrenamtliche Patenschaft Patenschaften
            Freiwillige Initiative Helferkreis Begleitung Engagement
            Nachbarschaftshilfe Mentoring""",
        "spenden": """Spende Spenden Sachspenden Kleiderkammer Kleidung Möbel
            Fahrrad Fahrradwerkstatt Möbelbörse Tafel Spendenkonto Abgabestelle""",
        "aufenthalt": """Aufenthalt Aufenthaltserlaubnis Asylverfahren Asyl
            Duldung Ausländerbehörde Anhörung Bescheid Widerspruch
            Rechtsberatung Familiennachzug Einbürgerung Pass""",
        "leistungen": """Leistungen Asylbewerberleistungsgesetz Sozialamt
            Antrag Formular Bürgergeld Kindergeld Wohngeld Bildungspaket
            Bescheinigung Termin Kontoeröffnung""",
        "begegnung": """Begegnung Begegnungscafé Sportverein Fußball Chor
            Stadtfest Ausflug Bücherei Museum Gemeinschaftsgarten Kochabend
            Frauentreff Teilhabe""",
        "mobilitaet": """Bus Busfahrkarte Bahnhof Führerschein Fahrschule
            Fahrradkurs Verkehr Stadtplan Sozialticket""",
        "koordination": """Koordinierungsstelle Koordination Netzwerk
            Handlungsfeld Maßnahme Maßnahmensteckbrief Statusanalyse
            Arbeitspapier Forum Ausschuss Fokusgruppe Akzeptanz""",
    }.items()
}
DISTRICTS = _words(
    """
    Altstadt|Neustadt|Nordstadt|Westliche Höhe|Friesischer Berg|Weiche|Südstadt|
    Sandberg|Jürgensby|Fruerlund|Mürwik|Engelsby|Tarup
    """,
    sep="|",
)
QUERIES = _words(
    """
    Wohnung|Wohnungen|Wohnungssuche|Sprachkurs|Sprachkurse|Deutschkurs Abend|
    Fluechtlinge|Flüchtlinge|Strasse|Straße|Arbeit|Ausbildung Praktikum|
    Kita Kinder|Beratung Familien|Ausländerbehörde Termin|Oeffnungszeiten|
    Öffnungszeiten Rathaus|Ehrenamt|Patenschaften|Spenden Kleidung|Moebel|
    Fahrrad|Gesundheit Arzt|Dolmetscherin|Integrationskurs|Asyl|Duldung|
    Jobcenter Antrag|Begegnungscafé|Mürwik|Muerwik Beratung|Nachbarschaftshilfe|
    Jugend|Frauen Treff|kostenlos|barrierefrei|Wohnraum Miete|Vermieter|
    Fuehrerschein|Sportverein Kinder|Stadtteil|Netzwerk Koordination|Leistungen|
    Formular|Schule|Quantenphysik|Xylophon|zzzz|Wohnung Quantenphysik
    """,
    sep="|",
)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--target", type=float, default=100.0, help="p50 in ms")
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
    """(URL of the new database, its name, URL of the server's maintenance DB)."""
    parts = urlsplit(database_url)
    if parts.scheme not in {"postgres", "postgresql", "pgsql"}:
        sys.exit(
            "bench/search_latency.py measures PostgreSQL only: set DATABASE_URL to "
            "postgres://user@host:port/name (SQLite is not supported)."
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


class Writer:
    """Reproducible German text: topic words among everyday words.

    Everyday words come from Faker's German word list, drawn with a Zipf
    distribution as in real text (few words are everywhere, most are rare);
    each page is about one or two topics, so a topic word is on some pages,
    not on all.
    """

    def __init__(self, seed: int):
        from faker.providers.lorem.de_DE import Provider

        self.random = random.Random(seed)  # noqa: S311 - sample text, no secret
        self.everyday = list(Provider.word_list)
        self.random.shuffle(self.everyday)
        self.weights = [1 / rank for rank in range(1, len(self.everyday) + 1)]
        self.topics = list(TOPICS)

    def words(self, count: int) -> list[str]:
        return self.random.choices(self.everyday, self.weights, k=count)

    def sentence(self, topics: list[str]) -> str:
        words = self.words(self.random.randint(4, 10))
        for _ in range(self.random.randint(1, 2)):
            position = self.random.randrange(len(words) + 1)
            words.insert(
                position, self.random.choice(TOPICS[self.random.choice(topics)])
            )
        if self.random.random() < 0.2:
            words += ["in", self.random.choice(DISTRICTS)]
        text = " ".join(words)
        return text[0].upper() + text[1:] + "."

    def page_topics(self) -> list[str]:
        first = self.random.choice(self.topics)
        if self.random.random() < 0.3:
            return [first, self.random.choice(self.topics)]
        return [first]

    def paragraph(self, topics: list[str]) -> str:
        return " ".join(self.sentence(topics) for _ in range(self.random.randint(3, 6)))

    def title(self, topics: list[str]) -> str:
        noun = self.random.choice(TOPICS[topics[0]])
        if self.random.random() < 0.5:
            return f"{noun} in {self.random.choice(DISTRICTS)}"
        return f"{noun}: {' '.join(self.words(2)).capitalize()}"

    def query(self) -> str:
        roll = self.random.random()
        if roll < 0.45:
            query = self.random.choice(QUERIES)
        elif roll < 0.7:
            query = self.random.choice(TOPICS[self.random.choice(self.topics)])
        elif roll < 0.85:
            query = " ".join(self.random.sample(self.everyday, 2))
        else:
            query = self.random.choice(self.everyday)
        if self.random.random() < 0.2:
            query = query.lower()
        return query


def build_site(args, writer: Writer) -> None:
    from django.core.management import call_command
    from django.db import transaction
    from django.db.models.signals import post_save

    from wagtail.models import Page, Site
    from wagtail.search.signal_handlers import post_save_signal_handler

    from contacts.models import Organisation, OrganisationKind
    from integration_checkup.models import FieldOfAction, MeasureSheet
    from pages.models import CheckUpPage, ContentPage, HelpPage, HomePage

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
        for number in range(args.pages):
            topics = writer.page_topics()
            home.add_child(
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
            if number % 1000 == 999:
                report(f"  {number + 1} pages created")
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


def _index() -> None:
    from django.core.management import call_command
    from django.db import connection

    started = time.perf_counter()
    call_command("update_index", verbosity=0)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # as autovacuum would after a bulk load
    report(f"  search index built in {time.perf_counter() - started:.0f} s")


def measure(args, writer: Writer) -> list[float]:
    from django.test import RequestFactory
    from django.utils import translation

    from site_search.normalise import parse_query
    from site_search.search import site_search

    factory = RequestFactory()
    translation.activate("de")
    queries = [writer.query() for _ in range(args.queries)]
    for query in queries[:10]:  # warm-up: connections, caches
        site_search(factory.get("/suche/", HTTP_HOST="localhost"), parse_query(query))
    timings, found = [], 0
    for query in queries:
        request = factory.get("/suche/", {"q": query}, HTTP_HOST="localhost")
        started = time.perf_counter()
        groups = site_search(request, parse_query(query))
        timings.append((time.perf_counter() - started) * 1000)
        found += any(group.count for group in groups)
    report(f"  {found} of {len(queries)} queries found something")
    return timings


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
    else:
        admin_sql(maintenance, "CREATE DATABASE {}", name)
        report(f"Throw-away database {name} created.")
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
        else:
            admin_sql(maintenance, "DROP DATABASE {} WITH (FORCE)", name)
            report(f"Database {name} dropped.")
    p50 = percentile(timings, 0.50)
    report(
        f"Latency of site_search() over {len(timings)} queries: "
        f"p50 {p50:.1f} ms, p95 {percentile(timings, 0.95):.1f} ms, "
        f"p99 {percentile(timings, 0.99):.1f} ms, "
        f"mean {statistics.mean(timings):.1f} ms, max {max(timings):.1f} ms"
    )
    report(
        f"Target p50 < {args.target:.0f} ms: {'met' if p50 < args.target else 'MISSED'}"
    )
    return 0 if p50 < args.target else 1


if __name__ == "__main__":
    sys.exit(main())
