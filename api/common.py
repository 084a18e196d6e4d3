"""What every endpoint shares: query parameters, the locale, pagination, URLs.

Error texts are English (the API is read by developers); every error is JSON
of the form ``{"detail": "..."}``.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Annotated

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from wagtail.models import Locale

from ninja import Field, Path, Schema
from ninja.errors import HttpError

DEFAULT_LIMIT = 20
MAX_LIMIT = 100
# Far beyond any real content; keeps the SQL OFFSET within every backend's range.
MAX_OFFSET = 100_000
# Database ids are at most 64-bit signed integers.
MAX_ID = 2**63 - 1
CONTENT_LANGUAGES = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]

# Filter values are slugs or codes; anything else is refused before a query.
SLUG = r"^[-\w]+$"

ObjectId = Annotated[int, Path(ge=1, le=MAX_ID, description="Numeric id.")]


class ListParams(Schema):
    limit: int = Field(
        DEFAULT_LIMIT,
        ge=1,
        le=MAX_LIMIT,
        description=f"Items per response (1–{MAX_LIMIT}).",
    )
    offset: int = Field(0, ge=0, le=MAX_OFFSET, description="Number of items to skip.")


class LocaleParams(Schema):
    sprache: str | None = Field(
        None,
        max_length=20,
        pattern=SLUG,
        description="Language code: " + ", ".join(CONTENT_LANGUAGES) + ".",
    )
    locale: str | None = Field(
        None,
        max_length=20,
        pattern=SLUG,
        description="Same as `sprache` (use one of them).",
    )


class ListEnvelope(Schema):
    count: int = Field(description="Number of items matching the filters.")
    limit: int
    offset: int
    next: str | None = Field(description="URL of the next items, if any.")
    previous: str | None = Field(description="URL of the previous items, if any.")


class Error(Schema):
    detail: str
    errors: list[dict] | None = Field(
        None, description="With 400: which parameter is wrong and why."
    )


LIST_ERRORS = {400: Error, 429: Error}
DETAIL_ERRORS = {400: Error, 404: Error, 429: Error}


class Choice(Schema):
    """A coded value with its label in the requested language."""

    value: str
    label: str


def choice(choices, value) -> dict:
    """``{"value", "label"}`` of a Django choices value (label in the active language)."""
    labels = dict(choices.choices)
    return {"value": str(value), "label": str(labels.get(value, value))}


def bad_request(message: str) -> HttpError:
    return HttpError(400, message)


def not_found(message: str) -> HttpError:
    return HttpError(404, message)


def requested_language(params: LocaleParams) -> str | None:
    """The validated language code of ``?sprache=`` / ``?locale=``, or None."""
    values = {value.strip() for value in (params.sprache, params.locale) if value}
    if not values:
        return None
    if len(values) > 1:
        raise bad_request("Use either 'sprache' or 'locale', not two languages.")
    (code,) = values
    if code not in CONTENT_LANGUAGES:
        raise bad_request(
            f"Unknown language {code!r}; use one of: {', '.join(CONTENT_LANGUAGES)}."
        )
    return code


def locale_for(code: str | None) -> Locale | None:
    """The Locale row for a validated code (None if the site has no such locale)."""
    if code is None:
        return None
    return Locale.objects.filter(language_code=code).first()


def in_language(queryset, code: str | None):
    """Objects of one language only; all of them when no language was asked for."""
    if code is None:
        return queryset
    locale = locale_for(code)
    return queryset.filter(locale=locale) if locale else queryset.none()


@contextlib.contextmanager
def labels_in(code: str | None) -> Iterator[None]:
    """Labels (status, kind, weekday ...) in the requested language, German by
    default; never the language of the client's Accept-Language header."""
    with translation.override(code or settings.LANGUAGE_CODE):
        yield


def locale_codes() -> dict[int, str]:
    """Locale id -> language code, in one query."""
    return dict(Locale.objects.values_list("pk", "language_code"))


def paginate(request, queryset, params: ListParams) -> tuple[list, dict]:
    """One slice of the queryset (one query) and the envelope (one count query)."""
    count = queryset.count()
    items = list(queryset[params.offset : params.offset + params.limit])
    envelope = {
        "count": count,
        "limit": params.limit,
        "offset": params.offset,
        "next": None,
        "previous": None,
    }
    if params.offset + params.limit < count:
        envelope["next"] = _with_offset(request, params.offset + params.limit)
    if params.offset > 0:
        envelope["previous"] = _with_offset(
            request, max(min(params.offset, count) - params.limit, 0)
        )
    return items, envelope


def _with_offset(request, offset: int) -> str:
    query = request.GET.copy()
    query["offset"] = str(offset)
    if offset == 0:
        query.pop("offset")
    encoded = query.urlencode()
    return request.build_absolute_uri(request.path + (f"?{encoded}" if encoded else ""))


def absolute(request, url: str | None) -> str | None:
    """An absolute URL for a site-relative one (pages of the current site)."""
    if not url:
        return None
    return request.build_absolute_uri(url)


def api_url(request, name: str, **kwargs) -> str:
    return request.build_absolute_uri(reverse(f"api:v1:{name}", kwargs=kwargs))
