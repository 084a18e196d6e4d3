"""A real worker (``manage.py db_worker``, database task backend, SQLite
file) killed with SIGKILL while it sends: once restarted it sends what is
pending, and every subscriber gets the change exactly once."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from datetime import timedelta
from pathlib import Path

from django.db import connection
from django.utils import timezone

import pytest

from alerts import tasks
from alerts.models import Change, Subscriber, Subscription

pytestmark = pytest.mark.database

ROOT = Path(__file__).resolve().parents[2]
SUBSCRIBERS = 30


def pending_news_change(settings) -> None:
    """Subscribers of the news, a change and its deliveries with their send
    tasks in the database backend (as the fan-out leaves them)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    now = timezone.now() - timedelta(minutes=1)
    people = Subscriber.objects.bulk_create(
        [
            Subscriber(email=f"leser{i}@example.org", confirmed_at=now)
            for i in range(SUBSCRIBERS)
        ]
    )
    Subscription.objects.bulk_create(
        [Subscription(subscriber=p, topic="news", confirmed_at=now) for p in people]
    )
    # The welcome page of a fresh database stands in for a news item.
    change = Change.objects.create(
        key="news:2", kind="news", topics=[["news", ""]], content={"page_id": 2}
    )
    tasks.fan_out.call(change.pk)


def environment(db: Path, port: int) -> dict:
    env = {
        k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="tests.alerts.worker_settings",
        DATABASE_URL=f"sqlite:///{db}",
        ALERTS_TEST_SMTP_PORT=str(port),
        PYTHONDONTWRITEBYTECODE="1",
    )
    return env


def manage(env: dict, *args: str, timeout: float = 300) -> str:
    done = subprocess.run(  # noqa: S603 - manage.py of this project
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert done.returncode == 0, (done.stdout + done.stderr)[-4000:]
    return done.stdout


def worker(env: dict, log: Path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen(  # noqa: S603 - manage.py of this project
        [
            sys.executable,
            "manage.py",
            "db_worker",
            "--queue-name",
            "*",
            "--interval",
            "0.05",
            "--no-startup-delay",
            "--no-reload",
            *extra,
        ],
        cwd=ROOT,
        env=env,
        stdout=log.open("a"),
        stderr=subprocess.STDOUT,
    )


@pytest.fixture
def db_file(transactional_db, tmp_path, settings):
    """A copy of the test database (migrated already, with pending mails) in
    a SQLite file a worker process can open: seconds, not a ``migrate``."""
    if connection.vendor != "sqlite":
        pytest.skip("copies the SQLite test database for the worker")
    pending_news_change(settings)
    path = tmp_path / "db.sqlite3"
    connection.ensure_connection()
    with sqlite3.connect(path) as target:
        connection.connection.backup(target)
    target.close()
    return path


def statuses(db: Path) -> Counter:
    with sqlite3.connect(db) as connection:
        rows = connection.execute("SELECT status FROM alerts_delivery").fetchall()
    return Counter(status for (status,) in rows)


def test_killed_worker_loses_nothing_and_sends_nothing_twice(
    db_file, smtp_server, tmp_path
):
    controller, inbox = smtp_server
    db = db_file
    env = environment(db, controller.port)
    assert statuses(db) == {"pending": SUBSCRIBERS}

    running = {}
    seen = []

    def kill_at_tenth(envelope):
        """Kill the worker while it waits for the answer to a message: the
        server never says 250, so that message counts as not delivered."""
        seen.append(envelope.rcpt_tos[0])
        if len(seen) == 10:
            os.kill(running["worker"].pid, signal.SIGKILL)
            return False
        return True

    inbox.on_message = kill_at_tenth
    log = tmp_path / "worker.log"
    running["worker"] = first = worker(env, log)
    assert first.wait(timeout=60) == -signal.SIGKILL
    assert len(inbox.messages) == 9
    assert statuses(db)["sent"] == 9

    # Restarted: the sweep hands the dead worker's claimed mail to a new task
    # once its claim ran out (1 s here), the worker sends everything pending.
    time.sleep(1.2)
    assert "1 task(s) enqueued" in manage(env, "alerts_resend_pending")
    second = worker(env, log, "--batch")
    assert second.wait(timeout=60) == 0, log.read_text()[-3000:]

    per_recipient = Counter(m["To"] for m in inbox.messages)
    assert len(per_recipient) == SUBSCRIBERS
    assert set(per_recipient.values()) == {1}, per_recipient
    assert statuses(db) == {"sent": SUBSCRIBERS}
