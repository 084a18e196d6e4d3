import datetime
from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from figures.models import Indicator, Source, Value


class IndicatorFactory(DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Kennzahl {n}")
    slug = factory.Sequence(lambda n: f"kennzahl-{n}")
    description = "Wie viele Menschen Flensburg zugewiesen wurden."
    unit = "Personen"
    counts = "Zuweisungen durch das Land."
    method_note = "Stichtag ist das Quartalsende."

    class Meta:
        model = Indicator


class SourceFactory(DjangoModelFactory):
    publisher = "Stadt Flensburg"
    title = factory.Sequence(lambda n: f"Statistischer Bericht {n}")
    url = "https://www.flensburg.de/statistik"
    retrieved = datetime.date(2017, 5, 2)

    class Meta:
        model = Source


class ValueFactory(DjangoModelFactory):
    indicator = factory.SubFactory(IndicatorFactory)
    granularity = "quarter"
    period_start = datetime.date(2016, 10, 1)
    value = Decimal("1240")
    source = factory.SubFactory(SourceFactory)

    class Meta:
        model = Value


def daily_values(indicator, source, count: int, *, breakdown: str = "", skip: int = 0):
    """``count`` daily values from 1 January 2000 (plus ``skip`` days) on."""
    first = datetime.date(2000, 1, 1)
    return Value.objects.bulk_create(
        Value(
            indicator=indicator,
            granularity="day",
            period_start=first + datetime.timedelta(days=n),
            breakdown=breakdown,
            value=Decimal(100 + n % 50),
            source=source,
        )
        for n in range(skip, skip + count)
    )
