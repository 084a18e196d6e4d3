"""The database part of a backup: dump, restore and row counts.

PostgreSQL goes through pg_dump / pg_restore (custom format); the connection
parameters reach them as PG* environment variables, never on the command
line. SQLite goes through its online backup API, which gives a consistent
copy while the site keeps writing.
"""

import contextlib
import copy
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

from django.db import connections
from django.db.utils import ConnectionHandler

import dj_database_url

from . import BackupError

SQLITE = "sqlite"
POSTGRESQL = "postgresql"
ENGINES = {
    "django.db.backends.sqlite3": SQLITE,
    "django.db.backends.postgresql": POSTGRESQL,
}
DUMP_FILES = {SQLITE: "database.sqlite3", POSTGRESQL: "database.dump"}
# libpq reads these; Django's OPTIONS keys with the same meaning.
PG_OPTION_ENV = {
    "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT",
    "sslcert": "PGSSLCERT",
    "sslkey": "PGSSLKEY",
    "connect_timeout": "PGCONNECT_TIMEOUT",
}
SQLITE_TIMEOUT_SECONDS = 30


def database_settings(*, url: str | None = None, alias: str = "default") -> dict:
    """A DATABASES entry: parsed from ``url``, else the configured one."""
    if url:
        try:
            settings = dj_database_url.parse(url)
        except ValueError as error:
            raise BackupError(f"Invalid database URL: {error}") from error
    else:
        settings = copy.deepcopy(connections[alias].settings_dict)
    if settings.get("ENGINE") not in ENGINES:
        raise BackupError(
            f"Database engine {settings.get('ENGINE')!r} is not supported "
            "(only PostgreSQL and SQLite)."
        )
    return settings


def database_engine(settings: dict) -> str:
    return ENGINES[settings["ENGINE"]]


def database_label(settings: dict) -> str:
    """Where the database is, for messages (never the password)."""
    if database_engine(settings) == SQLITE:
        return f"SQLite {settings['NAME']}"
    host = settings.get("HOST") or "local socket"
    port = f":{settings['PORT']}" if settings.get("PORT") else ""
    return f"PostgreSQL {settings['NAME']} on {host}{port}"


@contextlib.contextmanager
def database_connection(settings: dict) -> Iterator:
    """A private Django connection, closed afterwards (the site's stay untouched)."""
    handler = ConnectionHandler({"default": copy.deepcopy(settings)})
    try:
        yield handler["default"]
    finally:
        handler.close_all()


def table_row_counts(connection, cursor) -> dict[str, int]:
    counts = {}
    for table in sorted(connection.introspection.table_names(cursor)):
        quoted = connection.ops.quote_name(table)
        cursor.execute(f"SELECT COUNT(*) FROM {quoted}")  # noqa: S608 (quoted name)
        counts[table] = cursor.fetchone()[0]
    return counts


def database_row_counts(settings: dict) -> dict[str, int]:
    with database_connection(settings) as connection, connection.cursor() as cursor:
        return table_row_counts(connection, cursor)


def _sqlite_path(settings: dict) -> str:
    name = str(settings["NAME"])
    if not name or name == ":memory:" or "mode=memory" in name:
        raise BackupError(
            "An in-memory SQLite database cannot be backed up or restored."
        )
    return name


def _sqlite_settings(path: Path) -> dict:
    return {"ENGINE": "django.db.backends.sqlite3", "NAME": str(path)}


def _sqlite_copy(source: str, target: str, *, source_read_only: bool) -> None:
    if source_read_only:
        # A read-only URI connection never creates or changes the backup file.
        src = sqlite3.connect(f"{Path(source).as_uri()}?mode=ro", uri=True)
    else:
        src = sqlite3.connect(source, timeout=SQLITE_TIMEOUT_SECONDS)
    try:
        dst = sqlite3.connect(target, timeout=SQLITE_TIMEOUT_SECONDS)
        try:
            src.backup(dst)
        finally:
            dst.close()
    except sqlite3.Error as error:
        raise BackupError(
            f"SQLite copy from {source} to {target} failed: {error}"
        ) from error
    finally:
        src.close()


def dump_database(settings: dict, target: Path) -> dict[str, int]:
    """Write the database to ``target``; return the row counts of the dump."""
    if database_engine(settings) == SQLITE:
        source = _sqlite_path(settings)
        if not Path(source).is_file():
            raise BackupError(f"SQLite database {source} does not exist.")
        _sqlite_copy(source, str(target), source_read_only=False)
        # A self-contained file: no -wal/-shm files beside it in the backup.
        with contextlib.closing(sqlite3.connect(target)) as copy_connection:
            copy_connection.execute("PRAGMA journal_mode=DELETE")
        return database_row_counts(_sqlite_settings(target))
    return _dump_postgresql(settings, target)


def _dump_postgresql(settings: dict, target: Path) -> dict[str, int]:
    """pg_dump in the snapshot the row counts were taken in: counts match the dump."""
    with database_connection(settings) as connection, connection.cursor() as cursor:
        cursor.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        try:
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
            counts = table_row_counts(connection, cursor)
            _run_pg_tool(
                settings,
                "pg_dump",
                "--format=custom",
                f"--snapshot={snapshot}",
                f"--file={target}",
            )
        finally:
            cursor.execute("ROLLBACK")
    return counts


def restore_database(settings: dict, source: Path) -> None:
    """Replace the content of the database by the dump ``source``."""
    if database_engine(settings) == SQLITE:
        target = _sqlite_path(settings)
        Path(target).parent.mkdir(parents=True, exist_ok=True)
        _sqlite_copy(str(source), target, source_read_only=True)
        return
    # One transaction: if anything fails, the database stays as it was.
    _run_pg_tool(
        settings,
        "pg_restore",
        "--clean",
        "--if-exists",
        "--no-owner",
        "--single-transaction",
        "--exit-on-error",
        f"--dbname={settings['NAME']}",
        str(source),
    )


def check_dump(engine: str, path: Path, expected_counts: dict[str, int]) -> list[str]:
    """Problems with a dump file, read without restoring it."""
    if engine == SQLITE:
        settings = _sqlite_settings(path)
        settings["NAME"] = f"{path.as_uri()}?mode=ro"
        settings["OPTIONS"] = {"uri": True}
        try:
            with (
                database_connection(settings) as connection,
                connection.cursor() as cursor,
            ):
                cursor.execute("PRAGMA integrity_check")
                integrity = cursor.fetchone()[0]
                counts = table_row_counts(connection, cursor)
        except Exception as error:  # noqa: BLE001 (any failure means a broken file)
            return [f"{path.name}: not a readable SQLite database ({error})."]
        problems = [] if integrity == "ok" else [f"{path.name}: {integrity}"]
        if counts != expected_counts:
            problems.append(f"{path.name}: row counts differ from the manifest.")
        return problems
    try:
        subprocess.run(  # noqa: S603 (fixed program, no shell)
            [_pg_tool("pg_restore"), "--list", str(path)],
            check=True,
            capture_output=True,
        )
    except subprocess.CalledProcessError as error:
        return [f"{path.name}: pg_restore cannot read it ({_tail(error.stderr)})."]
    return []


def _pg_tool(name: str) -> str:
    program = shutil.which(name)
    if program is None:
        raise BackupError(
            f"{name} is not installed (Debian: apt-get install postgresql-client)."
        )
    return program


def _pg_environment(settings: dict) -> dict[str, str]:
    env = dict(os.environ)
    values = {
        "PGHOST": settings.get("HOST"),
        "PGPORT": settings.get("PORT"),
        "PGUSER": settings.get("USER"),
        "PGPASSWORD": settings.get("PASSWORD"),
        "PGDATABASE": settings.get("NAME"),
    }
    options = settings.get("OPTIONS") or {}
    values.update(
        {env_name: options.get(key) for key, env_name in PG_OPTION_ENV.items()}
    )
    env.update(
        {key: str(value) for key, value in values.items() if value not in (None, "")}
    )
    env["PGAPPNAME"] = "flensburg-backup"
    return env


def _run_pg_tool(settings: dict, name: str, *arguments: str) -> None:
    try:
        subprocess.run(  # noqa: S603 (fixed program, no shell, no password in argv)
            [_pg_tool(name), "--no-password", *arguments],
            env=_pg_environment(settings),
            check=True,
            capture_output=True,
        )
    except subprocess.CalledProcessError as error:
        raise BackupError(f"{name} failed: {_tail(error.stderr)}") from error


def _tail(output: bytes) -> str:
    text = output.decode(errors="replace").strip()
    return text[-2000:] or "no message"


def pg_dump_version() -> str:
    result = subprocess.run(  # noqa: S603
        [_pg_tool("pg_dump"), "--version"], check=True, capture_output=True, text=True
    )
    return result.stdout.strip()
