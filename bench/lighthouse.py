"""Benchmark: Lighthouse mobile scores of key pages, through the deployment's nginx.

Puts the deployment's nginx configuration (scripts/local_nginx.py: HTTPS with
a self-signed certificate, HTTP/2, gzip for HTML) in front of a running site,
asks every page a few times so that the page cache holds it (as it does for
visitors), then runs Lighthouse (mobile: simulated slow 4G and a 4× slower
CPU) --runs times per page and prints the run with the median performance
score as a Markdown table, with the four category scores and the metrics
behind the performance score. Exits with 1 if a page scores below --target
(default 100) in a category.

Serve the demo content with the production settings first, e.g.

    make load-demo
    export DJANGO_SETTINGS_MODULE=flensburg_site.settings.production \\
        SECRET_KEY=bench ALLOWED_HOSTS=localhost,127.0.0.1 \\
        DATABASE_URL=sqlite:///$PWD/db.sqlite3 SECURE_SSL_REDIRECT=false
    .venv/bin/python manage.py collectstatic --noinput
    .venv/bin/gunicorn flensburg_site.wsgi -b 127.0.0.1:8001 -w 2 &
    .venv/bin/python bench/lighthouse.py --upstream 127.0.0.1:8001

Needs nginx and openssl (Debian: nginx-light), Chromium (--chrome, default
Debian's /usr/bin/chromium) and npx: Lighthouse comes from the npm registry
(``npx --yes lighthouse@VERSION``), not from the project's dependencies.
Run it on an otherwise idle machine: Lighthouse's CPU timings are noisy.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import ssl
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.request import Request, urlopen

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scripts.local_nginx import SERVER_NAME, local_nginx

LIGHTHOUSE = "lighthouse@13.5.0"
PAGES = ["/", "/ar/", "/check-up-integration/massnahmen/7/"]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
METRICS = {
    "first-contentful-paint": "FCP",
    "largest-contentful-paint": "LCP",
    "total-blocking-time": "TBT",
    "cumulative-layout-shift": "CLS",
    "speed-index": "SI",
}


def warm(url: str, context: ssl.SSLContext, times: int = 4) -> None:
    for _ in range(times):
        with urlopen(Request(url), context=context, timeout=30) as response:  # noqa: S310
            response.read()


def lighthouse(url: str, chrome: str, output: Path, attempts: int = 3) -> dict:
    """One Lighthouse run; on a busy machine Chromium's trace sometimes fails
    (NO_NAVSTART, NO_FCP): such a run is repeated, up to ``attempts`` times."""
    for attempt in range(1, attempts + 1):
        try:
            return _lighthouse(url, chrome, output)
        except subprocess.CalledProcessError:
            if attempt == attempts:
                raise
            sys.stderr.write(f"Lighthouse failed on {url}, trying again\n")
    raise AssertionError("unreachable")


def _lighthouse(url: str, chrome: str, output: Path) -> dict:
    command = [
        shutil.which("npx") or "npx",
        "--yes",
        LIGHTHOUSE,
        url,
        "--quiet",
        "--output=json",
        f"--output-path={output}",
        f"--only-categories={','.join(CATEGORIES)}",
        "--chrome-flags=--headless=new --no-sandbox --ignore-certificate-errors",
    ]
    subprocess.run(  # noqa: S603
        command, check=True, env={**os.environ, "CHROME_PATH": chrome}
    )
    report = json.loads(output.read_text())
    audits = report["audits"]
    return {
        "scores": {
            name: round(report["categories"][name]["score"] * 100)
            for name in CATEGORIES
        },
        "metrics": {
            label: audits[name]["displayValue"].replace("\xa0", " ")
            for name, label in METRICS.items()
        },
    }


def say(text: str) -> None:
    sys.stdout.write(text + "\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--upstream", default="127.0.0.1:8001", help="host:port")
    parser.add_argument("--pages", nargs="+", default=PAGES)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--target", type=int, default=100)
    parser.add_argument("--chrome", default=shutil.which("chromium") or "chromium")
    args = parser.parse_args()

    missed = []
    rows = []
    with tempfile.TemporaryDirectory() as directory:
        base = Path(directory)
        with local_nginx(upstream=args.upstream, base=base / "nginx") as proxy:
            context = ssl.create_default_context(cafile=str(proxy.certificate))
            origin = f"https://{SERVER_NAME}:{proxy.https_port}"
            for path in args.pages:
                warm(origin + path, context)
                runs = [
                    lighthouse(origin + path, args.chrome, base / f"run{run}.json")
                    for run in range(args.runs)
                ]
                median = statistics.median_low(
                    run["scores"]["performance"] for run in runs
                )
                chosen = next(
                    run for run in runs if run["scores"]["performance"] == median
                )
                rows.append((path, chosen))
                missed += [
                    f"{path}: {name} {score}"
                    for name, score in chosen["scores"].items()
                    if score < args.target
                ]

    say(
        "| Page | "
        + " | ".join(CATEGORIES)
        + " | "
        + " | ".join(METRICS.values())
        + " |"
    )
    say("|---" * (1 + len(CATEGORIES) + len(METRICS)) + "|")
    for path, run in rows:
        cells = [str(run["scores"][name]) for name in CATEGORIES]
        cells += [run["metrics"][label] for label in METRICS.values()]
        say(f"| `{path}` | " + " | ".join(cells) + " |")
    if missed:
        say(f"\nBelow {args.target}: " + "; ".join(missed))
        return 1
    say(f"\nEvery page scores {args.target} or more in every category.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
