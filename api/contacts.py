"""The directory of organisations: who helps, where, when, in which languages.

The same data the directory page, its vCards and its open-data download
publish (see ``contacts.views``); people are not part of the API.
"""

from __future__ import annotations

import datetime
import decimal

from django.urls import reverse

from ninja import Field, Query, Router, Schema

from caching.routing import url_for_request
from contacts import selectors
from contacts.models import District, Organisation, OrganisationKind
from contacts.models.organisations import Weekday
from core.translations import default_locale_only
from pages.models import OfficePage

from .common import (
    DETAIL_ERRORS,
    LIST_ERRORS,
    SLUG,
    Choice,
    ListEnvelope,
    ListParams,
    LocaleParams,
    ObjectId,
    absolute,
    api_url,
    bad_request,
    choice,
    labels_in,
    locale_codes,
    not_found,
    paginate,
    requested_language,
)
from .pages import published_pages

router = Router(tags=["organisations"])
DAY_NAMES = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
]


class OrganisationFilters(ListParams, LocaleParams):
    category: str | None = Field(
        None, max_length=60, pattern=SLUG, description="Slug of a help category."
    )
    advice_language: str | None = Field(
        None,
        max_length=10,
        pattern=SLUG,
        description="ISO 639-1 code of a language the organisation advises in.",
    )


class CategoryOut(Schema):
    slug: str
    name: str


class LanguageOut(Schema):
    code: str
    name: str = Field(description="Name in German.")
    native_name: str


class AddressOut(Schema):
    street: str
    postcode: str
    city: str
    country: str = Field(description="ISO 3166-1 alpha-2.")


class PlaceOut(Schema):
    name: str
    address: AddressOut
    district: Choice | None
    latitude: float | None
    longitude: float | None
    accessibility: str
    map_url: str = Field(description="The place on OpenStreetMap.")


class OpeningSlot(Schema):
    weekday: int = Field(description="0 = Monday … 6 = Sunday.")
    day: str = Field(description="`monday` … `sunday`.")
    day_label: str
    opens: str = Field(description="Local time (Europe/Berlin), HH:MM.")
    closes: str = Field(
        description="HH:MM; at or before `opens`, the slot runs past midnight."
    )
    appointment_only: bool = Field(
        description="In this slot only by appointment (`nur nach Terminvereinbarung`)."
    )


class OpeningHoursOut(Schema):
    slots: list[OpeningSlot]
    appointment_only: bool
    appointment_url: str
    temporarily_closed: bool
    note: str


class OrganisationOut(Schema):
    id: int
    name: str
    locale: str
    kind: Choice
    description: str
    categories: list[CategoryOut]
    languages: list[LanguageOut]
    phone: str | None = Field(description="E.164, e.g. `+49461851653`.")
    email: str
    website: str
    place: PlaceOut | None
    opening_hours: OpeningHoursOut
    vcard_url: str
    page_url: str | None = Field(
        description="A page of the website about this organisation, if any."
    )
    detail_url: str


class OrganisationList(ListEnvelope):
    items: list[OrganisationOut]


def _coordinate(value: decimal.Decimal | None) -> float | None:
    return None if value is None else float(value)


def _time(value: datetime.time) -> str:
    return value.strftime("%H:%M")


def place_data(place) -> dict | None:
    if place is None:
        return None
    return {
        "name": place.name,
        "address": {
            "street": place.street,
            "postcode": place.postcode,
            "city": place.city,
            "country": "DE",
        },
        "district": choice(District, place.district) if place.district else None,
        "latitude": _coordinate(place.latitude),
        "longitude": _coordinate(place.longitude),
        "accessibility": place.accessibility,
        "map_url": place.map_url,
    }


class OrganisationContext:
    """Locale codes and the pages about the listed organisations (two queries)."""

    def __init__(self, request, organisations: list[Organisation]):
        self.request = request
        self.codes = locale_codes()
        pages = published_pages(OfficePage).filter(
            organisation__in=[organisation.pk for organisation in organisations]
        )
        self.pages = {}
        for page in pages.order_by("-path"):
            self.pages[page.organisation_id] = page

    def data(self, organisation: Organisation) -> dict:
        page = self.pages.get(organisation.pk)
        # Contact data and hours: the German original's (one place for each fact).
        facts = organisation.original
        return {
            "id": organisation.pk,
            "name": organisation.name,
            "locale": self.codes.get(organisation.locale_id, ""),
            "kind": choice(OrganisationKind, organisation.kind),
            "description": organisation.description,
            "categories": [
                {"slug": category.slug, "name": category.name}
                for category in organisation.categories.all()
            ],
            "languages": [
                {
                    "code": language.code,
                    "name": language.name,
                    "native_name": language.native_name,
                }
                for language in organisation.languages.all()
            ],
            "phone": facts.phone.as_e164 if facts.phone else None,
            "email": facts.email,
            "website": facts.website,
            "place": place_data(facts.place),
            "opening_hours": {
                "slots": [
                    {
                        "weekday": slot.weekday,
                        "day": DAY_NAMES[slot.weekday],
                        "day_label": str(Weekday(slot.weekday).label),
                        "opens": _time(slot.opens),
                        "closes": _time(slot.closes),
                        "appointment_only": slot.appointment_only,
                    }
                    for slot in facts.opening_hours.all()
                ],
                "appointment_only": facts.appointment_only,
                "appointment_url": facts.appointment_url,
                "temporarily_closed": facts.temporarily_closed,
                "note": organisation.hours_note,
            },
            "vcard_url": absolute(
                self.request,
                reverse("contacts:organisation_vcard", args=[organisation.pk]),
            ),
            "page_url": absolute(self.request, url_for_request(page, self.request))
            if page
            else None,
            "detail_url": api_url(
                self.request, "organisation_detail", organisation_id=organisation.pk
            ),
        }


@router.get(
    "",
    response={200: OrganisationList, **LIST_ERRORS},
    summary="List organisations",
    description=(
        "The directory by name. Filter by `category` (slug) and "
        "`advice_language` (ISO 639-1 code)."
    ),
)
def organisation_list(request, filters: Query[OrganisationFilters]):
    code = requested_language(filters)
    organisations = default_locale_only(selectors.organisation_queryset())
    if filters.category:
        if not selectors.categories().filter(slug=filters.category).exists():
            raise bad_request(f"Unknown category {filters.category!r}.")
        organisations = organisations.filter(categories__slug=filters.category)
    if filters.advice_language:
        if not selectors.languages().filter(code=filters.advice_language).exists():
            raise bad_request(f"Unknown language {filters.advice_language!r}.")
        organisations = organisations.filter(languages__code=filters.advice_language)
    organisations = organisations.distinct().order_by("name", "pk")
    items, envelope = paginate(request, organisations, filters)
    with labels_in(code):
        items = selectors.organisations_localized(items)
        context = OrganisationContext(request, items)
        envelope["items"] = [context.data(organisation) for organisation in items]
    return envelope


@router.get(
    "/{organisation_id}",
    response={200: OrganisationOut, **DETAIL_ERRORS},
    summary="One organisation",
)
def organisation_detail(request, organisation_id: ObjectId):
    organisation = selectors.organisation_queryset().filter(pk=organisation_id).first()
    if organisation is None:
        raise not_found("There is no organisation with this id.")
    context = OrganisationContext(request, [organisation])
    with labels_in(context.codes.get(organisation.locale_id)):
        return context.data(organisation)
