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

from dataclasses import dataclass, field

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Q, QuerySet
from django.utils.functional import cached_property
from django.utils.safestring import SafeString

from wagtail.models import Page

from caching.page_cache import cached_fragment
from caching.routing import url_for_request
from core.translations import active_locale, default_locale
from integration_checkup.models import CheckUpPage
from pages.models import HelpPage

from .highlight import excerpt, highlight
from .index import Entry, matching_entries
from .kinds import KINDS, Source
from .normalise import ParsedQuery, with_compound_parts

PER_PAGE = 10
OVERVIEW_SIZE = 5


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
        return url_for_request(page, self.request) or "/"

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
