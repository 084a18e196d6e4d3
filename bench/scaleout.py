"""One vs two app servers behind the project's nginx, and the cost of a purge.

By hand, not a test (figures depend on the machine and its load):

    .venv/bin/python bench/scaleout.py [--seconds 15] [--connections 50]
        [--redis-url redis://127.0.0.1:6379/12]

scripts/local_cluster.py starts two gunicorn servers (production settings,
PostgreSQL with the demo content, Redis, S3) behind the deployment's nginx;
a second nginx here balances over server 0 alone. Measured, with wrk:

1. requests/s of a cached page (the office page) through one and through two
   servers;
2. the same with the page cache off (``PAGE_CACHE_SECONDS=0``; the fragment
   cache stays, as in README "Speed budget", column "Uncached");
3. the first request after a whole-site purge (one ``INCR`` of the page
   cache's generation in Redis), per page type, median of three purges:
   what a visitor waits for, and what it means as requests/s of one worker;
4. ``manage.py warm_cache`` right after a purge: seconds, pages, and the
   requests/s of a mix of all page types right after it.

It prints a Markdown table for README "Scaling out" and the load average.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scripts.local_cluster import local_cluster
from scripts.local_nginx import SERVER_NAME, local_nginx

WRK = shutil.which("wrk")
CACHED_PATH = "/koordinierungsstelle/"
PAGE_TYPES = {
    "home": "/",
    "home (ar)": "/ar/",
    "office": "/koordinierungsstelle/",
    "measure sheet": "/check-up-integration/massnahmen/1/",
    "measure list": "/check-up-integration/massnahmen/",
    "directory": "/wie-kann-geholfen-werden/",
    "search": "/suche/?q=Sprachkurs",
}
# Found in the sitemap: the first address below these.
FIRST_BELOW = {"event": "/veranstaltungen/", "news": "/aktuelles/"}
GENERATION_KEY = ":1:page-cache:generation"


def out(line: str = "") -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def wrk(url: str, *, seconds: int, connections: int, script: Path | None = None):
    """(requests/s, non-2xx/3xx responses + socket errors) of one wrk run."""
    command = [WRK, "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "20s"]
    if script:
        command += ["-s", str(script)]
    result = subprocess.run(  # noqa: S603 - wrk with our arguments
        [*command, url], capture_output=True, text=True, check=True
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", result)[1])
    errors = sum(
        int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", result)
    )
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", result)
    return rate, errors + (int(non_2xx[1]) if non_2xx else 0)


def mix_script(paths: list[str], directory: Path) -> Path:
    script = directory / "mix.lua"
    quoted = ", ".join(f'"{path}"' for path in paths)
    script.write_text(
        f"local paths = {{{quoted}}}\nlocal n = 0\n"
        "request = function()\n  n = n + 1\n"
        "  return wrk.format('GET', paths[(n % #paths) + 1])\nend\n"
    )
    return script


def get(cluster, path: str):
    import requests

    return requests.get(cluster.url + path, verify=str(cluster.certificate), timeout=60)


def purge(cluster) -> None:
    import redis

    client = redis.Redis.from_url(cluster.redis_url)
    client.incr(GENERATION_KEY)
    client.close()


def page_types(cluster) -> dict[str, str]:
    sitemap = get(cluster, "/sitemap.xml").text
    paths = dict(PAGE_TYPES)
    for name, prefix in FIRST_BELOW.items():
        found = re.search(
            rf"<loc>https?://[^/<]+({re.escape(prefix)}[^<]+/)</loc>", sitemap
        )
        if found:
            paths[name] = found[1]
    return paths


def first_after_purge(cluster, paths: dict[str, str], rounds: int = 3):
    """{name: (median ms, X-Cache)} of the first request after a purge."""
    times: dict[str, list[float]] = {name: [] for name in paths}
    caches: dict[str, str] = {}
    for _ in range(rounds):
        purge(cluster)
        for name, path in paths.items():
            started = time.perf_counter()
            response = get(cluster, path)
            times[name].append((time.perf_counter() - started) * 1000)
            caches[name] = f"{response.status_code} {response.headers.get('X-Cache')}"
    return {name: (statistics.median(ms), caches[name]) for name, ms in times.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/12")
    args = parser.parse_args()
    if WRK is None:
        sys.exit("wrk is needed (Debian: wrk)")
    load = lambda: os.getloadavg()[0]  # noqa: E731
    out(f"load average at start: {load():.1f}")
    started = time.monotonic()
    rows: list[tuple[str, str, str]] = []
    with (
        tempfile.TemporaryDirectory(prefix="bench-scaleout-") as temporary,
        local_cluster(servers=2, redis_url=args.redis_url) as cluster,
    ):
        base = Path(temporary)
        out(f"cluster up in {time.monotonic() - started:.0f} s {cluster.timings}")
        one_base = base / "nginx-one"
        one_base.mkdir()
        with local_nginx(
            upstream=cluster.server_urls[0].removeprefix("http://"), base=one_base
        ) as one:
            balancers = {
                "one server": f"https://{SERVER_NAME}:{one.https_port}",
                "two servers": cluster.url,
            }
            run = {"seconds": args.seconds, "connections": args.connections}
            for name, url in balancers.items():
                get(cluster, CACHED_PATH)
                rate, errors = wrk(url + CACHED_PATH, **run)
                rows.append((f"cached office page, {name}", f"{rate:.0f}", f"{errors}"))
                out(f"{rows[-1]} load {load():.1f}")
            for index in (0, 1):
                cluster.restart(index, env={"PAGE_CACHE_SECONDS": "0"})
            for name, url in balancers.items():
                rate, errors = wrk(url + CACHED_PATH, **run)
                rows.append(
                    (f"uncached office page, {name}", f"{rate:.0f}", f"{errors}")
                )
                out(f"{rows[-1]} load {load():.1f}")
            for index in (0, 1):
                cluster.restart(index)

        paths = page_types(cluster)
        first = first_after_purge(cluster, paths)
        for name, (ms, cache) in first.items():
            out(f"first after purge: {name} {paths[name]} {ms:.0f} ms ({cache})")

        purge(cluster)
        env = {**cluster.env, "SSL_CERT_FILE": str(cluster.certificate)}
        warm_started = time.monotonic()
        warmed = subprocess.run(  # noqa: S603 - manage.py of this project
            [
                sys.executable,
                "manage.py",
                "warm_cache",
                "--base-url",
                cluster.url,
                "--concurrency",
                "4",
            ],
            cwd=Path(__file__).resolve().parents[1],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        warm_seconds = time.monotonic() - warm_started
        report = warmed.stdout.strip().splitlines()[-1]
        out(f"warm_cache: {report} (with start-up {warm_seconds:.1f} s)")
        script = mix_script(list(paths.values()), base)
        rate, errors = wrk(cluster.url + "/", script=script, **run)
        rows.append(
            (
                "mix of all page types right after warm_cache, two servers",
                f"{rate:.0f}",
                f"{errors}",
            )
        )
        out(f"{rows[-1]} load {load():.1f}")

    out("")
    out(
        f"| Measured ({args.connections} connections, {args.seconds} s) | req/s | errors |"
    )
    out("|---|--:|--:|")
    for row in rows:
        out(f"| {' | '.join(row)} |")
    out("")
    out(
        "| Page type (first request after a purge, median of 3) | URL | ms | as req/s of one worker |"
    )
    out("|---|---|--:|--:|")
    for name, (ms, _cache) in first.items():
        out(f"| {name} | `{paths[name]}` | {ms:.0f} | {1000 / ms:.0f} |")
    out("")
    out(f"warm_cache --concurrency 4: {report}")
    out(
        f"load average at the end: {load():.1f}; {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
