"""The site search: pages, measure sheets, organisations and documents.

Each kind of result is one Wagtail autocomplete search over the database
backend: the query's normalised keys (``site_search.normalise``) against the
normalised ``search_terms`` each model indexes as its autocomplete field
(``core.search_text``). That field alone holds the same keys on SQLite and
PostgreSQL, and PostgreSQL can answer from its GIN index on it.

Results are in the visitor's language: objects of the active locale, plus
German originals that have no (live) translation yet. Documents are not
translated; those in collections with a view restriction (private) are never
found. A kind costs a fixed number of queries (count, one page of hits, a few
lookups), whatever the amount of content.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import reduce
from operator import or_
from urllib.parse import urlencode

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Q, QuerySet
from django.utils.functional import cached_property
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Page
from wagtail.search.backends import get_search_backend

from contacts.models import Organisation
from core.formatting import format_file_size
from core.page_cache import cached_fragment
from core.search_text import searchable_texts
from core.translations import active_locale, default_locale
from integration_checkup.models import MeasureSheet
from pages.models import CheckUpPage, HelpPage

from .highlight import excerpt, highlight
from .normalise import ParsedQuery

PER_PAGE = 10
OVERVIEW_SIZE = 5


@dataclass
class Hit:
    """One result as the template shows it."""

    obj: object
    title: SafeString
    url: str
    excerpt: SafeString
    details: str = ""


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
        (the page tree serves untranslated pages in German there)."""
        url = page.get_url(self.request) or "/"
        if page.locale_id != self.locale.pk and url.startswith("/"):
            url = f"/{self.locale.language_code}{url}"
        return url

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

    def hit(self, obj, *, title: str, text: str, url: str, details: str = "") -> Hit:
        return Hit(
            obj=obj,
            title=highlight(title, self.keys),
            url=url,
            excerpt=excerpt(text, self.keys),
            details=details,
        )


# --- pages ---------------------------------------------------------------


def pages_queryset(context: SearchContext) -> QuerySet:
    pages = Page.objects.live().public().filter(depth__gt=1)
    return context.in_language(pages, Page.objects.live()).specific()


def page_hits(context: SearchContext, pages) -> list[Hit]:
    return [
        context.hit(
            page,
            title=page.title,
            text="\n".join(searchable_texts(page)),
            url=context.url_in_language(page),
        )
        for page in pages
    ]


# --- measure sheets ----------------------------------------------------------


def measures_queryset(context: SearchContext) -> QuerySet:
    sheets = MeasureSheet.objects.filter(live=True).select_related("field_of_action")
    return context.in_language(sheets, MeasureSheet.objects.filter(live=True))


def measure_hits(context: SearchContext, sheets) -> list[Hit]:
    index_page = context.checkup_page
    if index_page is None:
        return []
    base = context.url_in_language(index_page)
    return [
        context.hit(
            sheet,
            title=_("Nr. %(number)s: %(title)s")
            % {"number": sheet.number, "title": sheet.title},
            text="\n".join(searchable_texts(sheet)),
            url=base
            + index_page.reverse_subpage("measure_detail", args=[sheet.number]),
            details=_("Handlungsfeld %(name)s") % {"name": sheet.field_of_action.name},
        )
        for sheet in sheets
    ]


# --- organisations -------------------------------------------------------


def organisations_queryset(context: SearchContext) -> QuerySet:
    organisations = Organisation.objects.select_related("place")
    return context.in_language(organisations, Organisation.objects.all())


def organisation_hits(context: SearchContext, organisations) -> list[Hit]:
    help_page = context.help_page
    base = context.url_in_language(help_page) if help_page is not None else None
    hits = []
    for organisation in organisations:
        place = organisation.place
        address = (
            f"{place.street}, {place.postcode} {place.city}"
            if place is not None
            else ""
        )
        # The directory on the help page, filtered to this organisation.
        url = (
            f"{base}?{urlencode({'q': organisation.name})}#directory-heading"
            if base
            else ""
        )
        hits.append(
            context.hit(
                organisation,
                title=organisation.name,
                text="\n".join(
                    searchable_texts(organisation, skip=("name", "search_terms"))
                ),
                url=url,
                details=address,
            )
        )
    return hits


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


def document_hits(context: SearchContext, documents) -> list[Hit]:
    hits = []
    for document in documents:
        size = document.get_file_size()
        details = document.file_extension.upper()
        if size is not None:
            details += f", {format_file_size(size)}"
        hits.append(
            context.hit(
                document,
                title=document.title,
                text=document.extracted_text,
                url=document.url,
                details=details,
            )
        )
    return hits


@dataclass(frozen=True)
class Kind:
    key: str
    label: str
    queryset: Callable[[SearchContext], QuerySet]
    hits: Callable[[SearchContext, list], list[Hit]]


KINDS = (
    Kind("seiten", _("Seiten"), pages_queryset, page_hits),
    Kind("massnahmen", _("Maßnahmensteckbriefe"), measures_queryset, measure_hits),
    Kind("adressen", _("Adressen"), organisations_queryset, organisation_hits),
    Kind("dokumente", _("Dokumente"), documents_queryset, document_hits),
)
KIND_KEYS = tuple(kind.key for kind in KINDS)


def search_results(context: SearchContext, kind: Kind):
    """The Wagtail search results of one kind, best first (lazy)."""
    return get_search_backend().autocomplete(
        context.query.as_search_query(), kind.queryset(context)
    )


def site_search(
    request, query: ParsedQuery, *, only: str = "", page_number=None
) -> list[Group]:
    """Every kind with its count; the first few hits of each, or, with
    ``only``, that kind's hits page by page."""
    context = SearchContext(request, query)
    groups = []
    for kind in KINDS:
        results = search_results(context, kind)
        group = Group(kind.key, kind.label, count=0)
        if not only:
            objects = list(results[:OVERVIEW_SIZE])
            # Fewer hits than the overview shows: that is all of them, no
            # second query needed to count them.
            group.count = (
                len(objects) if len(objects) < OVERVIEW_SIZE else results.count()
            )
        elif kind.key == only:
            group.page_obj = Paginator(results, PER_PAGE).get_page(page_number)
            objects = list(group.page_obj.object_list)
            group.count = group.page_obj.paginator.count
        else:
            objects = []
            group.count = results.count()
        group.hits = kind.hits(context, objects) if objects else []
        groups.append(group)
    return groups
