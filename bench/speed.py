"""Benchmark: requests/s and p50/p99 latency per page type under gunicorn.

Creates a throw-away PostgreSQL database (``flensburg_speed_<pid>`` on the
server --postgres names), migrates it, loads the demo content
(``load_initial_data``), builds the search index and collects the static files
into a temporary STATIC_ROOT. Then it starts the site under gunicorn on
127.0.0.1 with the production settings and drives it with ``wrk`` (8
connections, --latency) for each page type: home, the office page, the Check
Up measure list, a measure sheet, the directory, a search, a search with a new
query on every request (a wrk script: no cache can hold its results), a
document download and a small static file served by whitenoise.

It does this three times, each with a fresh gunicorn:

* cached: the default settings (whole-page cache and fragment cache);
* uncached: no whole-page cache (``PAGE_CACHE_SECONDS=0``), as for staff,
  form pages and every page after a purge once its fragments are back: the
  fragment cache (site settings, menu, header, footer, head meta, rendered
  page bodies) stays on;
* raw: no cache at all (``FRAGMENT_CACHE_SECONDS=0`` too), what rendering a
  page from the database costs; for comparison, no target.

Then the document download once more, through the deployment's nginx
(scripts/local_nginx.py: HTTPS, the media folder) at 50 connections, with a
fresh gunicorn for each way of sending the file: ``DOCUMENT_SERVE_METHOD``
``django`` (the worker streams it) and ``x-accel`` (the worker answers with
X-Accel-Redirect after its checks, nginx sends the file). Skipped without
nginx.

It reports the ``X-Cache`` header each page answered with and prints PASS/FAIL
for the speed budget

* a cached page reaches at least half the requests/s of the static file;
* uncached, every page answers with p99 < 100 ms at 8 connections;

and a Markdown table for the README. gunicorn is stopped (by its PID) and the
database dropped at the end, also after an error.

    .venv/bin/python bench/speed.py [--duration 10] [--workers 3]
        [--worker-class sync] [--redis-url redis://127.0.0.1:6379/14]
        [--documents-only]

Needs wrk (``apt-get install wrk`` on Debian/Ubuntu, ``brew install wrk`` on
macOS) and a PostgreSQL server whose user may create databases. Exits with 1
if a target is missed. Run it on an otherwise idle machine: other load on the
same cores makes the numbers noisy.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scripts.local_nginx import NGINX, SERVER_NAME, local_nginx

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


def parse_args() -> argparse.Namespace:
    cores = os.cpu_count() or 1
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--postgres",
        default=os.environ.get(
            "BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/"
        ),
        help="PostgreSQL server (the database name in it is ignored)",
    )
    parser.add_argument("--duration", type=int, default=10, help="seconds per URL")
    parser.add_argument("--warmup", type=int, default=3, help="seconds before each")
    parser.add_argument(
        "--workers",
        type=int,
        default=cores + 1,
        help="gunicorn workers (default: cores + 1, like gunicorn.conf.py)",
    )
    parser.add_argument(
        "--worker-class", default="sync", help="gunicorn worker class (sync, gthread)"
    )
    parser.add_argument("--threads", type=int, default=1, help="threads per worker")
    parser.add_argument(
        "--redis-url", default="", help="use this Redis as the cache (default: locmem)"
    )
    parser.add_argument("--keep", action="store_true", help="do not drop the database")
    parser.add_argument(
        "--documents-only",
        action="store_true",
        help="only the document download through nginx, not the page types",
    )
    return parser.parse_args()


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


def measure(
    base: str,
    name: str,
    path: str,
    args,
    workdir: Path,
    *,
    connections: int = CONNECTIONS,
    context: ssl.SSLContext | None = None,
) -> Result:
    result = Result(name=name, url=path)
    script = None
    if name == NEW_SEARCH:
        script = workdir / "new-search.lua"
        script.write_text(NEW_SEARCH_SCRIPT.replace("PATH", path))
        result.url = f"{path}?q=<word>&n=<counter>"
        path = f"{path}?q=Sprachkurs&n=0"  # what the check after the load asks
    wrk(base + path, args.warmup, script, connections)
    output = wrk(base + path, args.duration, script, connections)
    result.requests_per_second = float(
        re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)
    )
    result.p50_ms = milliseconds(re.search(r"\s50%\s+(\S+)", output).group(1))
    result.p99_ms = milliseconds(re.search(r"\s99%\s+(\S+)", output).group(1))
    if match := re.search(r"Non-2xx or 3xx responses: (\d+)", output):
        result.errors.append(f"{match.group(1)} non-2xx/3xx responses")
    if match := re.search(r"Socket errors: (.+)", output):
        result.errors.append(f"socket errors: {match.group(1)}")
    # After the load: what a visitor gets now (a cached page says HIT).
    result.status, headers, result.bytes = fetch(base + path, context)
    result.x_cache = headers.get("X-Cache", "")
    return result


def bench_mode(args, env, urls, mode: str, workdir: Path) -> dict[str, Result]:
    mode_env = dict(env)
    mode_env.pop("PAGE_CACHE_SECONDS", None)
    mode_env.pop("FRAGMENT_CACHE_SECONDS", None)
    if mode in ("uncached", "raw"):
        mode_env["PAGE_CACHE_SECONDS"] = "0"
    if mode == "raw":
        mode_env["FRAGMENT_CACHE_SECONDS"] = "0"
    port = free_port()
    log = workdir / f"gunicorn-{mode}.log"
    base = f"http://127.0.0.1:{port}"
    server = start_server(args, mode_env, port, log)
    try:
        report(f"\n{mode}: gunicorn PID {server.pid} on {base}")
        wait_for(base + urls["home"], server)
        results = {}
        for name, path in urls.items():
            result = measure(base, name, path, args, workdir)
            results[name] = result
            report(
                f"  {name:<14} {result.requests_per_second:8.1f} req/s  "
                f"p50 {result.p50_ms:7.1f} ms  p99 {result.p99_ms:7.1f} ms  "
                f"HTTP {result.status}  X-Cache {result.x_cache or '-'}"
                + (f"  ({'; '.join(result.errors)})" if result.errors else "")
            )
        return results
    except Exception:
        if log.exists():
            report(log.read_text()[-4000:])
        raise
    finally:
        stop_server(server)


def bench_document_proxy(args, env, urls, workdir: Path) -> dict[str, Result]:
    """The document download through nginx, sent by Django and by nginx."""
    results = {}
    for method in DOCUMENT_SERVE_METHODS:
        method_env = {
            **env,
            "DOCUMENT_SERVE_METHOD": method,
            "ALLOWED_HOSTS": f"{env['ALLOWED_HOSTS']},{SERVER_NAME}",
        }
        port = free_port()
        log = workdir / f"gunicorn-documents-{method}.log"
        server = start_server(args, method_env, port, log)
        try:
            report(f"\ndocument through nginx, {method}: gunicorn PID {server.pid}")
            wait_for(f"http://127.0.0.1:{port}{urls['home']}", server)
            with local_nginx(
                upstream=f"127.0.0.1:{port}",
                base=workdir / f"nginx-{method}",
                media_root=Path(env["MEDIA_ROOT"]),
            ) as proxy:
                context = ssl.create_default_context(cafile=str(proxy.certificate))
                result = measure(
                    f"https://{SERVER_NAME}:{proxy.https_port}",
                    method,
                    urls["document"],
                    args,
                    workdir,
                    connections=PROXY_CONNECTIONS,
                    context=context,
                )
        except Exception:
            if log.exists():
                report(log.read_text()[-4000:])
            raise
        finally:
            stop_server(server)
        results[method] = result
        report(
            f"  {method:<14} {result.requests_per_second:8.1f} req/s  "
            f"p50 {result.p50_ms:7.1f} ms  p99 {result.p99_ms:7.1f} ms  "
            f"HTTP {result.status}  {result.bytes} bytes"
            + (f"  ({'; '.join(result.errors)})" if result.errors else "")
        )
    # Handed to nginx, the file must still arrive whole.
    if results["x-accel"].bytes != results["django"].bytes:
        results["x-accel"].errors.append("not the bytes Django sends")
    return results


def document_table(results: dict[str, Result]) -> str:
    lines = [
        f"| Document through nginx ({PROXY_CONNECTIONS} connections) "
        "| DOCUMENT_SERVE_METHOD | req/s | p50 / p99 (ms) |",
        "|---|---|--:|--:|",
    ]
    labels = {"django": "the worker streams it", "x-accel": "nginx sends it"}
    for method, result in results.items():
        lines.append(
            f"| `{result.url}`, {labels[method]} | `{method}` "
            f"| {result.requests_per_second:.0f} "
            f"| {result.p50_ms:.1f} / {result.p99_ms:.1f} |"
        )
    return "\n".join(lines)


def check_targets(cached: dict[str, Result], uncached: dict[str, Result]) -> bool:
    ok = True
    static = cached[STATIC].requests_per_second
    report(f"\nTargets (static file, cached run: {static:.0f} req/s):")
    for name, result in cached.items():
        if name in NOT_PAGES or name == NEW_SEARCH:  # never twice the same URL
            continue
        passed = result.requests_per_second >= static / 2 and not result.errors
        ok &= passed
        report(
            f"  {'PASS' if passed else 'FAIL'}  cached {name}: "
            f"{result.requests_per_second:.0f} req/s >= {static / 2:.0f} "
            f"(half the static file)"
        )
    for name, result in uncached.items():
        passed = result.p99_ms < 100 and not result.errors
        ok &= passed
        report(
            f"  {'PASS' if passed else 'FAIL'}  uncached {name}: "
            f"p99 {result.p99_ms:.1f} ms < 100 ms"
        )
    if not any(result.x_cache for result in cached.values()):
        report(
            "  note: no page answered with an X-Cache header; the site has no "
            "whole-page cache, so the cached run was uncached too."
        )
    for name, result in uncached.items():
        if result.x_cache.upper() == "HIT":
            report(f"  note: uncached {name} said X-Cache: HIT")
    return ok


def markdown_table(runs: dict[str, dict[str, Result]]) -> str:
    cached, uncached, raw = runs["cached"], runs["uncached"], runs["raw"]
    lines = [
        "| Page type | URL | Cached req/s | Cached p50 / p99 (ms) | X-Cache "
        "| Uncached req/s | Uncached p50 / p99 (ms) "
        "| Raw req/s | Raw p50 / p99 (ms) |",
        "|---|---|--:|--:|---|--:|--:|--:|--:|",
    ]
    for name, hot in cached.items():
        cold, bare = uncached[name], raw[name]
        lines.append(
            f"| {name} | `{hot.url}` | {hot.requests_per_second:.0f} "
            f"| {hot.p50_ms:.1f} / {hot.p99_ms:.1f} | {hot.x_cache or '–'} "
            f"| {cold.requests_per_second:.0f} | {cold.p50_ms:.1f} / {cold.p99_ms:.1f} "
            f"| {bare.requests_per_second:.0f} | {bare.p50_ms:.1f} / {bare.p99_ms:.1f} |"
        )
    return "\n".join(lines)


def machine(args) -> str:
    model = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        match = re.search(r"model name\s*:\s*(.+)", cpuinfo.read_text())
        model = match.group(1).strip() if match else ""
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    return (
        f"{os.cpu_count()} cores {model}, Python {platform.python_version()}, "
        f"gunicorn {args.workers} {args.worker_class} workers"
        + (f" x {args.threads} threads" if args.threads > 1 else "")
        + f", wrk {CONNECTIONS} connections, {args.duration} s per URL, "
        f"cache {'Redis' if args.redis_url else 'local memory'}; "
        f"load average before the run: {load}"
    )


def main() -> int:
    args = parse_args()
    if shutil.which("wrk") is None:
        sys.exit(
            "wrk is missing: install it with `sudo apt-get install wrk` "
            "(Debian/Ubuntu) or `brew install wrk` (macOS)."
        )
    url, name, maintenance = database_urls(args.postgres)
    workdir = Path(tempfile.mkdtemp(prefix="bench-speed-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "flensburg_site.settings.production",
        "SECRET_KEY": "bench-speed-dummy-secret-key-not-for-production-use-0123456789",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "DEBUG": "false",
        "DATABASE_URL": url,
        "MEDIA_ROOT": str(workdir / "media"),
        "STATIC_ROOT": str(workdir / "static"),
        "LOG_LEVEL": "ERROR",
    }
    env.pop("REDIS_URL", None)
    if args.redis_url:
        env["REDIS_URL"] = args.redis_url
    report(f"Machine: {machine(args)}")
    admin_sql(maintenance, "CREATE DATABASE {}", name)
    report(f"Throw-away database {name} created; files in {workdir}.")
    ok = False
    try:
        started = time.monotonic()
        run(env, "manage.py", "migrate", "--noinput")
        run(env, "manage.py", "load_initial_data")
        run(env, "manage.py", "update_index")
        run(env, "manage.py", "collectstatic", "--noinput")
        urls = json.loads(run(env, "-c", URLS).strip().splitlines()[-1])
        report(f"Site built in {time.monotonic() - started:.0f} s.")
        ok = True
        if not args.documents_only:
            runs = {
                mode: bench_mode(args, env, urls, mode, workdir)
                for mode in ("cached", "uncached", "raw")
            }
            ok = check_targets(runs["cached"], runs["uncached"])
            report("\n" + markdown_table(runs))
        if NGINX is None:
            report("\nnginx is not installed: no document download through it.")
        else:
            documents = bench_document_proxy(args, env, urls, workdir)
            ok &= not any(result.errors for result in documents.values())
            report("\n" + document_table(documents))
        report(f"\n{'PASS' if ok else 'FAIL'}")
    except subprocess.CalledProcessError as error:
        report(f"{' '.join(map(str, error.cmd))} failed:\n{error.stderr or ''}")
    finally:
        if args.keep:
            report(f"Database {name} kept.")
        else:
            admin_sql(maintenance, "DROP DATABASE IF EXISTS {} WITH (FORCE)", name)
            report(f"Database {name} dropped.")
        shutil.rmtree(workdir, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
