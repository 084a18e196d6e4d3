"""Pages of the site: published, public pages of the default site's tree."""

from __future__ import annotations

import datetime
from types import SimpleNamespace
from typing import Any, Literal

from django.db.models import Q, QuerySet

from wagtail.fields import StreamValue
from wagtail.models import Page, Site, get_page_models

from ninja import Field, Query, Router, Schema

from caching.routing import url_for_request

from .common import (
    DETAIL_ERRORS,
    LIST_ERRORS,
    ListEnvelope,
    ListParams,
    LocaleParams,
    ObjectId,
    absolute,
    api_url,
    bad_request,
    in_language,
    labels_in,
    locale_codes,
    not_found,
    paginate,
    requested_language,
)

router = Router(tags=["pages"])


def site_root_paths() -> list[str]:
    """Tree paths of the default site's home page and its translations (one query)."""
    roots = Page.objects.filter(
        translation_key__in=Site.objects.filter(is_default_site=True).values(
            "root_page__translation_key"
        )
    )
    return list(roots.values_list("path", flat=True))


def published_pages(model: type[Page] = Page) -> QuerySet:
    """Live pages without view restrictions in the default site's tree, in any
    locale. Drafts, unpublished and private pages never appear."""
    in_site = Q(pk__in=[])
    for path in site_root_paths():
        in_site |= Q(path__startswith=path)
    return model.objects.live().public().filter(in_site)


def page_types() -> dict[str, type[Page]]:
    """ "pages.InfoPage" -> model, for every page type of the project."""
    return {
        model._meta.label: model for model in get_page_models() if model is not Page
    }


def page_type_label(page: Page) -> str:
    return page.specific_class._meta.label if page.specific_class else ""


class PageFilters(ListParams, LocaleParams):
    type: str | None = Field(
        None,
        max_length=100,
        pattern=r"^[\w.]+$",
        description="Page type, e.g. `pages.InfoPage` (see the `type` of a page).",
    )


class PageSummary(Schema):
    id: int
    title: str
    type: str = Field(description="Page type, `app.Model`.")
    locale: str = Field(description="Language code of the page.")
    url: str | None = Field(description="Absolute URL of the page on the site.")
    detail_url: str = Field(description="This page in the API.")
    intro: str
    last_reviewed: datetime.date | None = Field(
        description="Date the content was last checked by the editors (\u201eStand\u201c)."
    )
    last_published_at: datetime.datetime | None


class PageList(ListEnvelope):
    items: list[PageSummary]


class Translation(Schema):
    id: int
    locale: str
    url: str | None
    detail_url: str


class PageDetail(PageSummary):
    search_description: str
    first_published_at: datetime.datetime | None
    body: list[dict[str, Any]] = Field(
        description=(
            "The StreamField content as blocks `{type, value, id}`. Rich text is "
            "HTML (or Markdown with `rich_text_format=markdown`); pages, documents, "
            "images and contacts are referenced by id."
        )
    )
    translations: list[Translation] = Field(
        description="Published versions of this page in other languages."
    )


def page_summary(request, page: Page, codes: dict[int, str]) -> dict:
    return {
        "id": page.pk,
        "title": page.title,
        "type": page_type_label(page),
        "locale": codes.get(page.locale_id, ""),
        "url": absolute(request, url_for_request(page, request)),
        "detail_url": api_url(request, "page_detail", page_id=page.pk),
        "intro": getattr(page, "intro", ""),
        "last_reviewed": getattr(page, "last_reviewed", None),
        "last_published_at": page.last_published_at,
    }


@router.get(
    "",
    response={200: PageList, **LIST_ERRORS},
    summary="List pages",
    description=(
        "Published, public pages in tree order. Filter by language "
        "(`sprache` or `locale`) and page type (`type`)."
    ),
)
def page_list(request, filters: Query[PageFilters]):
    code = requested_language(filters)
    pages = in_language(published_pages(), code)
    if filters.type:
        model = page_types().get(filters.type)
        if model is None:
            raise bad_request(
                f"Unknown page type {filters.type!r}; use one of: "
                + ", ".join(sorted(page_types()))
                + "."
            )
        pages = pages.filter(
            content_type__app_label=model._meta.app_label,
            content_type__model=model._meta.model_name,
        )
    items, envelope = paginate(request, pages.order_by("path").specific(), filters)
    codes = locale_codes()
    with labels_in(code):
        envelope["items"] = [page_summary(request, page, codes) for page in items]
    return envelope


class PageDetailParams(Schema):
    rich_text_format: Literal["html", "markdown"] = Field(
        "html", description="Format of rich text in `body`."
    )


def body_representation(page: Page, rich_text_format: str) -> list:
    body = getattr(page, "body", None)
    if not isinstance(body, StreamValue):
        return []
    # Wagtail's rich text blocks read the format from the request's query
    # string; give them only the validated value.
    context = {"request": SimpleNamespace(GET={"rich_text_format": rich_text_format})}
    representation = body.stream_block.get_api_representation(body, context=context)
    return list(representation or [])


@router.get(
    "/{page_id}",
    response={200: PageDetail, **DETAIL_ERRORS},
    summary="One page",
    description="A published, public page with its content and translations.",
)
def page_detail(request, page_id: ObjectId, params: Query[PageDetailParams]):
    page = published_pages().filter(pk=page_id).specific().first()
    if page is None:
        raise not_found("There is no published page with this id.")
    codes = locale_codes()
    translations = (
        published_pages()
        .filter(translation_key=page.translation_key)
        .exclude(pk=page.pk)
        .order_by("locale__language_code")
    )
    with labels_in(codes.get(page.locale_id)):
        data = page_summary(request, page, codes)
        data.update(
            search_description=page.search_description,
            first_published_at=page.first_published_at,
            body=body_representation(page, params.rich_text_format),
            translations=[
                {
                    "id": translation.pk,
                    "locale": codes.get(translation.locale_id, ""),
                    "url": absolute(request, url_for_request(translation, request)),
                    "detail_url": api_url(
                        request, "page_detail", page_id=translation.pk
                    ),
                }
                for translation in translations
            ],
        )
    return data
