"""Fill the page cache again after a whole-site purge (``manage.py warm_cache``).

A purge (``purge_page_cache``: an editor publishes, a restore, a deploy with
a new cache) leaves every page to be rendered afresh by the first visitor who
asks for it; under a spike of visitors many of them wait for the same
uncached pages at once. Warming asks for the pages first, over HTTP like a
visitor without cookies, so that the page cache keeps them:

1. each language's home page (the Wagtail site's root page and its
   translations),
2. then every address of ``/sitemap.xml`` (every published page in every
   language and the addresses below routable pages), the shallow ones first
   (menus, overviews), in the sitemap's order within the same depth.

The cache key holds the scheme and host a visitor uses, so the requests go
to the public address (``--base-url``, by default ``WAGTAILADMIN_BASE_URL``);
with ``connect`` they go to another address (one app server, e.g.
``127.0.0.1:8000`` inside a container) with the public host in ``Host`` and
its scheme in ``X-Forwarded-Proto``, as the proxy sends them. Only Django's
and Wagtail's own parts are used here (caching is the lowest app).
"""

from __future__ import annotations

import http.client
import ssl
import threading
import time
import xml.etree.ElementTree as ElementTree
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from wagtail.models import Site

SITEMAP_PATH = "/sitemap.xml"
SITEMAP_NAMESPACE = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
USER_AGENT = "flensburg-site warm_cache"


@dataclass
class WarmResult:
    """What one warming run did."""

    warmed: int = 0  # answered 200 and rendered now (X-Cache: MISS)
    already_cached: int = 0  # answered 200 from the cache (X-Cache: HIT)
    failures: list[tuple[str, str]] = field(default_factory=list)
    not_attempted: int = 0  # left when the time limit was reached
    seconds: float = 0.0

    @property
    def pages(self) -> int:
        return self.warmed + self.already_cached


class Target:
    """Where requests go (``connect`` or the base URL itself) and the
    headers that make them look as if they came through the public address."""

    def __init__(self, base_url: str, connect: str | None = None, timeout=30.0):
        parts = urlsplit(base_url.rstrip("/") + "/")
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"not an http(s) address: {base_url!r}")
        self.scheme, self.netloc = parts.scheme, parts.netloc
        self.hostname = parts.hostname
        self.prefix = parts.path.rstrip("/")
        self.timeout = timeout
        self.headers = {"Host": self.netloc, "User-Agent": USER_AGENT}
        if connect:
            host, _, port = connect.rpartition(":")
            self.address, self.tls = (host or connect, int(port or 80)), False
            self.headers["X-Forwarded-Proto"] = self.scheme
        else:
            default = 443 if self.scheme == "https" else 80
            self.address = (parts.hostname, parts.port or default)
            self.tls = self.scheme == "https"
        self._local = threading.local()
        self._opened: list[http.client.HTTPConnection] = []
        self._lock = threading.Lock()

    def _connection(self) -> http.client.HTTPConnection:
        connection = getattr(self._local, "connection", None)
        if connection is None:
            host, port = self.address
            if self.tls:
                connection = http.client.HTTPSConnection(
                    host,
                    port,
                    timeout=self.timeout,
                    context=ssl.create_default_context(),
                )
            else:
                connection = http.client.HTTPConnection(
                    host, port, timeout=self.timeout
                )
            self._local.connection = connection
            with self._lock:
                self._opened.append(connection)
        return connection

    def get(self, path: str) -> tuple[int, dict, bytes]:
        """GET ``path`` (below the base URL's path), one kept connection per
        thread; a broken kept connection is opened again once."""
        for attempt in (1, 2):
            connection = self._connection()
            try:
                connection.request("GET", self.prefix + path, headers=self.headers)
                response = connection.getresponse()
                body = response.read()
                headers = {name.lower(): value for name, value in response.getheaders()}
                if response.will_close:
                    self._drop()
                return response.status, headers, body
            except (http.client.HTTPException, OSError):
                self._drop()
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def _drop(self) -> None:
        connection = getattr(self._local, "connection", None)
        if connection is not None:
            connection.close()
            self._local.connection = None

    def close(self) -> None:
        """Close every thread's kept connection."""
        with self._lock:
            opened, self._opened = self._opened, []
        for connection in opened:
            connection.close()

    def path_of(self, location: str) -> str | None:
        """The path (with query) of a sitemap address on the public host,
        relative to the base URL's path; None for other hosts."""
        parts = urlsplit(location)
        # The host name only: behind a proxy the site may name another port.
        if parts.hostname and parts.hostname != self.hostname:
            return None
        path = parts.path or "/"
        if self.prefix and path.startswith(self.prefix):
            path = path[len(self.prefix) :] or "/"
        return path + (f"?{parts.query}" if parts.query else "")


def home_paths() -> list[str]:
    """Each language's home page of the default site, the default first."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return ["/"]
    paths = []
    homes = site.root_page.get_translations(inclusive=True).live().order_by("locale_id")
    for home in homes:
        url = home.get_url(current_site=site)
        if url:
            paths.append(urlsplit(url).path or "/")
    paths.sort(key=lambda path: (path != "/", path))
    return paths or ["/"]


def sitemap_paths(target: Target) -> list[str]:
    """The sitemap's addresses, shallow ones first (stable within a depth)."""
    status, _headers, body = target.get(SITEMAP_PATH)
    if status != 200:
        raise RuntimeError(f"{SITEMAP_PATH} answered {status}")
    paths = []
    # The site's own sitemap, from the address the operator named.
    tree = ElementTree.fromstring(body)  # noqa: S314
    for loc in tree.iter(f"{SITEMAP_NAMESPACE}loc"):
        path = target.path_of((loc.text or "").strip())
        if path is not None:
            paths.append(path)
    return sorted(
        paths, key=lambda path: path.strip("/").count("/") + bool(path.strip("/"))
    )


def ordered_paths(target: Target) -> list[str]:
    """Home pages, then the sitemap's addresses; each address once."""
    seen, paths = set(), []
    for path in [*home_paths(), *sitemap_paths(target)]:
        if path not in seen:
            seen.add(path)
            paths.append(path)
    return paths


def warm(target: Target, paths: list[str], *, concurrency=2, time_limit=300.0):
    """Ask for ``paths`` in order with ``concurrency`` threads; no new request
    after ``time_limit`` seconds (those still running finish)."""
    result = WarmResult()
    started = time.monotonic()
    deadline = started + time_limit
    lock = threading.Lock()

    def one(path: str) -> None:
        try:
            status, headers, _body = target.get(path)
        except (http.client.HTTPException, OSError) as error:
            outcome = ("failure", f"{type(error).__name__}: {error}")
        else:
            if status != 200:
                outcome = ("failure", f"HTTP {status}")
            elif headers.get("x-cache") == "HIT":
                outcome = ("hit", "")
            else:
                outcome = ("warmed", "")
        with lock:
            if outcome[0] == "failure":
                result.failures.append((path, outcome[1]))
            elif outcome[0] == "hit":
                result.already_cached += 1
            else:
                result.warmed += 1

    pending = list(reversed(paths))
    with ThreadPoolExecutor(max_workers=max(1, concurrency)) as pool:
        running = set()
        while pending or running:
            while pending and len(running) < concurrency:
                if time.monotonic() >= deadline:
                    result.not_attempted = len(pending)
                    pending.clear()
                    break
                running.add(pool.submit(one, pending.pop()))
            if running:
                done, running = wait(running, return_when=FIRST_COMPLETED)
                for future in done:
                    future.result()
    target.close()
    result.seconds = time.monotonic() - started
    return result
