"""Check a backup without restoring it: checksums, archive members, dump readable.

python manage.py verify_backup backups/backup-20260101T020000Z
"""

from pathlib import Path

from django.core.management.base import BaseCommand

from operations.backups.cli import checked_backup


class Command(BaseCommand):
    help = "Check a backup made by `manage.py backup` without restoring it."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="The backup directory.")

    def handle(self, *args, **options):
        path = options["path"]
        manifest = checked_backup(path)
        media = manifest["media"]
        self.stdout.write(
            self.style.SUCCESS(
                f"Backup {path} is intact: {manifest['database']['engine']} database "
                f"with {len(manifest['database']['tables'])} tables, "
                f"{len(media['files']) if media else 'no'} media files, "
                f"made {manifest['created_at']}."
            )
        )
