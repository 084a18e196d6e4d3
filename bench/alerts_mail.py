"""Benchmark: 1,000 alert mails through a local SMTP server with one worker.

Builds a throw-away SQLite database in a temporary directory (``migrate``),
adds --mails confirmed subscribers of the news and one change, fans it out
(one delivery and one send task each, in the database task backend), starts
an SMTP server on 127.0.0.1 (aiosmtpd, accepting everything) and one
``manage.py db_worker --batch``, and reports the time until the server has
received every mail: in all (with the worker's start) and from the first to
the last mail (the sending itself), plus mails per second. Checks that every
subscriber got exactly one mail and every delivery is marked sent.

    .venv/bin/python bench/alerts_mail.py [--mails 1000] [--keep]
        [--postgres postgres://postgres@127.0.0.1:5432/postgres] [--profile FILE]

The worker's settings are ``tests.alerts.worker_settings`` (the test
settings with the database backend and SMTP to the server's port).
"""

from __future__ import annotations

import argparse
import email
import email.policy
import os
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from aiosmtpd.controller import Controller

ROOT = Path(__file__).resolve().parents[1]

SETUP = """
from datetime import timedelta
from django.utils import timezone
from alerts import tasks
from alerts.models import Change, Subscriber, Subscription
now = timezone.now() - timedelta(minutes=1)
people = Subscriber.objects.bulk_create(
    [Subscriber(email=f"leser{{i}}@example.org", confirmed_at=now) for i in range({n})]
)
Subscription.objects.bulk_create(
    [Subscription(subscriber=p, topic="news", confirmed_at=now) for p in people]
)
change = Change.objects.create(
    key="news:2", kind="news", topics=[["news", ""]], content={{"page_id": 2}}
)
tasks.fan_out.call(change.pk)
"""


class Counting:
    def __init__(self):
        self.recipients: list[str] = []
        self.times: list[float] = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(
            envelope.content, policy=email.policy.default
        )
        with self.lock:
            self.recipients.append(message["To"])
            self.times.append(time.monotonic())
        return "250 OK"


def admin_sql(maintenance_url: str, statement: str, *args: str) -> None:
    import psycopg
    from psycopg import sql

    with psycopg.connect(maintenance_url, autocommit=True) as connection:
        connection.execute(sql.SQL(statement).format(*map(sql.Identifier, args)))


def delivery_statuses(database_url: str, db: Path) -> dict:
    query = "SELECT status, count(*) FROM alerts_delivery GROUP BY status"
    if database_url.startswith("sqlite"):
        with sqlite3.connect(db) as connection:
            return dict(connection.execute(query).fetchall())
    import psycopg

    with psycopg.connect(database_url) as connection:
        return dict(connection.execute(query).fetchall())


def out(text: str = "") -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(env: dict, *args: str) -> None:
    subprocess.run(  # noqa: S603 - manage.py of this project
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mails", type=int, default=1000)
    parser.add_argument("--keep", action="store_true", help="keep the temp dir")
    parser.add_argument("--profile", help="write the worker's cProfile stats here")
    parser.add_argument(
        "--postgres",
        metavar="URL",
        help="a PostgreSQL server (postgres://user@host:5432/db): a throw-away "
        "database there instead of SQLite, dropped at the end",
    )
    options = parser.parse_args()

    directory = Path(tempfile.mkdtemp(prefix="alerts-bench-"))
    db = directory / "db.sqlite3"
    handler = Counting()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    env = {
        k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}
    }
    database_url = f"sqlite:///{db}"
    name = ""
    if options.postgres:
        parts = urlsplit(options.postgres)
        name = f"alerts_bench_{uuid.uuid4().hex[:8]}"
        database_url = urlunsplit(parts._replace(path=f"/{name}"))
        maintenance = urlunsplit(parts._replace(path="/postgres"))
        admin_sql(maintenance, "CREATE DATABASE {}", name)
    env.update(
        DJANGO_SETTINGS_MODULE="tests.alerts.worker_settings",
        DATABASE_URL=database_url,
        ALERTS_TEST_SMTP_PORT=str(controller.port),
    )
    try:
        out(f"Database in {directory}: migrate …")
        manage(env, "migrate", "--no-input", "-v", "0")
        manage(env, "shell", "-c", SETUP.format(n=options.mails))
        start = time.monotonic()
        profile = ["-m", "cProfile", "-o", options.profile] if options.profile else []
        worker = subprocess.run(  # noqa: S603 - manage.py of this project
            [
                sys.executable,
                *profile,
                "manage.py",
                "db_worker",
                "--batch",
                "--queue-name",
                "*",
                "--interval",
                "0",
                "--no-startup-delay",
                "--no-reload",
                "-v",
                "0",
            ],
            cwd=ROOT,
            env=env,
            check=False,
        )
        end = time.monotonic()
        statuses = delivery_statuses(database_url, db)
    finally:
        controller.stop()
        if name:
            admin_sql(maintenance, "DROP DATABASE {} WITH (FORCE)", name)
    received = len(handler.recipients)
    per_recipient = Counter(handler.recipients)
    sending = handler.times[-1] - handler.times[0] if received > 1 else 0.0
    out(f"worker exit code: {worker.returncode}")
    out(
        f"mails received: {received} (recipients: {len(per_recipient)}, "
        f"most to one: {max(per_recipient.values(), default=0)})"
    )
    out(f"deliveries: {statuses}")
    out(f"total (worker start to exit): {end - start:.1f} s")
    out(
        f"first to last mail: {sending:.1f} s "
        f"({received / sending if sending else 0:.0f} mails/s)"
    )
    if not options.keep:
        for path in directory.iterdir():
            path.unlink()
        directory.rmdir()
    ok = (
        received == options.mails
        and len(per_recipient) == options.mails
        and statuses == {"sent": options.mails}
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
