"""Options the backup commands share: which database and which media folder."""

from pathlib import Path

from django.core.files.storage import FileSystemStorage, storages
from django.core.management.base import CommandError

from . import BackupError
from .database import database_settings
from .services import backup_check


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
        help="Another media folder than the configured one (MEDIA_ROOT).",
    )
    media.add_argument(
        "--no-media",
        action="store_true",
        help="Leave the media files out.",
    )


def target_database(options) -> dict:
    try:
        return database_settings(url=options["database_url"])
    except BackupError as error:
        raise CommandError(str(error)) from error


def target_media_root(options, *, warn) -> Path | None:
    """The media folder to use; None when media are left out or not on disk."""
    if options["no_media"]:
        return None
    if options["media_root"] is not None:
        return options["media_root"].resolve()
    storage = storages["default"]
    if isinstance(storage, FileSystemStorage):
        return Path(storage.location)
    warn(
        f"Media files are not on disk ({type(storage).__name__}): back them up "
        "on the object storage (versioning, replication). Database only."
    )
    return None


def checked_backup(path: Path, *, refusal: str = "") -> dict:
    """The manifest of the backup at ``path`` once all of it checks out; a
    CommandError naming the problems (``refusal`` appended) otherwise."""
    try:
        return backup_check(path=path)
    except (BackupError, OSError) as error:
        raise CommandError(f"{error}{refusal}") from error
