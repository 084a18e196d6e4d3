"""Backup and restore (manage.py backup / restore / verify_backup).

The round trip runs against a database of its own: on SQLite a file copied
from the migrated test database, on PostgreSQL a throwaway database made from
it as a template. The other tests use a tiny SQLite file.
"""

import hashlib
import io
import json
import os
import sqlite3
import tarfile
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

import pytest

from operations.backups.database import (
    database_connection,
    database_row_counts,
    database_settings,
)


@pytest.fixture
def database_access(django_db_blocker):
    """The commands open connections of their own; pytest-django must let them."""
    with django_db_blocker.unblock():
        yield


@pytest.fixture(scope="module")
def migrated_database(django_db_setup, django_db_blocker, tmp_path_factory):
    """URL of a copy of the migrated test database (Wagtail's tree, locales, ...).

    Made before any test opens its transaction on the test database (a copy
    from inside it would wait for the transaction's lock).
    """
    with django_db_blocker.unblock():
        if connection.vendor == "sqlite":
            path = tmp_path_factory.mktemp("site") / "site.sqlite3"
            connection.ensure_connection()
            with sqlite3.connect(path) as copy:
                connection.connection.backup(copy)
            copy.close()
            yield f"sqlite:///{path}"
            return
        yield from _postgresql_copy(connection.settings_dict)


def _postgresql_copy(params):
    """A throwaway PostgreSQL database made from the test database as template."""
    import psycopg
    from psycopg import sql

    name = f"flensburg_backup_test_{os.getpid()}"
    admin = psycopg.connect(
        dbname="postgres",
        host=params["HOST"] or None,
        port=params["PORT"] or None,
        user=params["USER"] or None,
        password=params["PASSWORD"] or None,
        autocommit=True,
    )
    drop = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
        sql.Identifier(name)
    )
    try:
        admin.execute(drop)
        # A template must have no other session.
        connection.close()
        admin.execute(
            sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                sql.Identifier(name), sql.Identifier(params["NAME"])
            )
        )
        user = f"{params['USER']}@" if params["USER"] else ""
        host = params["HOST"] or "localhost"
        port = f":{params['PORT']}" if params["PORT"] else ""
        yield f"postgres://{user}{host}{port}/{name}"
    finally:
        admin.execute(drop)
        admin.close()


@pytest.fixture
def site_database(migrated_database, db):
    """The copy; ``db`` lets the commands connect (pytest-django blocks them otherwise)."""
    return migrated_database


def run_sql(url: str, *statements: str) -> None:
    with (
        database_connection(database_settings(url=url)) as db,
        db.cursor() as cursor,
    ):
        for statement in statements:
            cursor.execute(statement)


def query(url: str, statement: str) -> list[tuple]:
    with (
        database_connection(database_settings(url=url)) as db,
        db.cursor() as cursor,
    ):
        cursor.execute(statement)
        return list(cursor.fetchall())


def row_counts(url: str) -> dict[str, int]:
    return database_row_counts(database_settings(url=url))


def checksums(root: Path) -> dict[str, str]:
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def make_media(root: Path) -> None:
    files = {
        "original_images/hafen.jpg": os.urandom(50_000),
        "images/hafen.width-800.jpg": os.urandom(20_000),
        "images/hafen.width-800.webp": os.urandom(15_000),
        "documents/massnahme-07.pdf": b"%PDF-1.4 Beispiel\n" + os.urandom(5_000),
        "documents/ä ö ü/Arbeitspapier (Stand 2017).odt": os.urandom(3_000),
    }
    for name, content in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(content)


def backup(tmp_path: Path, url: str, media: Path | None = None) -> Path:
    out = io.StringIO()
    media_options = {"media_root": media} if media else {"no_media": True}
    call_command(
        "backup",
        output=tmp_path / "backups",
        database_url=url,
        stdout=out,
        **media_options,
    )
    return Path(out.getvalue().strip().splitlines()[-1])


def restore(path: Path, url: str, media: Path | None = None, **options) -> str:
    out = io.StringIO()
    media_options = {"media_root": media} if media else {"no_media": True}
    options.setdefault("yes", True)
    call_command(
        "restore", str(path), database_url=url, stdout=out, **media_options, **options
    )
    return out.getvalue()


def test_round_trip_brings_back_rows_and_media_files(site_database, tmp_path):
    url = site_database
    media = tmp_path / "media"
    make_media(media)
    run_sql(
        url,
        "INSERT INTO taggit_tag (name, slug) VALUES ('Wohnen', 'wohnen'), ('Arbeit', 'arbeit')",
        "INSERT INTO auth_group (name) VALUES ('Redaktion')",
    )
    counts_before = row_counts(url)
    pages_before = query(url, "SELECT id, title FROM wagtailcore_page ORDER BY id")
    media_before = checksums(media)

    path = backup(tmp_path, url, media)

    manifest = json.loads((path / "manifest.json").read_text())
    assert manifest["database"]["tables"] == counts_before
    assert manifest["media"]["files"] == media_before
    assert manifest["versions"]["django"].startswith("6.")
    assert manifest["versions"]["wagtail"].startswith("8.")
    assert counts_before["taggit_tag"] == 2
    assert counts_before["wagtailcore_page"] >= 2

    # Editors (or an accident) change everything after the backup.
    run_sql(
        url,
        "DELETE FROM taggit_tag",
        "UPDATE wagtailcore_page SET title = 'Überschrieben'",
        "INSERT INTO auth_group (name) VALUES ('Später angelegt')",
    )
    (media / "images/hafen.width-800.jpg").write_bytes(b"kaputt")
    (media / "documents/massnahme-07.pdf").unlink()
    (media / "documents/neu-hochgeladen.pdf").write_bytes(b"%PDF-1.4 neu")
    assert row_counts(url) != counts_before

    output = restore(path, url, media)

    assert row_counts(url) == counts_before
    assert query(url, "SELECT id, title FROM wagtailcore_page ORDER BY id") == (
        pages_before
    )
    assert checksums(media) == media_before
    assert "Restored and checked" in output
    assert "Removed 1 media file(s)" in output


@pytest.fixture
def small_database(tmp_path):
    """A tiny SQLite database: URL and path."""
    path = tmp_path / "small.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT)")
        db.executemany("INSERT INTO note (text) VALUES (?)", [("eins",), ("zwei",)])
    db.close()
    return f"sqlite:///{path}"


@pytest.fixture
def small_backup(small_database, database_access, tmp_path):
    media = tmp_path / "media"
    make_media(media)
    path = backup(tmp_path, small_database, media)
    # The state a refused restore must leave alone.
    run_sql(small_database, "DELETE FROM note WHERE text = 'zwei'")
    (media / "documents/nach-dem-backup.pdf").write_bytes(b"%PDF-1.4")
    return path, small_database, media


def assert_nothing_changed(url: str, media: Path, media_before: dict) -> None:
    assert query(url, "SELECT text FROM note") == [("eins",)]
    assert checksums(media) == media_before


def test_verify_backup_accepts_an_intact_backup(small_backup):
    path, _url, _media = small_backup
    out = io.StringIO()

    call_command("verify_backup", str(path), stdout=out)

    assert "is intact" in out.getvalue()
    assert "5 media files" in out.getvalue()
    assert oct(path.stat().st_mode & 0o777) == "0o700"


@pytest.mark.parametrize("tampered", ["database.sqlite3", "media.tar.gz"])
def test_tampered_backup_is_refused_and_nothing_changes(small_backup, tampered):
    path, url, media = small_backup
    media_before = checksums(media)
    with (path / tampered).open("r+b") as handle:
        handle.seek(200)
        byte = handle.read(1)
        handle.seek(200)
        handle.write(bytes([byte[0] ^ 0xFF]))

    with pytest.raises(CommandError, match=f"{tampered}: checksum differs"):
        restore(path, url, media)
    with pytest.raises(CommandError, match="checksum differs"):
        call_command("verify_backup", str(path))

    assert_nothing_changed(url, media, media_before)


def test_backup_without_manifest_is_refused(small_backup):
    path, url, media = small_backup
    media_before = checksums(media)
    (path / "manifest.json").unlink()

    with pytest.raises(CommandError, match=r"no manifest\.json"):
        restore(path, url, media)

    assert_nothing_changed(url, media, media_before)


def _replace_archive(path: Path, add_member) -> None:
    """Put a crafted media archive in the backup, with a matching manifest."""
    archive = path / "media.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        content = b"harmless"
        info = tarfile.TarInfo("images/ok.jpg")
        info.size = len(content)
        tar.addfile(info, io.BytesIO(content))
        add_member(tar)
    manifest = json.loads((path / "manifest.json").read_text())
    manifest["media"]["sha256"] = hashlib.sha256(archive.read_bytes()).hexdigest()
    manifest["media"]["files"] = {"images/ok.jpg": hashlib.sha256(content).hexdigest()}
    (path / "manifest.json").write_text(json.dumps(manifest))


def _file(name: str):
    def add(tar):
        info = tarfile.TarInfo(name)
        info.size = 4
        tar.addfile(info, io.BytesIO(b"evil"))

    return add


def _link(name: str, target: str, kind=tarfile.SYMTYPE):
    def add(tar):
        info = tarfile.TarInfo(name)
        info.type = kind
        info.linkname = target
        tar.addfile(info)

    return add


@pytest.mark.parametrize(
    ("member", "message"),
    [
        (_file("../ausserhalb.txt"), "points outside"),
        (_file("images/../../ausserhalb.txt"), "points outside"),
        (_file("/srv/absolut.txt"), "absolute path"),
        (_link("images/link.jpg", "/etc/passwd"), "link or special file"),
        (_link("images/hart.jpg", "../../etc/passwd", tarfile.LNKTYPE), "link"),
    ],
    ids=["dotdot", "nested-dotdot", "absolute", "symlink", "hardlink"],
)
def test_unsafe_archive_members_are_refused(small_backup, tmp_path, member, message):
    path, url, media = small_backup
    media_before = checksums(media)
    _replace_archive(path, member)

    with pytest.raises(CommandError, match=f"Unsafe media archive.*{message}"):
        restore(path, url, media)
    with pytest.raises(CommandError, match="Unsafe media archive"):
        call_command("verify_backup", str(path))

    assert_nothing_changed(url, media, media_before)
    assert not (tmp_path / "ausserhalb.txt").exists()


def test_restore_asks_and_refuses_without_confirmation(small_backup, monkeypatch):
    path, url, media = small_backup
    media_before = checksums(media)

    # No terminal to ask (cron, pipes): refused without --yes.
    with pytest.raises(CommandError, match="--yes"):
        restore(path, url, media, yes=False)

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.setattr("sys.stdin", Terminal())
    monkeypatch.setattr("builtins.input", lambda prompt: "nein")
    with pytest.raises(CommandError, match="cancelled"):
        restore(path, url, media, yes=False)
    assert_nothing_changed(url, media, media_before)

    monkeypatch.setattr("builtins.input", lambda prompt: "yes")
    restore(path, url, media, yes=False)
    assert query(url, "SELECT text FROM note ORDER BY id") == [("eins",), ("zwei",)]
    assert "documents/nach-dem-backup.pdf" not in checksums(media)


def test_restore_of_a_wal_database_while_another_connection_is_open(
    small_backup, tmp_path
):
    """The configured SQLite runs in WAL mode; the backup API restores into it."""
    path, url, media = small_backup
    db_path = url.removeprefix("sqlite:///")
    reader = sqlite3.connect(db_path)
    reader.execute("PRAGMA journal_mode=WAL")
    assert reader.execute("SELECT COUNT(*) FROM note").fetchone() == (1,)

    restore(path, url, media)

    assert reader.execute("SELECT COUNT(*) FROM note").fetchone() == (2,)
    reader.close()
