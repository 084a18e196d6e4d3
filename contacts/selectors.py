"""Reads of the directory: fixed numbers of queries, whatever its size."""

from __future__ import annotations

import datetime

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from core.listing import folded_matches
from core.translations import default_locale_only, localize_objects

from .models import HelpCategory, Language, Need, OpeningHoursSlot, Organisation, Person


def organisation_queryset() -> QuerySet[Organisation]:
    """Organisations with everything the directory shows, prefetched."""
    return Organisation.objects.select_related("place").prefetch_related(
        "categories",
        "languages",
        Prefetch(
            "opening_hours",
            queryset=OpeningHoursSlot.objects.order_by("weekday", "opens"),
        ),
    )


def organisation_list(
    *,
    category: HelpCategory | None = None,
    district: str = "",
    language: Language | None = None,
    query: str = "",
) -> QuerySet[Organisation]:
    """The German originals, filtered; ``views`` swaps in translations.

    ``query`` matches words as the site search does: folded, so "Boerse"
    finds "Börse" (``core.listing.folded_matches``). Databases cannot fold:
    SQLite's ``LIKE`` ignores the case of ASCII letters only, neither spells
    out umlauts, and a folded copy in the database would be a second
    normaliser to keep in step. So the name, description, street and
    categories of the organisations that the other filters leave (the
    directory of one city: hundreds at most) are read in one query and
    compared in Python; the list is then those organisations by primary key,
    still a queryset for counting and paging.
    """
    organisations = default_locale_only(organisation_queryset())
    if category is not None:
        organisations = organisations.filter(categories=category)
    if district:
        organisations = organisations.filter(place__district=district)
    if language is not None:
        organisations = organisations.filter(languages=language)
    if query.split():
        # One row per category; rows of one organisation count as one.
        rows = (
            organisations.prefetch_related(None)
            .order_by()
            .values_list(
                "pk", "name", "description", "place__street", "categories__name"
            )
        )
        organisations = organisations.filter(pk__in=folded_matches(rows, query))
    return organisations.distinct().order_by("name")


def organisations_localized(originals) -> list[Organisation]:
    """German originals swapped for their translations in the reader's
    language; each translation knows its original (``Organisation.original``:
    contact data and hours), so that costs no query per organisation."""
    originals = list(originals)
    shown = localize_objects(originals, queryset=organisation_queryset())
    for original, organisation in zip(originals, shown, strict=True):
        if organisation is not original:
            organisation.original = original
    return shown


def organisation_get(*, pk: int) -> Organisation:
    return organisation_queryset().get(pk=pk)


def person_get(*, pk: int) -> Person:
    return Person.objects.select_related("organisation", "organisation__place").get(
        pk=pk
    )


def berlin_today(now: datetime.datetime | None = None) -> datetime.date:
    return timezone.localdate(now or timezone.now(), timezone.get_default_timezone())


def needs_current(*, now: datetime.datetime | None = None) -> QuerySet[Need]:
    """Needs whose date has not passed in Flensburg; expired ones vanish by themselves."""
    return (
        Need.objects.filter(needed_until__gte=berlin_today(now))
        .select_related("organisation", "organisation__place", "drop_off_place")
        .order_by("needed_until", "title")
    )


def categories() -> QuerySet[HelpCategory]:
    return default_locale_only(HelpCategory.objects.order_by("sort_order", "name"))


def languages() -> QuerySet[Language]:
    return Language.objects.order_by("name")
