"""The SQLite default survives concurrent writers (WAL, busy timeout, IMMEDIATE).

Several processes, like gunicorn workers, save barrier reports through the
real form into one SQLite file at the same time, each in a transaction that
reads before it writes (the pattern that fails at once with SQLite's default
DEFERRED transactions: "database is locked"). Every write must be stored.
"""

import os
import subprocess
import sys
import time

from django.conf import settings

import pytest

from tests.core.servers import ROOT

WORKERS = 4
REPORTS_PER_WORKER = 25

COMMON = """
import os, sys, time
import django
django.setup()
from django.db import connection, transaction
from pages.models import BarrierReport
"""

CREATE_TABLE = (
    COMMON
    + """
with connection.schema_editor() as editor:
    editor.create_model(BarrierReport)
print(connection.cursor().execute("PRAGMA journal_mode").fetchone()[0])
"""
)

WORKER = (
    COMMON
    + """
from pages.forms import BarrierReportForm
worker, count, go = sys.argv[1], int(sys.argv[2]), sys.argv[3]
while not os.path.exists(go):
    time.sleep(0.01)
for number in range(count):
    with transaction.atomic():
        BarrierReport.objects.filter(description__startswith=f"w{worker} ").count()
        form = BarrierReportForm({
            "description": f"w{worker} report {number}",
            "page_url": "/barrierefreiheit/",
            "email": "leser@example.org",
            "consent": "on",
            "website": "",
        })
        assert form.is_valid(), form.errors
        form.save()
print("done", worker)
"""
)


@pytest.fixture
def sqlite_env(tmp_path):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "flensburg_site.settings.test",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'site.sqlite3'}",
        "PYTHONPATH": str(ROOT),
    }


def run_python(code: str, env: dict, *args: str) -> subprocess.Popen:
    return subprocess.Popen(  # noqa: S603
        [sys.executable, "-c", code, *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_sqlite_is_configured_for_concurrent_writers():
    # Only meaningful where the default SQLite runs: settings of every
    # environment come from base.py.
    from flensburg_site.settings import base

    if base.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
        pytest.skip("DATABASE_URL is not SQLite")
    options = base.DATABASES["default"]["OPTIONS"]
    assert options["transaction_mode"] == "IMMEDIATE"
    assert options["timeout"] == 20
    assert "PRAGMA journal_mode=WAL" in options["init_command"]
    assert "PRAGMA busy_timeout=20000" in options["init_command"]
    assert settings.DATABASES["default"]["OPTIONS"]["transaction_mode"] == "IMMEDIATE"


def test_concurrent_writers_all_succeed(tmp_path, sqlite_env):
    setup = run_python(CREATE_TABLE, sqlite_env)
    out, err = setup.communicate(timeout=120)
    assert setup.returncode == 0, err
    assert out.split()[-1] == "wal"

    go = tmp_path / "go"
    workers = [
        run_python(WORKER, sqlite_env, str(n), str(REPORTS_PER_WORKER), str(go))
        for n in range(WORKERS)
    ]
    # Let the interpreters start (django.setup) before they all write at once.
    time.sleep(3)
    go.touch()
    results = [worker.communicate(timeout=120) for worker in workers]

    for worker, (out, err) in zip(workers, results, strict=True):
        assert "database is locked" not in err
        assert worker.returncode == 0, err
        assert out.startswith("done")
    count = run_python(
        COMMON + "print(BarrierReport.objects.count())", sqlite_env
    ).communicate(timeout=120)
    assert int(count[0].split()[-1]) == WORKERS * REPORTS_PER_WORKER
