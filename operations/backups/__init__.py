"""Backup and restore of the database and the media files.

A backup is a directory ``backup-<UTC time>/`` holding the database
(``database.dump`` from pg_dump, or ``database.sqlite3`` from SQLite's backup
API), the media files as ``media.tar.gz`` (from MEDIA_ROOT, or from object
storage through Django's storage API: ``storage_media``) and ``manifest.json`` with row
counts and SHA-256 checksums, so that a backup can be checked without
restoring it and a restore can prove that it brought everything back.
The management commands ``backup``, ``restore`` and ``verify_backup`` call
the services in ``operations.backups.services``.
"""


class BackupError(Exception):
    """A backup cannot be made, checked or restored; the message says why."""
