"""The site search: pages, measure sheets, organisations and documents.

One full-text query over Wagtail's search index finds the matching objects of
every kind (``site_search.index``): the query's normalised keys
(``site_search.normalise``) against the normalised ``search_terms`` each
model indexes as its autocomplete field (``core.search_text``), in the
visitor's language and in German. When nothing matches, German compounds are
asked again by their parts.

Results are in the visitor's language: objects of the active locale, plus
German originals that have no (live) translation yet. Pages must be live and
public; documents in collections with a view restriction (private) are never
found. Which objects a visitor may see does not depend on the query: the
primary keys of each kind are kept in the cache until the next purge
(``caching.page_cache``), and the matches are filtered against them in Python,
which also counts them. Only the hits shown are loaded, a query per model.
A search thus costs a fixed number of queries (one when nothing matches),
whatever the amount of content.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import reduce
from operator import or_
from urllib.parse import urlencode

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Q, QuerySet
from django.utils.functional import cached_property
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Page, get_page_models

from contacts.models import Organisation
from core.formatting import format_file_size
from caching.page_cache import cached_fragment, cached_fragments
from core.search_text import searchable_texts
from core.translations import active_locale, default_locale
from integration_checkup.models import CheckUpPage, MeasureSheet
from pages.models import HelpPage

from .highlight import excerpt, highlight
from .index import Entry, matching_entries
from .normalise import ParsedQuery, with_compound_parts

PER_PAGE = 10
OVERVIEW_SIZE = 5


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


@dataclass
class Hit:
    """One result as the template shows it."""

    title: SafeString
    url: str
    excerpt: SafeString
    details: str = ""
    locale_id: int | None = None
    title_prefix: str = ""
    details_label: str = ""


@dataclass
class Group:
    key: str  # the value of the "typ" parameter
    label: str
    count: int
    hits: list[Hit] = field(default_factory=list)
    page_obj: PaginatorPage | None = None  # only when this kind alone is shown


class SearchContext:
    """What every kind needs: the request, the locales, the query's keys."""

    def __init__(self, request, query: ParsedQuery):
        self.request = request
        self.query = query
        self.keys = query.keys
        self.locale = active_locale()
        self.default_locale = default_locale()

    @property
    def is_default_language(self) -> bool:
        return self.locale.pk == self.default_locale.pk

    def in_language(self, queryset: QuerySet, translations: QuerySet) -> QuerySet:
        """Objects of the visitor's locale, plus German ones not translated into it.

        ``translations`` are the objects that count as a translation (live ones).
        """
        if self.is_default_language:
            return queryset.filter(locale=self.default_locale)
        translated = translations.filter(locale=self.locale).values("translation_key")
        return queryset.filter(
            Q(locale=self.locale)
            | Q(locale=self.default_locale) & ~Q(translation_key__in=translated)
        )

    def url_in_language(self, page: Page) -> str:
        """A German page shown in another language sits under that prefix
        (the page tree serves untranslated pages in German there;
        ``BasePage.get_url_parts`` gives that address)."""
        return page.get_url(self.request) or "/"

    def section_page(self, model) -> Page | None:
        """The page a kind of result is shown on, preferably in this language
        (kept in the cache until the next purge)."""

        def find():
            pages = {
                page.locale_id: page
                for page in model.objects.live().filter(
                    locale__in=[self.locale, self.default_locale]
                )
            }
            return pages.get(self.locale.pk) or pages.get(self.default_locale.pk)

        return cached_fragment(
            "search-section", (model._meta.label, self.locale.pk), find
        )

    @cached_property
    def checkup_page(self) -> CheckUpPage | None:
        return self.section_page(CheckUpPage)

    @cached_property
    def help_page(self) -> HelpPage | None:
        return self.section_page(HelpPage)

    def hit(self, source: Source) -> Hit:
        return Hit(
            title=highlight(source.title, self.keys),
            url=source.url,
            excerpt=excerpt(source.text, self.keys),
            details=source.details,
            locale_id=source.locale_id,
            title_prefix=source.title_prefix,
            details_label=source.details_label,
        )


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


# --- documents -----------------------------------------------------------


def documents_queryset(context: SearchContext) -> QuerySet:
    """Documents anyone may download: none from a private collection or below one."""
    documents = get_document_model().objects.all()
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
        "dokumente",
        _("Dokumente"),
        lambda: [get_document_model()],
        documents_queryset,
        document_source,
    ),
)
KIND_KEYS = tuple(kind.key for kind in KINDS)


def matches_by_kind(context: SearchContext) -> dict[str, list[Entry]]:
    """The index entries each kind shows to this visitor, best first."""
    kind_of = {
        content_type: kind for kind in KINDS for content_type in kind.content_types()
    }
    matches = {kind.key: [] for kind in KINDS}
    visible = {}
    for entry in matching_entries(context.query, kind_of):
        kind = kind_of[entry.content_type_id]
        if kind.key not in visible:
            visible[kind.key] = kind.visible(context)
        if entry.object_id in visible[kind.key]:
            matches[kind.key].append(entry)
    return matches


def find_matches(
    request, query: ParsedQuery
) -> tuple[SearchContext, dict[str, list[Entry]]]:
    """The matches of each kind; when nothing matches, those of the query's
    German compounds asked by their parts ("Deutschkurs": "Deutsch" and
    "Kurs"), with the context of the query that found them."""
    context = SearchContext(request, query)
    matches = matches_by_kind(context)
    if not any(matches.values()):
        by_parts = with_compound_parts(query)
        if by_parts is not None:
            context = SearchContext(request, by_parts)
            matches = matches_by_kind(context)
    return context, matches


def count_matches(request, query: ParsedQuery) -> int:
    """How many objects of all kinds this visitor finds with the query."""
    return sum(len(entries) for entries in find_matches(request, query)[1].values())


def site_search(
    request, query: ParsedQuery, *, only: str = "", page_number=None
) -> list[Group]:
    """Every kind with its count; the first few hits of each, or, with
    ``only``, that kind's hits page by page."""
    context, matches = find_matches(request, query)
    groups = []
    for kind in KINDS:
        entries = matches[kind.key]
        group = Group(kind.key, kind.label, count=len(entries))
        if not only:
            shown = entries[:OVERVIEW_SIZE]
        elif kind.key == only:
            group.page_obj = Paginator(entries, PER_PAGE).get_page(page_number)
            shown = list(group.page_obj.object_list)
        else:
            shown = []
        group.hits = kind.hits(context, shown) if shown else []
        groups.append(group)
    return groups
