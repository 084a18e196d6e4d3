"""What the site search finds: its kinds (pages, measure sheets,
organisations, indicators, documents), what each visitor may find of each, and what a hit
shows of an object (``Source``). A new kind is a ``Kind`` in ``KINDS``; the
matching and the result groups are in ``site_search.search``."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import reduce
from operator import or_
from typing import TYPE_CHECKING
from urllib.parse import urlencode

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Page, get_page_models

from caching.page_cache import cached_fragment, cached_fragments
from contacts.models import Organisation
from core.document_publication import public_only
from core.formatting import format_file_size
from core.search_text import searchable_texts
from figures.models import Indicator
from integration_checkup.models import MeasureSheet

if TYPE_CHECKING:
    from .index import Entry
    from .search import Hit, SearchContext


@dataclass(frozen=True)
class Source:
    """What a hit shows of an object, whatever was searched for: kept in the
    cache until the next purge, so a search loads no objects it showed before."""

    title: str
    text: str
    url: str
    details: str = ""
    locale_id: int | None = None  # None: not translatable (documents)
    # Words of the site around the object's own title and details, in the
    # reader's language ("Nr. 7:", "Handlungsfeld"): the template marks the
    # object's text with the object's language, these with the reader's.
    title_prefix: str = ""
    details_label: str = ""


# --- pages ---------------------------------------------------------------


def pages_queryset(context: SearchContext) -> QuerySet:
    pages = Page.objects.live().public().filter(depth__gt=1)
    return context.in_language(pages, Page.objects.live())


def page_source(context: SearchContext, page) -> Source:
    return Source(
        title=page.title,
        text="\n".join(searchable_texts(page)),
        url=context.url_in_language(page),
        locale_id=page.locale_id,
    )


# --- measure sheets ----------------------------------------------------------


def measures_queryset(context: SearchContext) -> QuerySet:
    sheets = MeasureSheet.objects.filter(live=True)
    return context.in_language(sheets, MeasureSheet.objects.filter(live=True))


def measure_source(context: SearchContext, sheet) -> Source | None:
    index_page = context.checkup_page
    if index_page is None:
        return None
    return Source(
        title=sheet.title,
        title_prefix=_("Nr. %(number)s:") % {"number": sheet.number},
        text="\n".join(searchable_texts(sheet)),
        url=context.url_in_language(index_page) + index_page.measure_path(sheet.number),
        details=sheet.field_of_action.name,
        details_label=_("Handlungsfeld"),
        locale_id=sheet.locale_id,
    )


# --- organisations -------------------------------------------------------


def organisations_queryset(context: SearchContext) -> QuerySet:
    return context.in_language(Organisation.objects.all(), Organisation.objects.all())


def organisation_source(context: SearchContext, organisation) -> Source:
    place = organisation.place
    address = f"{place.street}, {place.postcode} {place.city}" if place else ""
    help_page = context.help_page
    # The directory on the help page, filtered to this organisation.
    url = (
        f"{context.url_in_language(help_page)}?{urlencode({'q': organisation.name})}"
        "#directory-heading"
        if help_page is not None
        else ""
    )
    return Source(
        title=organisation.name,
        text="\n".join(searchable_texts(organisation, skip=("name", "search_terms"))),
        url=url,
        details=address,
        locale_id=organisation.locale_id,
    )


# --- indicators ("Lage in Zahlen") -------------------------------------------


def indicators_queryset(context: SearchContext) -> QuerySet:
    return context.in_language(Indicator.objects.all(), Indicator.objects.all())


def indicator_source(context: SearchContext, indicator) -> Source:
    # The slug is the same in every language; the address in the reader's.
    return Source(
        title=indicator.title,
        text="\n".join(searchable_texts(indicator)),
        url=reverse("figures:detail", args=[indicator.slug]),
        details=indicator.unit,
        details_label=_("Einheit"),
        locale_id=indicator.locale_id,
    )


# --- documents -----------------------------------------------------------


def documents_queryset(context: SearchContext) -> QuerySet:
    """Documents anyone may download: none from a private collection or below
    one, none that only unpublished content uses."""
    documents = public_only(get_document_model().objects.all())
    restricted = cached_fragment(
        "restricted-collections",
        (),
        lambda: list(
            CollectionViewRestriction.objects.values_list("collection__path", flat=True)
        ),
    )
    if restricted:
        private = Collection.objects.filter(
            reduce(or_, (Q(path__startswith=path) for path in restricted))
        )
        documents = documents.exclude(collection__in=private.values("pk"))
    return documents


def document_source(context: SearchContext, document) -> Source:
    size = document.get_file_size()
    details = document.file_extension.upper()
    if size is not None:
        details += f", {format_file_size(size)}"
    return Source(
        title=document.title,
        text=document.extracted_text,
        url=document.url,
        details_label=details,  # file type and size: the site's words
    )


@dataclass(frozen=True)
class Kind:
    key: str
    label: str
    models: Callable[[], Iterable[type]]  # whose index entries are of this kind
    queryset: Callable[[SearchContext], QuerySet]  # what the visitor may find
    source: Callable[[SearchContext, object], Source | None]
    related: tuple[str, ...] = ()  # loaded with each hit

    def content_types(self) -> list[int]:
        return [
            content_type.pk
            for content_type in ContentType.objects.get_for_models(
                *self.models()
            ).values()
        ]

    def visible(self, context: SearchContext) -> frozenset[str]:
        """The primary keys (as the index holds them) of what the visitor may
        find, in the cache until the next purge."""
        return cached_fragment(
            "search-visible",
            (self.key, context.locale.pk),
            lambda: frozenset(
                str(pk) for pk in self.queryset(context).values_list("pk", flat=True)
            ),
        )

    def load(self, items: list[tuple[int, str]]) -> Iterator[tuple[tuple, object]]:
        """The objects of these (content type, primary key) items, as
        ``(item, object)``: one query per model (pages: per page type, so
        each is the specific page). Items whose object is gone are left out."""
        keys = defaultdict(list)
        for content_type_id, object_id in items:
            keys[content_type_id].append(object_id)
        for content_type_id, object_ids in keys.items():
            model = ContentType.objects.get_for_id(content_type_id).model_class()
            if model is None:
                continue
            objects = model._default_manager.filter(pk__in=object_ids).order_by()
            if self.related:
                objects = objects.select_related(*self.related)
            for obj in objects:
                yield (content_type_id, str(obj.pk)), obj

    def hits(self, context: SearchContext, entries: list[Entry]) -> list[Hit]:
        """The hits of these entries, in their order. What they show of their
        objects comes from the cache where an earlier search put it."""
        items = [(entry.content_type_id, entry.object_id) for entry in entries]
        host = context.request.get_host()
        sources = cached_fragments(
            "search-hit",
            {item: (self.key, *item, context.locale.pk, host) for item in items},
            lambda missing: {
                item: self.source(context, obj) for item, obj in self.load(missing)
            },
        )
        return [
            context.hit(sources[item])
            for item in items
            if sources.get(item) is not None
        ]


KINDS = (
    Kind("seiten", _("Seiten"), get_page_models, pages_queryset, page_source),
    Kind(
        "massnahmen",
        _("Maßnahmensteckbriefe"),
        lambda: [MeasureSheet],
        measures_queryset,
        measure_source,
        related=("field_of_action",),
    ),
    Kind(
        "adressen",
        _("Adressen"),
        lambda: [Organisation],
        organisations_queryset,
        organisation_source,
        related=("place",),
    ),
    Kind(
        "kennzahlen",
        _("Kennzahlen"),
        lambda: [Indicator],
        indicators_queryset,
        indicator_source,
    ),
    Kind(
        "dokumente",
        _("Dokumente"),
        lambda: [get_document_model()],
        documents_queryset,
        document_source,
    ),
)
KIND_KEYS = tuple(kind.key for kind in KINDS)
