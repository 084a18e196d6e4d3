"""Make, check and restore backups (see ``operations.backups``)."""

import json
import os
import platform
import shutil
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import django
from django.core.files.storage import Storage

import wagtail

from . import BackupError
from .database import (
    DUMP_FILES,
    POSTGRESQL,
    check_dump,
    database_engine,
    database_label,
    database_row_counts,
    dump_database,
    pg_dump_version,
    restore_database,
)
from .media import (
    archive_media,
    check_archive,
    compare_checksums,
    extract_media,
    file_sha256,
    media_checksums,
)
from .references import referenced_media
from .storage_media import (
    archive_storage_media,
    remove_other_objects,
    storage_checksums,
    storage_label,
    upload_media,
)

MANIFEST = "manifest.json"
MEDIA_ARCHIVE = "media.tar.gz"
FORMAT_VERSION = 1


@dataclass
class RestoreReport:
    """What a restore did and what its check found."""

    tables: int = 0
    media_files: int = 0
    media_removed: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def backup_create(
    *,
    output_dir: Path,
    database: dict,
    media_root: Path | None,
    media_storage: Storage | None = None,
) -> Path:
    """Write a new backup directory below ``output_dir`` and return its path.

    ``database`` is a DATABASES entry; the media come from the folder
    ``media_root`` or else from ``media_storage`` (object storage); both None
    leaves them out. The directory appears under its final name only when it
    is complete and checked.
    """
    created_at = datetime.now(tz=UTC)
    output_dir.mkdir(parents=True, exist_ok=True)
    final = _free_name(output_dir, "backup-" + created_at.strftime("%Y%m%dT%H%M%SZ"))
    work = output_dir / f".{final.name}.partial"
    work.mkdir(mode=0o700)
    try:
        engine = database_engine(database)
        dump = work / DUMP_FILES[engine]
        counts = dump_database(database, dump)
        manifest = {
            "format": FORMAT_VERSION,
            "created_at": created_at.isoformat(),
            "versions": {
                "django": django.get_version(),
                "wagtail": wagtail.__version__,
                "python": platform.python_version(),
                **({"pg_dump": pg_dump_version()} if engine == POSTGRESQL else {}),
            },
            "database": {
                "engine": engine,
                "source": database_label(database),
                "file": dump.name,
                "sha256": file_sha256(dump),
                "size": dump.stat().st_size,
                "tables": counts,
            },
            "media": None,
        }
        if media_root is not None or media_storage is not None:
            archive = work / MEDIA_ARCHIVE
            if media_root is not None:
                checksums = archive_media(media_root, archive)
                source = os.fspath(media_root)
            else:
                checksums = archive_storage_media(media_storage, archive)
                source = storage_label(media_storage)
            manifest["media"] = {
                "source": source,
                # Named in the database but not among the media: lost files.
                "missing": sorted(referenced_media(database) - checksums.keys()),
                "file": archive.name,
                "sha256": file_sha256(archive),
                "size": archive.stat().st_size,
                "files": checksums,
            }
        (work / MANIFEST).write_text(
            json.dumps(manifest, indent=2, sort_keys=True) + "\n"
        )
        for path in work.iterdir():
            path.chmod(0o600)
        problems = backup_verify(path=work)
        if problems:
            raise BackupError(
                "The new backup does not check out:\n" + "\n".join(problems)
            )
        work.rename(final)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return final


def _free_name(output_dir: Path, name: str) -> Path:
    candidate, number = output_dir / name, 1
    while candidate.exists():
        number += 1
        candidate = output_dir / f"{name}-{number}"
    return candidate


def backup_load_manifest(*, path: Path) -> dict:
    manifest_path = path / MANIFEST
    if not path.is_dir():
        raise BackupError(f"{path} is not a directory.")
    if not manifest_path.is_file():
        raise BackupError(
            f"{path} has no {MANIFEST}: not a backup made by `manage.py backup`."
        )
    try:
        manifest = json.loads(manifest_path.read_text())
        database = manifest["database"]
        if (
            manifest.get("format") != FORMAT_VERSION
            or database["engine"] not in DUMP_FILES
        ):
            raise BackupError(f"{MANIFEST} has an unknown format.")
        # The file names come from the manifest: they must name files in it.
        names = [database["file"]] + (
            [manifest["media"]["file"]] if manifest["media"] else []
        )
    except (ValueError, KeyError, TypeError) as error:
        raise BackupError(f"{MANIFEST} is not readable: {error!r}") from error
    for name in names:
        if (
            not isinstance(name, str)
            or Path(name).name != name
            or name in {"", ".", ".."}
        ):
            raise BackupError(f"{MANIFEST} names an invalid file: {name!r}")
    return manifest


def backup_check(*, path: Path) -> dict:
    """The manifest of the backup at ``path`` once all of it checks out;
    BackupError naming every problem otherwise (see ``backup_verify``)."""
    manifest = backup_load_manifest(path=path)
    problems = backup_verify(path=path, manifest=manifest)
    if problems:
        raise BackupError("The backup does not check out:\n" + "\n".join(problems))
    return manifest


def backup_verify(*, path: Path, manifest: dict | None = None) -> list[str]:
    """Problems found in the backup at ``path`` (empty: it is complete and
    intact): checksums, archive members, a readable dump."""
    if manifest is None:
        manifest = backup_load_manifest(path=path)
    problems = []
    database = manifest["database"]
    dump = path / database["file"]
    if not dump.is_file():
        problems.append(f"{database['file']} is missing.")
    elif file_sha256(dump) != database["sha256"]:
        problems.append(f"{database['file']}: checksum differs from the manifest.")
    else:
        problems += check_dump(database["engine"], dump, database["tables"])
    media = manifest["media"]
    if media:
        archive = path / media["file"]
        if not archive.is_file():
            problems.append(f"{media['file']} is missing.")
        elif file_sha256(archive) != media["sha256"]:
            problems.append(f"{media['file']}: checksum differs from the manifest.")
        else:
            problems += check_archive(archive, media["files"])
    return problems


def backup_restore(
    *,
    path: Path,
    database: dict,
    media_root: Path | None,
    media_storage: Storage | None = None,
    checked_manifest: dict | None = None,
) -> RestoreReport:
    """Restore the backup at ``path`` into ``database`` and the media folder
    ``media_root`` or else ``media_storage`` (object storage).

    Checks the whole backup first (``backup_check``; not again when the
    caller passes the manifest that check returned) and changes nothing if it
    does not check out. Into object storage, every file is uploaded before
    the database is restored, and objects not in the backup are removed only
    after both succeeded. Afterwards compares row counts and media checksums
    with the manifest; differences are in ``RestoreReport.problems``.
    """
    manifest = checked_manifest or backup_check(path=path)
    backup_engine = manifest["database"]["engine"]
    if backup_engine != database_engine(database):
        raise BackupError(
            f"The backup holds a {backup_engine} database, the target is "
            f"{database_label(database)}; nothing was changed."
        )
    report = RestoreReport()
    media = manifest["media"]
    to_storage = bool(media) and media_root is None and media_storage is not None
    if to_storage:
        uploaded = upload_media(path / media["file"], media_storage)
    _restore_database(report, manifest, path, database)

    if media and media_root is not None:
        report.media_removed = extract_media(path / media["file"], media_root)
        report.media_files = len(media["files"])
        report.problems += compare_checksums(
            media["files"], media_checksums(media_root), where=os.fspath(media_root)
        )
    elif to_storage:
        report.media_removed = remove_other_objects(media_storage, uploaded)
        report.media_files = len(media["files"])
        report.problems += compare_checksums(
            media["files"],
            storage_checksums(media_storage),
            where=storage_label(media_storage),
        )
    elif media:
        report.notes.append("Media files were not restored (--no-media).")
    else:
        report.notes.append("The backup holds no media files.")
    return report


def _restore_database(
    report: RestoreReport, manifest: dict, path: Path, database: dict
) -> None:
    restore_database(database, path / manifest["database"]["file"])
    expected_counts = manifest["database"]["tables"]
    counts = database_row_counts(database)
    report.tables = len(expected_counts)
    for table, expected in sorted(expected_counts.items()):
        if counts.get(table) != expected:
            report.problems.append(
                f"Table {table}: {counts.get(table, 'missing')} rows, backup had {expected}."
            )
    extra_tables = sorted(counts.keys() - expected_counts.keys())
    if extra_tables:
        report.notes.append(
            "Tables not in the backup (left as they are): " + ", ".join(extra_tables)
        )
