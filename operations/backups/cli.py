"""Options the backup commands share: which database and which media."""

from dataclasses import dataclass
from pathlib import Path

from django.core.files.storage import FileSystemStorage, Storage, storages
from django.core.management.base import CommandError

from . import BackupError
from .database import database_settings
from .services import backup_check
from .storage_media import storage_label, transfer_storage


@dataclass(frozen=True)
class MediaTarget:
    """Where the media come from or go: a folder, object storage, or nowhere."""

    root: Path | None = None
    storage: Storage | None = None

    @property
    def label(self) -> str:
        if self.root is not None:
            return f"the media files in {self.root}"
        if self.storage is not None:
            return f"the media objects in {storage_label(self.storage)}"
        return ""


def add_target_arguments(parser) -> None:
    parser.add_argument(
        "--database-url",
        help=(
            "Another database than the configured one (DATABASE_URL), e.g. "
            "sqlite:////srv/copy.sqlite3. Keep passwords out of the command "
            "line: they show up in the process list."
        ),
    )
    media = parser.add_mutually_exclusive_group()
    media.add_argument(
        "--media-root",
        type=Path,
        help=(
            "A local media folder instead of the configured media (MEDIA_ROOT, "
            "or the object storage when MEDIA_S3_BUCKET is set): backed up "
            "from or restored into this folder; the bucket stays untouched."
        ),
    )
    media.add_argument(
        "--no-media",
        action="store_true",
        help="Leave the media files out (the folder or the bucket stays untouched).",
    )


def target_database(options) -> dict:
    try:
        return database_settings(url=options["database_url"])
    except BackupError as error:
        raise CommandError(str(error)) from error


def target_media(options) -> MediaTarget:
    """The media to use: --media-root, else the configured storage (its
    folder when it is the file system, the storage itself otherwise)."""
    if options["no_media"]:
        return MediaTarget()
    if options["media_root"] is not None:
        return MediaTarget(root=options["media_root"].resolve())
    storage = storages["default"]
    if isinstance(storage, FileSystemStorage):
        return MediaTarget(root=Path(storage.location))
    return MediaTarget(storage=transfer_storage("default"))


def checked_backup(path: Path, *, refusal: str = "") -> dict:
    """The manifest of the backup at ``path`` once all of it checks out; a
    CommandError naming the problems (``refusal`` appended) otherwise."""
    try:
        return backup_check(path=path)
    except (BackupError, OSError) as error:
        raise CommandError(f"{error}{refusal}") from error
