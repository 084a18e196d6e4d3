"""Backup and restore with the media on S3-compatible object storage.

A moto S3 server on 127.0.0.1 stands in for the bucket; the default storage
is django-storages' S3Storage with the options base.py gives it. The
database round trip runs on a copy of the test database (see test_backup.py).
"""

import hashlib
import io
import json
import os
import uuid
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.management import call_command
from django.core.management.base import CommandError

from wagtail.documents import get_document_model

import boto3
import pytest
from moto.server import ThreadedMotoServer
from storages.backends.s3 import S3Storage

from tests.operations import test_backup as folder_backup
from tests.operations.test_backup import query, row_counts, run_sql

# The database copy the round trip of test_backup.py uses.
migrated_database = folder_backup.migrated_database
site_database = folder_backup.site_database

pytestmark = pytest.mark.django_db

KEYS = {"aws_access_key_id": "backup-test", "aws_secret_access_key": "backup-test"}
REGION = "us-east-1"


@pytest.fixture(scope="module")
def s3_endpoint():
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    try:
        host, port = server.get_host_and_port()
        yield f"http://{host}:{port}"
    finally:
        server.stop()


@pytest.fixture
def bucket(s3_endpoint, settings):
    """A fresh bucket as the default storage; yields the storage."""
    name = f"medien-{uuid.uuid4().hex[:12]}"
    client = boto3.client("s3", endpoint_url=s3_endpoint, region_name=REGION, **KEYS)
    client.create_bucket(Bucket=name)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": name,
                "endpoint_url": s3_endpoint,
                "region_name": REGION,
                "access_key": KEYS["aws_access_key_id"],
                "secret_key": KEYS["aws_secret_access_key"],
                "addressing_style": "path",
                # As base.py: never overwrite, no ACLs, plain URLs.
                "querystring_auth": False,
                "file_overwrite": False,
                "default_acl": None,
                "object_parameters": {"CacheControl": "max-age=31536000"},
            },
        },
    }
    storage = storages["default"]
    assert isinstance(storage, S3Storage)
    return storage


MEDIA = {
    "original_images/hafen.jpg": os.urandom(50_000),
    "images/hafen.width-800.jpg": os.urandom(20_000),
    "images/hafen.width-800.webp": os.urandom(15_000),
    "documents/massnahme-07.pdf": b"%PDF-1.4 Beispiel\n" + os.urandom(5_000),
    "documents/ä ö ü/Arbeitspapier (Stand 2017).odt": os.urandom(3_000),
    # Above the 1 MiB a backup keeps in memory per object.
    "documents/jahresbericht.pdf": b"%PDF-1.4\n" + os.urandom(3 * 1024 * 1024),
}


def fill(storage, files: dict[str, bytes]) -> None:
    for name, content in files.items():
        assert storage.save(name, ContentFile(content)) == name


def objects(storage) -> dict[str, str]:
    """SHA-256 of every object in the bucket, read straight from S3."""
    bucket = storage.bucket
    return {
        entry.key: hashlib.sha256(entry.get()["Body"].read()).hexdigest()
        for entry in bucket.objects.all()
    }


def sha(files: dict[str, bytes]) -> dict[str, str]:
    return {
        name: hashlib.sha256(content).hexdigest() for name, content in files.items()
    }


def backup(tmp_path: Path, url: str, **options) -> Path:
    out = io.StringIO()
    options.setdefault("stderr", io.StringIO())
    call_command(
        "backup", output=tmp_path / "backups", database_url=url, stdout=out, **options
    )
    return Path(out.getvalue().strip().splitlines()[-1])


def restore(path: Path, url: str, **options) -> str:
    out = io.StringIO()
    call_command(
        "restore", str(path), database_url=url, yes=True, stdout=out, **options
    )
    return out.getvalue()


def add_media_rows(url: str) -> None:
    """The image and document rows that point at the bucket's objects."""
    run_sql(
        url,
        "INSERT INTO core_sitedocument (collection_id, title, file, created_at, "
        "file_size, file_hash, accessible, extracted_text, awaits_publication) "
        "SELECT id, 'Maßnahme 7', 'documents/massnahme-07.pdf', CURRENT_TIMESTAMP, "
        "5018, '', TRUE, '', FALSE FROM wagtailcore_collection WHERE depth = 1",
        "INSERT INTO core_sitedocument (collection_id, title, file, created_at, "
        "file_size, file_hash, accessible, extracted_text, awaits_publication) "
        "SELECT id, 'Jahresbericht', 'documents/jahresbericht.pdf', "
        "CURRENT_TIMESTAMP, 3145737, '', TRUE, '', FALSE "
        "FROM wagtailcore_collection WHERE depth = 1",
        "INSERT INTO core_siteimage (collection_id, title, file, description, "
        "width, height, created_at, file_hash, credit) "
        "SELECT id, 'Hafen', 'original_images/hafen.jpg', '', 1600, 900, "
        "CURRENT_TIMESTAMP, '', '' FROM wagtailcore_collection WHERE depth = 1",
        # A document whose object was lost before the backup.
        "INSERT INTO core_sitedocument (collection_id, title, file, created_at, "
        "file_size, file_hash, accessible, extracted_text, awaits_publication) "
        "SELECT id, 'Verloren', 'documents/verloren.pdf', CURRENT_TIMESTAMP, "
        "10, '', TRUE, '', FALSE FROM wagtailcore_collection WHERE depth = 1",
    )


def test_round_trip_brings_back_every_object_and_the_rows(
    site_database, bucket, tmp_path
):
    url = site_database
    fill(bucket, MEDIA)
    add_media_rows(url)
    rows_before = query(
        url, "SELECT id, title, file FROM core_sitedocument ORDER BY id"
    )
    counts_before = row_counts(url)
    assert objects(bucket) == sha(MEDIA)

    warnings = io.StringIO()
    path = backup(tmp_path, url, stderr=warnings)

    manifest = json.loads((path / "manifest.json").read_text())
    assert manifest["media"]["files"] == sha(MEDIA)
    assert manifest["media"]["source"] == f"S3Storage bucket {bucket.bucket_name}"
    assert manifest["media"]["missing"] == ["documents/verloren.pdf"]
    assert "1 media file(s) named in the database" in warnings.getvalue()
    assert "documents/verloren.pdf" in warnings.getvalue()
    assert manifest["database"]["tables"]["core_sitedocument"] == 3
    verified = io.StringIO()
    call_command("verify_backup", str(path), stdout=verified)
    assert f"{len(MEDIA)} media files" in verified.getvalue()

    # After the backup: objects changed, deleted, added; rows changed and gone.
    bucket.bucket.Object("images/hafen.width-800.jpg").put(Body=b"kaputt")
    bucket.delete("documents/massnahme-07.pdf")
    bucket.delete("documents/jahresbericht.pdf")
    fill(bucket, {"documents/neu-hochgeladen.pdf": b"%PDF-1.4 neu", "x/y/z.txt": b"z"})
    run_sql(
        url,
        "DELETE FROM core_sitedocument WHERE title IN ('Jahresbericht', 'Verloren')",
        "UPDATE core_sitedocument SET title = 'Überschrieben'",
        "DELETE FROM core_siteimage",
    )
    assert objects(bucket) != sha(MEDIA)

    output = restore(path, url)

    assert objects(bucket) == sha(MEDIA)
    assert query(url, "SELECT id, title, file FROM core_sitedocument ORDER BY id") == (
        rows_before
    )
    assert row_counts(url) == counts_before
    assert "Removed 2 media object(s) from the storage not in the backup" in output
    assert "documents/neu-hochgeladen.pdf" in output
    assert f"{len(MEDIA)} media files (checksums as in the backup)" in output


def test_a_document_downloads_through_the_site_after_restore(
    site_database, bucket, tmp_path, client
):
    """The document's row is the site's own (the test database); backup and
    restore bring its object in the bucket back."""
    content = b"%PDF-1.4 Merkblatt\n" + os.urandom(40_000)
    document = get_document_model().objects.create(
        title="Merkblatt", file=ContentFile(content, name="merkblatt.pdf")
    )
    assert document.file.name in objects(bucket)
    path = backup(tmp_path, site_database)
    bucket.delete(document.file.name)
    assert document.file.name not in objects(bucket)

    restore(path, site_database)

    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == content
    partial = client.get(document.url, headers={"range": "bytes=10-19"})
    assert partial.status_code == 206
    assert b"".join(partial.streaming_content) == content[10:20]


def test_a_failed_upload_stops_before_anything_is_removed(
    site_database, bucket, tmp_path, monkeypatch
):
    url = site_database
    fill(bucket, MEDIA)
    run_sql(url, "INSERT INTO taggit_tag (name, slug) VALUES ('Wohnen', 'wohnen')")
    path = backup(tmp_path, url)
    fill(bucket, {"documents/neu.pdf": b"%PDF-1.4 neu"})
    bucket.delete("images/hafen.width-800.jpg")
    run_sql(url, "DELETE FROM taggit_tag")
    original_save = S3Storage.save

    def failing_save(storage, name, content, **kwargs):
        if name == "documents/massnahme-07.pdf":
            raise ConnectionError("the object store is gone")
        return original_save(storage, name, content, **kwargs)

    monkeypatch.setattr(S3Storage, "save", failing_save)

    with pytest.raises(CommandError) as failure:
        restore(path, url)

    message = str(failure.value)
    assert "Upload of media object 'documents/massnahme-07.pdf'" in message
    assert "the object store is gone" in message
    assert "no object was removed" in message
    # Nothing removed, the database not touched yet.
    assert "documents/neu.pdf" in objects(bucket)
    assert query(url, "SELECT COUNT(*) FROM taggit_tag") == [(0,)]

    # Once the store answers again, the same restore completes.
    monkeypatch.setattr(S3Storage, "save", original_save)
    restore(path, url)
    assert objects(bucket) == sha(MEDIA)
    assert query(url, "SELECT name FROM taggit_tag") == [("Wohnen",)]


def test_an_object_that_cannot_be_read_fails_the_backup(
    site_database, bucket, tmp_path, monkeypatch
):
    fill(bucket, MEDIA)
    original_listdir = S3Storage.listdir

    def listdir_with_a_vanished_object(storage, name):
        directories, files = original_listdir(storage, name)
        if name == "documents":
            files = [*files, "verschwunden.pdf"]
        return directories, files

    monkeypatch.setattr(S3Storage, "listdir", listdir_with_a_vanished_object)

    with pytest.raises(
        CommandError,
        match=r"Backup failed: Media object 'documents/verschwunden\.pdf' could "
        r"not be read from S3Storage bucket .*FileNotFoundError",
    ):
        backup(tmp_path, site_database)

    # No half backup is left behind.
    assert list((tmp_path / "backups").iterdir()) == []


def test_media_root_means_a_local_folder_and_no_media_leaves_the_bucket_alone(
    site_database, bucket, tmp_path
):
    folder = tmp_path / "media"
    files = {"images/alt.jpg": b"alt", "documents/alt.pdf": b"%PDF alt"}
    for name, content in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(content)
    fill(bucket, MEDIA)

    from_folder = backup(tmp_path, site_database, media_root=folder)
    without_media = backup(tmp_path, site_database, no_media=True)

    manifest = json.loads((from_folder / "manifest.json").read_text())
    assert manifest["media"]["files"] == sha(files)
    assert json.loads((without_media / "manifest.json").read_text())["media"] is None
    output = restore(without_media, site_database)
    assert "The backup holds no media files" in output
    assert objects(bucket) == sha(MEDIA)

    # A backup of a folder restores into the bucket (moving media to S3).
    restore(from_folder, site_database)
    assert objects(bucket) == sha(files)
