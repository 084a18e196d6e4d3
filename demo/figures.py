"""Demo content of "Lage in Zahlen": a few indicators with example values.

The source names no statistics; it only dates the data basis of the Check
Up Integration (Q4/2016 and Q1/2017). So every indicator here is example
data, built around those dates over 2015–2017: each is marked
``is_example`` (the site labels it "Beispieldaten" on every chart), its
title begins with "Beispiel:", and its one source says it is no real source.
Never real Flensburg statistics.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.db import transaction

from core.bootstrap import ensure_default_locale
from figures.models import Indicator, Source, Value

EXAMPLE_NOTE = (
    "Beispieldaten: Die Werte sind für die Demo-Website erfunden und keine "
    "Statistik der Stadt Flensburg. Die Datenbasis der echten Auswertung im Check "
    "Up Integration sind das 4. Quartal 2016 und das 1. Quartal 2017."
)

SOURCE = {
    "publisher": "Beispiel: Koordinierungsstelle für Flüchtlinge",
    "title": "Beispieldaten für die Demo-Website (keine echte Quelle)",
    "url": "",
    "retrieved": datetime.date(2017, 5, 15),
    "licence": "dl-de/by-2-0",
}


def _quarters(
    first_year: int, values: list[int]
) -> list[tuple[datetime.date, str, int]]:
    return [
        (datetime.date(first_year + n // 4, 3 * (n % 4) + 1, 1), "", value)
        for n, value in enumerate(values)
    ]


Q4_2016, Q1_2017 = datetime.date(2016, 10, 1), datetime.date(2017, 1, 1)

# slug, title, description, unit, counts, kind, breakdown, granularity, values
INDICATORS = [
    (
        "zuweisungen",
        "Beispiel: Flensburg zugewiesene Geflüchtete",
        "Wie viele Geflüchtete das Land Flensburg in jedem Quartal zugewiesen hat.",
        "Personen",
        "Neue Zuweisungen durch das Land im Quartal, ohne Umzüge innerhalb der Stadt.",
        "line",
        "",
        "quarter",
        _quarters(2015, [96, 148, 402, 611, 388, 205, 131, 118, 102, 94, 87, 90]),
    ),
    (
        "aufenthaltsstatus",
        "Beispiel: Geflüchtete nach Aufenthaltsstatus",
        "Wie sich die in Flensburg lebenden Geflüchteten auf die Aufenthaltsstatus verteilen.",
        "Personen",
        "In Flensburg gemeldete Geflüchtete am Ende des Quartals.",
        "bar",
        "status_group",
        "quarter",
        [
            (quarter, status, value)
            for quarter, numbers in (
                (Q4_2016, (612, 1105, 143, 57)),
                (Q1_2017, (498, 1231, 151, 61)),
            )
            for status, value in zip(
                ("asylum-seekers", "recognised", "tolerated", "other"),
                numbers,
                strict=True,
            )
        ],
    ),
    (
        "stadtteile",
        "Beispiel: Geflüchtete in Gemeinschaftsunterkünften nach Stadtteil",
        "Wo Geflüchtete in Gemeinschaftsunterkünften der Stadt wohnen.",
        "Personen",
        "Belegte Plätze in Gemeinschaftsunterkünften am Ende des Quartals.",
        "bar",
        "district",
        "quarter",
        [
            (quarter, district, value)
            for quarter, numbers in (
                (Q4_2016, (38, 74, 52, 61, 27, 45, 33, 21, 66, 40, 58, 19, 24)),
                (Q1_2017, (31, 66, 49, 55, 22, 41, 30, 18, 59, 37, 50, 16, 20)),
            )
            for district, value in zip(
                (
                    "altstadt",
                    "neustadt",
                    "nordstadt",
                    "westliche-hoehe",
                    "friesischer-berg",
                    "weiche",
                    "suedstadt",
                    "sandberg",
                    "juergensby",
                    "fruerlund",
                    "muerwik",
                    "engelsby",
                    "tarup",
                ),
                numbers,
                strict=True,
            )
        ],
    ),
    (
        "sprachkursplaetze",
        "Beispiel: Plätze in Integrations- und Sprachkursen",
        "Wie viele Kursplätze für Deutsch in Flensburg im Jahr angeboten wurden.",
        "Plätze",
        "Angebotene Plätze in Integrationskursen und ehrenamtlichen Sprachkursen im Jahr.",
        "line",
        "",
        "year",
        [
            (datetime.date(2015, 1, 1), "", 420),
            (datetime.date(2016, 1, 1), "", 980),
            (datetime.date(2017, 1, 1), "", 1150),
        ],
    ),
]

# The indicators "Lage und Fakten" shows, in this order.
KEY_INDICATORS = ("zuweisungen", "aufenthaltsstatus", "stadtteile")


@dataclass
class FiguresReport:
    created: list[str] = field(default_factory=list)


@transaction.atomic
def figures_demo_load() -> FiguresReport:
    """Add the example indicators that are missing; never change what exists."""
    report = FiguresReport()
    locale = ensure_default_locale()
    source = Source.objects.filter(title=SOURCE["title"]).first()
    if source is None:
        source = Source.objects.create(**SOURCE)
    for order, (
        slug,
        title,
        description,
        unit,
        counts,
        kind,
        breakdown,
        granularity,
        values,
    ) in enumerate(INDICATORS):
        if Indicator.objects.filter(slug=slug, locale=locale).exists():
            continue
        indicator = Indicator.objects.create(
            locale=locale,
            slug=slug,
            title=title,
            description=description,
            unit=unit,
            counts=counts,
            method_note=EXAMPLE_NOTE,
            chart_kind=kind,
            breakdown=breakdown,
            is_example=True,
            sort_order=order,
        )
        Value.objects.bulk_create(
            Value(
                indicator=indicator,
                granularity=granularity,
                period_start=start,
                breakdown=key,
                value=Decimal(value),
                source=source,
            )
            for start, key, value in values
        )
        report.created.append(title)
    return report


def demo_indicator(slug: str) -> Indicator | None:
    """An example indicator (German original); None once editors removed it."""
    return Indicator.objects.filter(
        slug=slug, locale__language_code=settings.LANGUAGE_CODE
    ).first()


def indicator_charts() -> list[dict]:
    """Chart blocks of the key indicators that exist (built when the page is)."""
    blocks = []
    for slug in KEY_INDICATORS:
        indicator = demo_indicator(slug)
        if indicator is not None:
            blocks.append(
                {"type": "indicator_chart", "value": {"indicator": indicator.pk}}
            )
    return blocks
