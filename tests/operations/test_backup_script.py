"""scripts/backup.sh: a backup for cron, keeping the newest BACKUP_KEEP."""

import os
import sqlite3
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def small_database(tmp_path):
    path = tmp_path / "small.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT)")
        db.execute("INSERT INTO note (text) VALUES ('eins')")
    db.close()
    return f"sqlite:///{path}"


def test_backup_script_keeps_the_newest(small_database, tmp_path):
    backups = tmp_path / "backups"
    old = [
        "backup-20240101T020000Z",
        "backup-20240102T020000Z",
        "backup-20240103T020000Z",
    ]
    for name in old:
        (backups / name).mkdir(parents=True)
    (backups / "notizen.txt").write_text("bleibt")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "flensburg_site.settings.dev",
        "DATABASE_URL": small_database,
        "BACKUP_DIR": str(backups),
        "BACKUP_KEEP": "2",
    }

    result = subprocess.run(  # noqa: S603
        [ROOT / "scripts" / "backup.sh", "--no-media"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    new = Path(result.stdout.strip().splitlines()[-3])
    remaining = sorted(path.name for path in backups.iterdir())
    assert remaining == ["backup-20240103T020000Z", new.name, "notizen.txt"]
    assert (new / "manifest.json").is_file()
    assert "Removed old backup backup-20240101T020000Z" in result.stdout
    assert "Removed old backup backup-20240102T020000Z" in result.stdout


def test_backup_script_refuses_a_bad_keep_count(tmp_path):
    result = subprocess.run(  # noqa: S603
        [ROOT / "scripts" / "backup.sh"],
        env={**os.environ, "BACKUP_DIR": str(tmp_path), "BACKUP_KEEP": "alle"},
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )

    assert result.returncode == 2
    assert "BACKUP_KEEP" in result.stderr
    assert list(tmp_path.iterdir()) == []
