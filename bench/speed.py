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
import re
import shutil
import ssl
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scripts.local_nginx import NGINX, SERVER_NAME, local_nginx

sys.path.insert(0, str(Path(__file__).resolve().parent))

from speed_report import (
    check_targets,
    document_table,
    machine,
    markdown_table,
)
from speed_tools import (
    CONNECTIONS,
    DOCUMENT_SERVE_METHODS,
    NEW_SEARCH,
    NEW_SEARCH_SCRIPT,
    PROXY_CONNECTIONS,
    URLS,
    Result,
    admin_sql,
    database_urls,
    fetch,
    free_port,
    milliseconds,
    report,
    run,
    start_server,
    stop_server,
    wait_for,
    wrk,
)


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
