"""URLs under /api/: version 1 and JSON answers for everything else.

Every view is wrapped by ``api_view``: CORS for any origin and
``Cross-Origin-Resource-Policy: cross-origin`` (the rest of the site says
``same-origin``), short public caching of successful answers with an ETag (304
on If-None-Match), HEAD and CORS preflight, a JSON 405 for other methods, a
JSON 404 where Django would render the site's HTML page.
"""

import functools

from django.conf import settings
from django.http import Http404, HttpResponse, JsonResponse
from django.urls import URLPattern, include, path, re_path
from django.utils.cache import (
    get_conditional_response,
    patch_cache_control,
    set_response_etag,
)
from django.views.decorators.csrf import csrf_exempt

from .main import api

app_name = "api"

ALLOWED_METHODS = "GET, HEAD, OPTIONS"


def api_view(view):
    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
            response["Access-Control-Allow-Methods"] = ALLOWED_METHODS
            if requested := request.headers.get("Access-Control-Request-Headers"):
                response["Access-Control-Allow-Headers"] = requested[:500]
            response["Access-Control-Max-Age"] = "86400"
        elif request.method not in {"GET", "HEAD"}:
            response = JsonResponse(
                {"detail": "Method not allowed: this API is read-only (GET)."},
                status=405,
            )
            response["Allow"] = ALLOWED_METHODS
        else:
            response = _get(view, request, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Expose-Headers"] = "Retry-After"
        # Open data for other sites, also as a no-cors subresource of a page
        # that requires CORP of everything it embeds (COEP require-corp).
        response["Cross-Origin-Resource-Policy"] = "cross-origin"
        if response.status_code in {200, 304}:
            patch_cache_control(
                response, public=True, max_age=settings.API_CACHE_SECONDS
            )
        else:
            patch_cache_control(response, no_store=True)
        return response

    # Read-only: nothing to protect, and a POST gets the JSON 405, not the
    # CSRF failure page.
    return csrf_exempt(wrapped)


def _get(view, request, *args, **kwargs):
    is_head = request.method == "HEAD"
    if is_head:
        request.method = "GET"
    try:
        response = view(request, *args, **kwargs)
    except Http404:
        response = not_found(request)
    if response.status_code == 200:
        # Clients that keep an answer ask with If-None-Match and get a 304.
        set_response_etag(response)
        response = get_conditional_response(
            request, etag=response["ETag"], response=response
        )
    if is_head:
        request.method = "HEAD"
        response["Content-Length"] = str(len(response.content))
        response.content = b""
    return response


def not_found(request, *args, **kwargs):
    return JsonResponse(
        {"detail": "Not found. The API is described at /api/v1/docs."}, status=404
    )


def _wrap(patterns):
    return [
        URLPattern(
            pattern.pattern,
            api_view(pattern.callback),
            pattern.default_args,
            pattern.name,
        )
        for pattern in patterns
    ]


api_patterns, api_app_name, api_namespace = api.urls

urlpatterns = [
    path("v1/", include((_wrap(api_patterns), api_app_name), namespace=api_namespace)),
    re_path(r"^.*$", api_view(not_found)),
]
