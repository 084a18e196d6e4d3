"""Version 1 of the read-only JSON API (django-ninja), mounted at /api/v1/.

Only published, public content: the same the website shows to an anonymous
visitor. GET only, no cookies, no authentication; throttled per client.
"""

from __future__ import annotations

from django.conf import settings

from ninja import NinjaAPI, Schema
from ninja.errors import HttpError, Throttled, ValidationError
from ninja.renderers import JSONRenderer

from core.ratelimit import parse_rate

from . import checkup, contacts, documents, events, figures, pages
from .common import api_url
from .docs import AccessibleSwagger
from .throttling import ClientRateThrottle

DESCRIPTION = """
Open data of the coordination office for refugees of the City of Flensburg
(Koordinierungsstelle für Flüchtlinge): pages, the measure sheets of the
"Check Up Integration", the directory of organisations, events, documents
and the situation in figures (indicators with their values, sources and
licences).

* Read-only (`GET`), JSON, no authentication, CORS open to every origin.
* Only published, public content; drafts and private content answer 404.
* Lists take `limit` (1–100, default 20) and `offset`, and answer with
  `count`, `next`, `previous` and `items` in a stable order.
* `sprache` (or `locale`) selects the language: `de`, `de-x-ls` (Leichte
  Sprache), `en`, `ar`, `uk`, `fa`, `tr`. Pages and events are filtered by it;
  measure sheets and organisations come in that language where translated
  and in German otherwise (their `locale` says which).
* Requests are limited per client (HTTP 429 with `Retry-After` when exceeded).
* Errors are JSON: `{"detail": "..."}`; bad parameters answer 400 with
  `errors`.
"""


class Utf8JSONRenderer(JSONRenderer):
    """ "Flüchtlinge", not "Fl\\u00fcchtlinge": readable and shorter for Arabic."""

    json_dumps_params = {"ensure_ascii": False}


class Index(Schema):
    openapi: str
    docs: str
    endpoints: dict[str, str]


api = NinjaAPI(
    title="Flensburg: Koordinierungsstelle für Flüchtlinge – API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api:v1",
    # Served from ninja's own static files (``ninja`` in INSTALLED_APPS): no
    # CDN, no inline script, so the strict Content-Security-Policy holds.
    # No validator badge: it would load an image from validator.swagger.io.
    # Our template gives the page a language, landmarks and AA contrast.
    docs=AccessibleSwagger(settings={"tryItOutEnabled": True, "validatorUrl": None}),
    throttle=[ClientRateThrottle()],
    renderer=Utf8JSONRenderer(),
)
api.add_router("/pages", pages.router)
api.add_router("/measures", checkup.router)
api.add_router("/organisations", contacts.router)
api.add_router("/events", events.router)
api.add_router("/documents", documents.router)
api.add_router("/indicators", figures.router)


@api.get("/", response=Index, include_in_schema=False, url_name="index")
def index(request):
    return {
        "openapi": api_url(request, "openapi-json"),
        "docs": api_url(request, "openapi-view"),
        "endpoints": {
            name: api_url(request, f"{name[:-1]}_list")
            for name in (
                "pages",
                "measures",
                "organisations",
                "events",
                "documents",
                "indicators",
            )
        },
    }


@api.exception_handler(ValidationError)
def validation_error(request, exc: ValidationError):
    errors = [
        {
            "location": [str(part) for part in error.get("loc", ())],
            "message": error.get("msg", ""),
        }
        for error in exc.errors
    ]
    return api.create_response(
        request,
        {"detail": "Invalid request parameters.", "errors": errors},
        status=400,
    )


@api.exception_handler(Throttled)
def throttled(request, exc: Throttled):
    limit, window = parse_rate(settings.API_RATE_LIMIT)
    return api.create_response(
        request,
        {
            "detail": f"Too many requests: at most {limit} per {window} seconds "
            "from one client. Please retry later (see Retry-After)."
        },
        status=429,
    )


@api.exception_handler(HttpError)
def http_error(request, exc: HttpError):
    return api.create_response(request, {"detail": exc.message}, status=exc.status_code)
