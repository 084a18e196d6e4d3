"""Restore a backup made by `manage.py backup` into the configured database and media.

    python manage.py restore backups/backup-20260101T020000Z         # asks first
    python manage.py restore backups/backup-20260101T020000Z --yes   # no question

The whole backup is checked before anything changes; afterwards row counts
and media checksums are compared with the manifest. The media folder (or the
object storage, when media live there) ends up holding exactly the backup's
files (files added since are removed; on object storage only after every
upload succeeded). Stop the web containers (or workers) during a restore.
"""

import sys
from pathlib import Path

from django.core.cache import cache
from django.core.management.base import BaseCommand, CommandError

from operations.backups import BackupError
from operations.backups.cli import (
    add_target_arguments,
    checked_backup,
    target_database,
    target_media,
)
from operations.backups.database import database_label
from operations.backups.services import backup_restore


class Command(BaseCommand):
    help = "Restore database and media files from a backup (overwrites both)."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="The backup directory.")
        parser.add_argument(
            "--yes",
            action="store_true",
            help="Do not ask for confirmation (for scripts).",
        )
        add_target_arguments(parser)

    def handle(self, *args, **options):
        path = options["path"]
        database = target_database(options)
        media = target_media(options)
        manifest = checked_backup(path, refusal="\nNothing was changed.")
        target = database_label(database)
        if media.label:
            target += f" and {media.label}"
        self.stdout.write(f"Backup of {manifest['created_at']} → {target}")
        if not options["yes"]:
            self._confirm(target)
        try:
            report = backup_restore(
                path=path,
                database=database,
                media_root=media.root,
                media_storage=media.storage,
                checked_manifest=manifest,
            )
        except (BackupError, OSError) as error:
            raise CommandError(f"Restore failed: {error}") from error
        if options["database_url"] is None:
            self._clear_cache()
        for note in report.notes:
            self.stdout.write(note)
        if report.media_removed:
            where = "object(s) from the storage" if media.storage else "file(s)"
            self.stdout.write(
                f"Removed {len(report.media_removed)} media {where} not in the "
                "backup: "
                + ", ".join(report.media_removed[:20])
                + (" …" if len(report.media_removed) > 20 else "")
            )
        if report.problems:
            raise CommandError(
                "Restored, but the check found differences:\n"
                + "\n".join(report.problems)
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored and checked: {report.tables} tables (row counts as in the "
                f"backup), {report.media_files} media files (checksums as in the backup)."
            )
        )

    def _confirm(self, target: str) -> None:
        if not sys.stdin.isatty():
            raise CommandError(
                "Restore overwrites "
                + target
                + ". Confirm with --yes (no terminal to ask)."
            )
        answer = input(f"This overwrites {target}. Type 'yes' to continue: ")
        if answer.strip().lower() != "yes":
            raise CommandError("Restore cancelled; nothing was changed.")

    def _clear_cache(self) -> None:
        """Cached pages show the old content; drop them."""
        try:
            cache.clear()
        except Exception as error:  # noqa: BLE001 (cache down must not fail the restore)
            self.stderr.write(f"Could not clear the cache ({error}); clear it by hand.")
