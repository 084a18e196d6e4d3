"""The media part of a backup when the media live in a Django storage other
than the local file system (S3-compatible object storage via django-storages).

The archive is the same ``media.tar.gz`` as for a folder (``media.py``): the
storage is walked with ``listdir()`` and each object streamed into the
archive through ``open()``, hashed as it goes in. A restore uploads every file
of the archive under its own name and only when all uploads succeeded
removes the objects that are not in the backup.
"""

import hashlib
import posixpath
import tarfile
import time
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.core.files.storage import Storage, storages

from . import BackupError
from .media import CHUNK_SIZE, HashingReader, safe_members

# Options of django-storages' backends for the transfers: a restore writes
# each object under its own name (the site's storage never overwrites), and
# reading spools objects above CHUNK_SIZE to a temporary file instead of
# keeping them in memory.
TRANSFER_OPTIONS = {"file_overwrite": True, "max_memory_size": CHUNK_SIZE}


def storage_label(storage: Storage) -> str:
    """The storage, for messages and the manifest (never a key)."""
    bucket = getattr(storage, "bucket_name", None)
    kind = type(storage).__name__
    return f"{kind} bucket {bucket}" if bucket else kind


def transfer_storage(alias: str = "default") -> Storage:
    """The storage ``alias`` as configured, with TRANSFER_OPTIONS where its
    backend knows them (django-storages' ``get_default_settings``)."""
    storage = storages[alias]
    known = (
        storage.get_default_settings()
        if hasattr(storage, "get_default_settings")
        else {}
    )
    extra = {key: value for key, value in TRANSFER_OPTIONS.items() if key in known}
    if not extra:
        return storage
    params = settings.STORAGES[alias]
    return storages.create_storage(
        {**params, "OPTIONS": {**params.get("OPTIONS", {}), **extra}}
    )


def storage_file_names(storage: Storage) -> list[str]:
    """Every file in the storage, as sorted relative names."""
    names, pending = [], [""]
    while pending:
        directory = pending.pop()
        try:
            subdirectories, files = storage.listdir(directory)
        except Exception as error:  # each backend raises its own
            where = f"{directory!r}" if directory else "the top level"
            raise BackupError(
                f"Cannot list {where} of the media storage "
                f"({storage_label(storage)}): {error}"
            ) from error
        names += [posixpath.join(directory, name) for name in files if name]
        pending += [posixpath.join(directory, name) for name in subdirectories if name]
    return sorted(names)


def _read_error(storage: Storage, name: str, error: Exception) -> BackupError:
    return BackupError(
        f"Media object {name!r} could not be read from {storage_label(storage)} "
        f"({type(error).__name__}: {error})."
    )


def archive_storage_media(storage: Storage, target: Path) -> dict[str, str]:
    """Write ``target`` (tar.gz of the storage's files); return their checksums."""
    checksums = {}
    now = int(time.time())
    with tarfile.open(target, "w:gz") as archive:
        for name in storage_file_names(storage):
            try:
                with storage.open(name, "rb") as handle:
                    info = tarfile.TarInfo(name)
                    info.size = handle.size
                    info.mtime = now
                    info.mode = 0o644
                    reader = HashingReader(handle)
                    archive.addfile(info, reader)
                    rest = handle.read(1)
            except Exception as error:  # each backend raises its own
                raise _read_error(storage, name, error) from error
            if rest:
                raise BackupError(
                    f"Media object {name!r} changed while it was backed up; run again."
                )
            checksums[name] = reader.digest.hexdigest()
    return checksums


def storage_checksums(storage: Storage) -> dict[str, str]:
    """SHA-256 of every file in the storage."""
    checksums = {}
    for name in storage_file_names(storage):
        digest = hashlib.sha256()
        try:
            with storage.open(name, "rb") as handle:
                while chunk := handle.read(CHUNK_SIZE):
                    digest.update(chunk)
        except Exception as error:  # each backend raises its own
            raise _read_error(storage, name, error) from error
        checksums[name] = digest.hexdigest()
    return checksums


def upload_media(path: Path, storage: Storage) -> set[str]:
    """Write every file of the archive ``path`` into the storage under its
    own name; return the names. Removes nothing but an object that a storage
    without overwriting must drop before the backup's version replaces it."""
    uploaded: set[str] = set()
    with tarfile.open(path, "r:gz") as archive:
        members = [member for member in safe_members(archive) if member.isfile()]
        for member in members:
            name = member.name
            content = File(archive.extractfile(member), name=name)
            content.size = member.size
            try:
                if storage.get_available_name(name) != name:
                    storage.delete(name)
                saved = storage.save(name, content)
            except Exception as error:  # each backend raises its own
                raise BackupError(
                    f"Upload of media object {name!r} to {storage_label(storage)} "
                    f"failed ({type(error).__name__}: {error}). "
                    f"{len(uploaded)} of {len(members)} uploaded; no object was "
                    "removed. Run the restore again."
                ) from error
            if saved != name:
                storage.delete(saved)
                raise BackupError(
                    f"{storage_label(storage)} stored {name!r} as {saved!r}; "
                    "no object was removed."
                )
            uploaded.add(name)
    return uploaded


def remove_other_objects(storage: Storage, kept: set[str]) -> list[str]:
    """Delete the storage's files not in ``kept``; return their names."""
    removed = [name for name in storage_file_names(storage) if name not in kept]
    for number, name in enumerate(removed):
        try:
            storage.delete(name)
        except Exception as error:  # each backend raises its own
            raise BackupError(
                f"Removing media object {name!r} (not in the backup) failed "
                f"({type(error).__name__}: {error}); all of the backup's objects "
                f"are uploaded, {number} of {len(removed)} others removed."
            ) from error
    return removed
