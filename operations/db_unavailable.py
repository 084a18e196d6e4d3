"""A friendly 503 page while the database is unreachable.

When PostgreSQL restarts or the network to it fails, Django raises
``OperationalError`` or ``InterfaceError``. Instead of a 500 with a traceback
in the log for every request, visitors get a short page in their language
("please try again in a minute", ``Retry-After``), API clients get JSON, and
the log gets one structured warning per request.

Two hooks catch the errors wherever they happen:

- ``DatabaseUnavailableMiddleware.process_exception`` for the view and the
  rendering of its template (most database work);
- ``server_error`` (``handler500``) for everything Django turns into a 500
  elsewhere, e.g. a middleware's own query.

The page is rendered without a request context: the site's context processors
read settings from the database, which is down.
"""

import logging
import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext
from django.views.defaults import server_error as default_server_error

logger = logging.getLogger(__name__)

DATABASE_UNAVAILABLE_ERRORS = (OperationalError, InterfaceError)
# Seconds a client should wait before asking again.
RETRY_AFTER_SECONDS = 30


def is_database_unavailable(error: BaseException | None) -> bool:
    return isinstance(error, DATABASE_UNAVAILABLE_ERRORS)


def database_unavailable_response(request, error: BaseException) -> HttpResponse:
    """The 503 answer, HTML or (under ``settings.API_PATH``) JSON; logs one
    warning."""
    logger.warning(
        "Database unavailable: %s",
        type(error).__name__,
        extra={
            "error": str(error).strip().splitlines()[0] if str(error) else "",
            "method": request.method,
            "path": request.path,
            "status_code": 503,
        },
    )
    if request.path_info.startswith(f"/{settings.API_PATH}"):
        response = JsonResponse(
            {
                "detail": gettext(
                    "Der Dienst ist vorübergehend nicht erreichbar. Bitte versuchen "
                    "Sie es in einer Minute noch einmal."
                )
            },
            status=503,
        )
    else:
        # No request: no context processors, no database access.
        response = HttpResponse(render_to_string("operations/503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    # Logged above; Django's request logger need not add a traceback.
    response._has_been_logged = True
    return response


class DatabaseUnavailableMiddleware:
    """Outermost middleware: database errors of the view become a 503 page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if is_database_unavailable(exception):
            return database_unavailable_response(request, exception)
        return None


def server_error(request, template_name="500.html"):
    """``handler500``: the 503 page for database errors, Django's 500 otherwise."""
    error = sys.exc_info()[1]
    if is_database_unavailable(error):
        return database_unavailable_response(request, error)
    return default_server_error(request, template_name=template_name)
