"""Check external URLs over HTTP, politely: only from the ``check_links``
command, never while a request is answered.

Each URL is asked for once per run (HEAD, and GET where a server refuses
HEAD), with a timeout and the site's User-Agent. The hosts are checked side
by side in a few threads; the URLs of one host one after the other, with a
pause between them, so no server gets more than one request at a time.
Redirects are followed: a 301 to a missing page is broken.
"""

from __future__ import annotations

import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.utils.translation import gettext as _

import requests

USER_AGENT = (
    "Linkpruefung fluechtlinge-flensburg (Koordinierungsstelle fuer Fluechtlinge)"
)
# Servers that answer HEAD with these often answer GET correctly.
HEAD_REFUSED = {400, 403, 404, 405, 501}
MAX_REDIRECTS = 10


@dataclass(frozen=True)
class CheckResult:
    ok: bool
    status_code: int | None = None
    error: str = ""


@dataclass(frozen=True)
class CheckOptions:
    timeout: float = 10.0  # seconds for the connection and for each read
    host_delay: float = 1.0  # seconds between two requests to one host
    workers: int = 4  # hosts checked at the same time
    user_agent: str = USER_AGENT


def _fetch(session: requests.Session, url: str, options: CheckOptions):
    response = session.head(url, allow_redirects=True, timeout=options.timeout)
    if response.status_code in HEAD_REFUSED:
        response = session.get(
            url, allow_redirects=True, timeout=options.timeout, stream=True
        )
        response.close()  # the status is enough; the body is not read
    return response


def check_url(
    session: requests.Session, url: str, options: CheckOptions
) -> CheckResult:
    try:
        response = _fetch(session, url, options)
    except requests.Timeout:
        return CheckResult(
            False,
            error=_("Keine Antwort innerhalb von %(seconds)s Sekunden.")
            % {"seconds": f"{options.timeout:g}"},
        )
    except requests.TooManyRedirects:
        return CheckResult(False, error=_("Zu viele Weiterleitungen."))
    except requests.RequestException:
        return CheckResult(
            False, error=_("Der Server ist nicht erreichbar (keine Verbindung).")
        )
    status = response.status_code
    if status < 400:
        return CheckResult(True, status)
    if response.history:
        error = _("Weiterleitung auf eine Adresse mit Fehler %(status)s.")
    elif status == 404:
        error = _("Seite nicht gefunden (Fehler %(status)s).")
    elif status == 410:
        error = _("Seite entfernt (Fehler %(status)s).")
    else:
        error = _("Der Server antwortet mit Fehler %(status)s.")
    return CheckResult(False, status, error % {"status": status})


def _check_host(urls: list[str], options: CheckOptions) -> dict[str, CheckResult]:
    results = {}
    with requests.Session() as session:
        session.headers["User-Agent"] = options.user_agent
        session.max_redirects = MAX_REDIRECTS
        for index, url in enumerate(urls):
            if index:
                time.sleep(options.host_delay)
            results[url] = check_url(session, url, options)
    return results


def check_urls(urls, options: CheckOptions | None = None) -> dict[str, CheckResult]:
    """Check each distinct URL once; returns the result per URL."""
    options = options or CheckOptions()
    by_host: dict[str, list[str]] = defaultdict(list)
    for url in sorted(set(urls)):
        by_host[urlsplit(url).netloc.lower()].append(url)
    results: dict[str, CheckResult] = {}
    if not by_host:
        return results
    with ThreadPoolExecutor(max_workers=max(1, options.workers)) as pool:
        for host_results in pool.map(
            lambda host_urls: _check_host(host_urls, options), by_host.values()
        ):
            results.update(host_results)
    return results
