"""The media part of a backup: a tar.gz of MEDIA_ROOT with a checksum per file
(``storage_media.py``: the same archive from and into object storage).

Extraction accepts only plain files and directories with relative names that
stay inside the target (no absolute paths, no "..", no links, no devices);
every member is checked before anything is written.
"""

import hashlib
import os
import tarfile
from pathlib import Path, PurePosixPath

from . import BackupError

CHUNK_SIZE = 1024 * 1024


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK_SIZE):
            digest.update(chunk)
    return digest.hexdigest()


def media_checksums(root: Path) -> dict[str, str]:
    """SHA-256 of every regular file below ``root`` (symbolic links left out)."""
    return {name: file_sha256(root / name) for name in _media_file_names(root)}


def _media_file_names(root: Path) -> list[str]:
    if not root.is_dir():
        return []
    names = []
    for directory, subdirectories, files in os.walk(root):
        subdirectories.sort()
        for file_name in sorted(files):
            path = Path(directory, file_name)
            if path.is_file() and not path.is_symlink():
                names.append(path.relative_to(root).as_posix())
    return names


class HashingReader:
    """Feeds a file to tarfile and hashes exactly the bytes that went in."""

    def __init__(self, handle):
        self.handle = handle
        self.digest = hashlib.sha256()

    def read(self, size=-1):
        data = self.handle.read(size)
        self.digest.update(data)
        return data


def archive_media(root: Path, target: Path) -> dict[str, str]:
    """Write ``target`` (tar.gz of the files below ``root``); return their checksums."""
    checksums = {}
    with tarfile.open(target, "w:gz") as archive:
        for name in _media_file_names(root):
            path = root / name
            info = archive.gettarinfo(str(path), arcname=name)
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            with path.open("rb") as handle:
                reader = HashingReader(handle)
                archive.addfile(info, reader)
            checksums[name] = reader.digest.hexdigest()
    return checksums


def _check_member(member: tarfile.TarInfo) -> None:
    name = member.name
    path = PurePosixPath(name)
    if (
        not name
        or name.startswith(("/", "\\"))
        or path.is_absolute()
        or ":" in path.parts[0]
    ):
        raise BackupError(f"Unsafe media archive: absolute path {name!r}.")
    if ".." in path.parts or "\\" in name:
        raise BackupError(
            f"Unsafe media archive: {name!r} points outside the media folder."
        )
    if not (member.isfile() or member.isdir()):
        raise BackupError(
            f"Unsafe media archive: {name!r} is a link or special file, not a plain file."
        )


def safe_members(archive: tarfile.TarFile) -> list[tarfile.TarInfo]:
    """All members, after checking each one; raises BackupError on the first unsafe one."""
    members = archive.getmembers()
    for member in members:
        _check_member(member)
    return members


def check_archive(path: Path, expected: dict[str, str]) -> list[str]:
    """Problems with a media archive, read without extracting it."""
    try:
        with tarfile.open(path, "r:gz") as archive:
            members = safe_members(archive)
            found = {}
            for member in members:
                if member.isfile():
                    digest = hashlib.sha256()
                    handle = archive.extractfile(member)
                    while chunk := handle.read(CHUNK_SIZE):
                        digest.update(chunk)
                    found[member.name] = digest.hexdigest()
    except BackupError as error:
        return [str(error)]
    except (tarfile.TarError, OSError, EOFError) as error:
        return [f"{path.name}: not a readable tar.gz archive ({error})."]
    return compare_checksums(expected, found, where=path.name)


def compare_checksums(
    expected: dict[str, str], found: dict[str, str], *, where: str
) -> list[str]:
    problems = []
    missing = sorted(expected.keys() - found.keys())
    extra = sorted(found.keys() - expected.keys())
    changed = sorted(
        name for name in expected.keys() & found.keys() if expected[name] != found[name]
    )
    for label, names in (
        ("missing", missing),
        ("not in the manifest", extra),
        ("checksum differs", changed),
    ):
        if names:
            shown = ", ".join(names[:5]) + (" …" if len(names) > 5 else "")
            problems.append(f"{where}: {len(names)} file(s) {label}: {shown}")
    return problems


def extract_media(path: Path, root: Path) -> list[str]:
    """Make ``root`` hold exactly the archive's files; return the names removed."""
    with tarfile.open(path, "r:gz") as archive:
        members = safe_members(archive)
        root.mkdir(parents=True, exist_ok=True)
        # The "data" filter refuses the same things again, as a second line.
        archive.extractall(root, members=members, filter="data")
    kept = {member.name for member in members if member.isfile()}
    removed = [name for name in _media_file_names(root) if name not in kept]
    for name in removed:
        (root / name).unlink()
    _remove_empty_directories(root)
    return removed


def _remove_empty_directories(root: Path) -> None:
    for directory, _subdirectories, _files in os.walk(root, topdown=False):
        path = Path(directory)
        if path != root and not any(path.iterdir()):
            path.rmdir()
