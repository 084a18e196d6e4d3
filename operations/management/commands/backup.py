"""Back up the database and the media files into a new, checked directory.

    python manage.py backup                      # into BACKUP_DIR (default: backups/)
    python manage.py backup --output /srv/backups

The new directory ``backup-<UTC time>/`` holds the database dump, media.tar.gz
(the files of MEDIA_ROOT, or of the object storage when media live there) and
manifest.json (row counts, checksums). Its path is the last line printed.
``scripts/backup.sh`` wraps this for cron and keeps the newest BACKUP_KEEP.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from operations.backups import BackupError
from operations.backups.cli import (
    add_target_arguments,
    target_database,
    target_media,
)
from operations.backups.database import database_label
from operations.backups.services import backup_create, backup_load_manifest


class Command(BaseCommand):
    help = (
        "Back up the database and the media files (restore with `manage.py restore`)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            type=Path,
            help="Folder for the new backup directory (default: BACKUP_DIR).",
        )
        add_target_arguments(parser)

    def handle(self, *args, **options):
        database = target_database(options)
        media = target_media(options)
        output = options["output"] or Path(settings.BACKUP_DIR)
        self.stdout.write(f"Backing up {database_label(database)}")
        if media.label:
            self.stdout.write(f"and {media.label}")
        try:
            path = backup_create(
                output_dir=output,
                database=database,
                media_root=media.root,
                media_storage=media.storage,
            )
        except (BackupError, OSError) as error:
            raise CommandError(f"Backup failed: {error}") from error
        missing = (backup_load_manifest(path=path)["media"] or {}).get("missing")
        if missing:
            self.stderr.write(
                f"Warning: {len(missing)} media file(s) named in the database are "
                "not in the media (not backed up, already lost): "
                + ", ".join(missing[:20])
                + (" …" if len(missing) > 20 else "")
            )
        self.stdout.write(self.style.SUCCESS("Backup complete and checked:"))
        self.stdout.write(str(path))
