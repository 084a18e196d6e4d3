"""Structured logs: JSON lines on stdout, with the fields of the request.

``RequestLogMiddleware`` keeps the current request's method and path in a
context variable, so that every record logged while the request runs carries
them, and logs one line per request (logger ``core.requests``, level INFO:
shown with ``LOG_REQUESTS=true``; gunicorn's access log says the same
otherwise).

``JsonFormatter`` writes each record as one JSON object: ``timestamp``,
``level``, ``logger``, ``message`` and, where known, ``method``, ``path``,
``status`` and ``duration_ms`` — from the middleware, from Django's own
``django.request`` and ``django.server`` records, and from gunicorn's access
log (``gunicorn.conf.py`` uses it too). It imports nothing from Django, so
gunicorn can load it before the application.

A response may name the path its request is logged under, in the header
``X-Log-Path`` (``LOG_PATH_HEADER``): a page whose address says something
about the reader (the answers chosen on "Wer ist zuständig?") is logged, by
the middleware and in gunicorn's access log, under its base path only, so no
log line ties those answers to a client address. The query is dropped too.

``RefusedRequestBodyFilter`` turns Django's record of a request body over its
limits (DATA_UPLOAD_MAX_MEMORY_SIZE, DATA_UPLOAD_MAX_NUMBER_FIELDS, ...) from
an ERROR with a traceback into one WARNING line with the path and the size
the client announced (``settings.logging_config`` attaches it). The client
sent too much; nothing on our side broke, and the body is never logged.
"""

import contextvars
import logging
import time
from collections.abc import Mapping
from datetime import UTC, datetime

from pythonjsonlogger.core import RESERVED_ATTRS
from pythonjsonlogger.json import JsonFormatter as BaseJsonFormatter

logger = logging.getLogger("core.requests")

# A response's header naming the path to log instead of the request's.
LOG_PATH_HEADER = "X-Log-Path"

# (method, path) of the request this thread or task is serving.
_current_request: contextvars.ContextVar[tuple[str, str] | None] = (
    contextvars.ContextVar("current_request", default=None)
)

# Record attributes that are objects, not data; their content is mapped to
# the fields above instead.
_OBJECT_ATTRS = ("request", "server_time", "status_code")


class RequestLogMiddleware:
    """Outermost middleware: request fields for every log line, one access line."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        start = time.perf_counter()
        token = _current_request.set((request.method, request.path))
        try:
            response = self.get_response(request)
            log_path = response.get(LOG_PATH_HEADER)
            if log_path:
                _current_request.set((request.method, log_path))
            if logger.isEnabledFor(logging.INFO):
                logger.info(
                    "%s %s %s",
                    request.method,
                    log_path or request.path,
                    response.status_code,
                    extra={
                        "status_code": response.status_code,
                        "duration_ms": round((time.perf_counter() - start) * 1000, 1),
                    },
                )
            return response
        finally:
            _current_request.reset(token)


class RefusedRequestBodyFilter(logging.Filter):
    """For the loggers ``django.security.RequestDataTooBig``,
    ``…TooManyFieldsSent`` and ``…TooManyFilesSent``: one warning line."""

    def filter(self, record: logging.LogRecord) -> bool:
        request = getattr(record, "request", None)
        meta = getattr(request, "META", None) or {}
        method = getattr(request, "method", None) or "-"
        path = str(getattr(request, "path", "-"))
        record.content_length = _status(meta.get("CONTENT_LENGTH"))
        record.msg = "Request body refused (%s): %s %s, Content-Length %s"
        record.args = (
            record.name.rsplit(".", 1)[-1],
            method,
            # As Django escapes paths in its own records: one line, always.
            path.encode("unicode_escape").decode("ascii"),
            "unknown" if record.content_length is None else record.content_length,
        )
        record.levelno = logging.WARNING
        record.levelname = logging.getLevelName(logging.WARNING)
        record.exc_info = None
        record.exc_text = None
        record.stack_info = None
        return True


def _status(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _log_path_of(atoms: Mapping) -> str | None:
    """The response's ``LOG_PATH_HEADER`` among gunicorn's log atoms."""
    value = atoms.get("{" + LOG_PATH_HEADER.lower() + "}o")
    return None if value in (None, "-", "") else str(value)


def _gunicorn_access_fields(atoms: Mapping) -> dict:
    """Fields of a gunicorn access record (its args are the log atoms)."""

    def atom(key: str) -> str | None:
        value = atoms.get(key)
        if value in (None, "-"):
            return None
        # gunicorn escapes double quotes for its text format.
        return str(value).replace('\\"', '"')

    log_path = _log_path_of(atoms)
    fields = {
        "method": atom("m"),
        "path": log_path or atom("U"),
        "query": None if log_path else atom("q"),
        "status": _status(atom("s")),
        "duration_ms": round(int(atom("D") or 0) / 1000, 1),
        "remote_addr": atom("h"),
        "bytes": _status(atom("B")),
        "user_agent": atom("a"),
    }
    return {key: value for key, value in fields.items() if value not in (None, "")}


class JsonFormatter(BaseJsonFormatter):
    """One JSON object per record, request fields included where known."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("reserved_attrs", [*RESERVED_ATTRS, *_OBJECT_ATTRS])
        super().__init__(*args, **kwargs)

    def add_fields(self, log_data, record, message_dict):
        log_data["timestamp"] = datetime.fromtimestamp(
            record.created, tz=UTC
        ).isoformat(timespec="milliseconds")
        log_data["level"] = record.levelname
        log_data["logger"] = record.name
        log_data["message"] = record.message
        request_fields = self._request_fields(record)
        log_data.update(request_fields)
        super().add_fields(log_data, record, message_dict)
        if (
            record.name == "gunicorn.access"
            and isinstance(record.args, Mapping)
            and _log_path_of(record.args)
        ):
            # gunicorn's text holds the request line: the fields only.
            log_data["message"] = " ".join(
                str(request_fields.get(name, "-"))
                for name in ("method", "path", "status")
            )

    @staticmethod
    def _request_fields(record) -> dict:
        if record.name == "gunicorn.access" and isinstance(record.args, Mapping):
            return _gunicorn_access_fields(record.args)
        fields = {}
        request = getattr(record, "request", None)
        if hasattr(request, "method") and hasattr(request, "path"):
            fields["method"] = request.method
            fields["path"] = request.path
        elif (current := _current_request.get()) is not None:
            fields["method"], fields["path"] = current
        status = _status(getattr(record, "status_code", None))
        if status is not None:
            fields["status"] = status
        return fields
