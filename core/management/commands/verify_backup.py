"""Check a backup without restoring it: checksums, archive members, dump readable.

python manage.py verify_backup backups/backup-20260101T020000Z
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.backups import BackupError
from core.backups.services import backup_load_manifest, backup_verify


class Command(BaseCommand):
    help = "Check a backup made by `manage.py backup` without restoring it."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="The backup directory.")

    def handle(self, *args, **options):
        path = options["path"]
        try:
            manifest = backup_load_manifest(path=path)
            problems = backup_verify(path=path)
        except (BackupError, OSError) as error:
            raise CommandError(str(error)) from error
        if problems:
            raise CommandError("The backup does not check out:\n" + "\n".join(problems))
        media = manifest["media"]
        self.stdout.write(
            self.style.SUCCESS(
                f"Backup {path} is intact: {manifest['database']['engine']} database "
                f"with {len(manifest['database']['tables'])} tables, "
                f"{len(media['files']) if media else 'no'} media files, "
                f"made {manifest['created_at']}."
            )
        )
