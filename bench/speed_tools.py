"""The speed benchmark's setting (page types and URLs, wrk's options) and
its tools: processes, HTTP, throw-away databases, wrk (``bench/speed.py``)."""

from __future__ import annotations

import os
import re
import signal
import socket
import ssl
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
CONNECTIONS = 8
# The document download through nginx: many clients at once, as when a
# working paper is linked from the city's newsletter.
PROXY_CONNECTIONS = 50
DOCUMENT_SERVE_METHODS = ("django", "x-accel")
STATIC = "static file"
# Not pages: the whole-page cache never stores downloads or static files.
NOT_PAGES = {STATIC, "document"}
NEW_SEARCH = "new search"
# wrk script for NEW_SEARCH: twenty words that all find something (words
# that find nothing cost a single query and would flatter the result) rotate,
# and a counter makes every URL new, so neither the page cache nor the
# fragment cache holds the page.
NEW_SEARCH_SCRIPT = """
local counter = 0
local words = {"Sprachkurs", "Wohnung", "Arbeit", "Beratung", "Schule",
               "Deutsch", "Integration", "Flensburg", "Ehrenamt", "Gesundheit",
               "Kinder", "Jobcenter", "Anerkennung", "Asyl", "Migration",
               "Teilhabe", "Aufenthalt", "Koordinierung", "Stadtteil",
               "Ma%C3%9Fnahme"}
request = function()
  counter = counter + 1
  local word = words[(counter % #words) + 1]
  return wrk.format(nil, "PATH?q=" .. word .. "&n=" .. counter)
end
"""

# What the browser of a visitor sends; whitenoise then serves the
# pre-compressed static file, as it does for real visitors.
HEADERS = {"Accept-Encoding": "gzip, br", "Accept-Language": "de"}

URLS = """
import json
import django
django.setup()
from django.contrib.staticfiles.storage import staticfiles_storage
from integration_checkup.models import CheckUpPage, MeasureSheet
from pages.models import HelpPage, HomePage, OfficePage

checkup = CheckUpPage.objects.live().get(locale__language_code="de")
sheet = (
    MeasureSheet.objects.filter(live=True, document__isnull=False,
                                locale__language_code="de")
    .order_by("number").first()
)
def page(model):
    return model.objects.live().get(locale__language_code="de").get_url()
print(json.dumps({
    "home": page(HomePage),
    "office": page(OfficePage),
    "measure list": checkup.get_url() + checkup.reverse_subpage("measure_list"),
    "measure sheet": checkup.get_url() + checkup.reverse_subpage(
        "measure_detail", kwargs={"number": sheet.number}
    ),
    "directory": page(HelpPage),
    "search": "/suche/?q=Sprachkurs",
    "new search": "/suche/",
    "document": sheet.document.url,
    "static file": staticfiles_storage.url("img/favicon.svg"),
}))
"""


@dataclass
class Result:
    name: str
    url: str
    status: int = 0
    x_cache: str = ""
    bytes: int = 0
    requests_per_second: float = 0.0
    p50_ms: float = 0.0
    p99_ms: float = 0.0
    errors: list[str] = field(default_factory=list)


def report(line: str = "") -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def admin_sql(server_url: str, statement: str, name: str) -> None:
    import psycopg
    from psycopg import sql

    with psycopg.connect(server_url, autocommit=True) as connection:
        connection.execute(sql.SQL(statement).format(sql.Identifier(name)))


def database_urls(server_url: str) -> tuple[str, str, str]:
    """(URL of the throw-away database, its name, URL of the maintenance DB)."""
    parts = urlsplit(server_url)
    if parts.scheme not in {"postgres", "postgresql"}:
        sys.exit("bench/speed.py measures PostgreSQL only: --postgres postgres://…")
    name = f"flensburg_speed_{os.getpid()}"
    return (
        urlunsplit(parts._replace(path=f"/{name}")),
        name,
        urlunsplit(parts._replace(path="/postgres")),
    )


def run(env: dict[str, str], *command: str) -> str:
    completed = subprocess.run(  # noqa: S603 - our own manage.py
        [PYTHON, *command],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return completed.stdout


def fetch(
    url: str, context: ssl.SSLContext | None = None
) -> tuple[int, dict[str, str], int]:
    request = urllib.request.Request(url, headers=HEADERS)  # noqa: S310 - our own site
    try:
        with urllib.request.urlopen(request, timeout=30, context=context) as response:  # noqa: S310
            return response.status, dict(response.headers), len(response.read())
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), len(error.read())


def wait_for(url: str, server: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError("gunicorn exited; see its log above")
        try:
            fetch(url)
            return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer within {timeout:.0f} s")


def start_server(args, env: dict[str, str], port: int, log: Path) -> subprocess.Popen:
    command = [
        str(Path(PYTHON).parent / "gunicorn"),
        "flensburg_site.wsgi:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(args.workers),
        "--worker-class",
        args.worker_class,
        "--threads",
        str(args.threads),
        "--timeout",
        "60",
        "--error-logfile",
        str(log),
    ]
    return subprocess.Popen(  # noqa: S603 - gunicorn from the venv
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT
    )


def stop_server(server: subprocess.Popen | None) -> None:
    if server is None or server.poll() is not None:
        return
    os.kill(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.kill(server.pid, signal.SIGKILL)
        server.wait()


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def milliseconds(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value).groups()
    return float(number) * UNITS[unit]


def wrk(
    url: str, seconds: int, script: Path | None = None, connections: int = CONNECTIONS
) -> str:
    command = [
        "wrk",
        f"--connections={connections}",
        "--threads=2",
        f"--duration={seconds}s",
        "--timeout=10s",
        "--latency",
    ]
    for name, value in HEADERS.items():
        command += ["--header", f"{name}: {value}"]
    if script is not None:
        command += ["--script", str(script)]
    return subprocess.run(  # noqa: S603 - wrk on our own URL
        [*command, url], check=True, capture_output=True, text=True
    ).stdout
