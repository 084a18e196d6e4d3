"""Benchmark: memory of a gunicorn worker while it streams the working-paper ZIP.

Builds a throw-away site (SQLite and media in a temporary folder) with the demo
content plus enough large documents to reach --megabytes, starts one gunicorn
worker on 127.0.0.1, downloads "Alle Arbeitspapiere als ZIP" and samples the
worker's resident memory (VmRSS) while the archive streams.

    .venv/bin/python scripts/bench_zip_memory.py [--megabytes 500] [--limit 100]

Exits with 1 if the worker grew by more than --limit MB over its baseline.
Everything it starts it stops again; everything it writes is deleted.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
FILE_MB = 10

SETUP = """
import django, os
django.setup()
from django.core.files.base import ContentFile
from django.core.management import call_command
from wagtail.documents import get_document_model
from integration_checkup.models import FieldOfAction, MeasureSheet, MeasureStatusChange
import datetime

call_command("migrate", verbosity=0)
call_command("load_initial_data", stdout=open(os.devnull, "w"))
field = FieldOfAction.objects.first()
chunk = os.urandom(1024 * 1024)
for index in range({count}):
    payload = b"%PDF-1.4\\n" + chunk * {file_mb}
    document = get_document_model()(title=f"Grosses Arbeitspapier {{index}}")
    document.file.save(f"gross-{{index}}.pdf", ContentFile(payload), save=False)
    document._set_document_file_metadata()
    document.save()
    sheet = MeasureSheet(number=100 + index, title=f"Grosse Massnahme {{index}}",
                         field_of_action=field, summary="Benchmark", document=document)
    sheet.status_changes = [MeasureStatusChange(date=datetime.date(2017, 10, 9), status="forum")]
    sheet.save()
    sheet.save_revision().publish()
print("ready")
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


def worker_pid(master: int, timeout: float = 20) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
        if children:
            return int(children[0])
        time.sleep(0.1)
    raise RuntimeError("gunicorn started no worker")


def wait_for(url: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                response.read()
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=int, default=500)
    parser.add_argument("--limit", type=int, default=100, help="allowed growth in MB")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="bench-zip-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "flensburg_site.settings.dev",
        "DEBUG": "false",
        "DATABASE_URL": f"sqlite:///{workdir / 'bench.sqlite3'}",
        "MEDIA_ROOT": str(workdir / "media"),
        "ALLOWED_HOSTS": "127.0.0.1",
    }
    count = max(1, args.megabytes // FILE_MB)
    server = None
    try:
        print(f"Building a site with {count} x {FILE_MB} MB documents in {workdir} ...")
        subprocess.run(
            [PYTHON, "-c", SETUP.format(count=count, file_mb=FILE_MB)],
            cwd=ROOT,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        port = free_port()
        server = subprocess.Popen(
            [
                str(Path(PYTHON).parent / "gunicorn"),
                "flensburg_site.wsgi:application",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                "1",
                "--timeout",
                "300",
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        wait_for(base + "/check-up-integration/massnahmen/")
        pid = worker_pid(server.pid)
        # Warm up: the pages and one small download, so imports are counted in the baseline.
        wait_for(base + "/check-up-integration/")
        baseline = rss_mb(pid)

        peak = baseline
        done = threading.Event()

        def sample() -> None:
            nonlocal peak
            while not done.is_set():
                peak = max(peak, rss_mb(pid))
                time.sleep(0.05)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        started = time.monotonic()
        received = 0
        with urllib.request.urlopen(
            base + "/check-up-integration/arbeitspapiere-zip/", timeout=300
        ) as response:
            expected = int(response.headers["Content-Length"])
            while chunk := response.read(1024 * 1024):
                received += len(chunk)
        elapsed = time.monotonic() - started
        done.set()
        sampler.join()

        growth = peak - baseline
        print(
            f"streamed        {received / 1024**2:8.1f} MB in {elapsed:.1f} s "
            f"({received / 1024**2 / elapsed:.0f} MB/s)"
        )
        print(
            f"Content-Length  {expected / 1024**2:8.1f} MB (matches: {expected == received})"
        )
        print(f"worker baseline {baseline:8.1f} MB RSS")
        print(f"worker peak     {peak:8.1f} MB RSS")
        print(f"growth          {growth:8.1f} MB (limit {args.limit} MB)")
        ok = (
            growth <= args.limit
            and expected == received
            and received >= count * FILE_MB * 1024**2
        )
        print("PASS" if ok else "FAIL")
        return 0 if ok else 1
    finally:
        if server is not None:
            server.send_signal(signal.SIGTERM)
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
