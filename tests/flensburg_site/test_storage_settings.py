"""Media storage: the file system by default, S3-compatible object storage by env."""

import json

from tests.flensburg_site.test_settings import PRODUCTION_ENV, load_settings

S3_ENV = {
    "MEDIA_S3_BUCKET": "flensburg-media",
    "MEDIA_S3_ENDPOINT_URL": "https://s3.example-cloud.de",
    "MEDIA_S3_REGION": "eu-central-1",
    "MEDIA_S3_ACCESS_KEY_ID": "key-id-for-this-test",
    "MEDIA_S3_SECRET_ACCESS_KEY": "secret-for-this-test",
    "MEDIA_S3_CUSTOM_DOMAIN": "medien.fluechtlinge.flensburg.de",
}
SHOW = """
from django.core.files.storage import storages
default_storage = storages["default"]
print(json.dumps({
    "backend": settings.STORAGES["default"]["BACKEND"],
    "options": settings.STORAGES["default"].get("OPTIONS", {}),
    "class": type(default_storage).__name__,
    "image_url": default_storage.url("images/hafen.width-800.jpg"),
    "img_src": [str(source) for source in settings.SECURE_CSP["img-src"]],
    "admin_img_src": [str(source) for source in settings.SECURE_CSP_ADMIN["img-src"]],
}))
"""


def load(module: str, **env: str) -> dict:
    """Import the settings in a fresh interpreter with exactly this environment."""
    result = load_settings(
        module, script=SHOW, drop_prefixes=("MEDIA_S3_", "AWS_"), **env
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_media_on_the_file_system_by_default():
    loaded = load("flensburg_site.settings.production", **PRODUCTION_ENV)

    assert loaded["backend"] == "django.core.files.storage.FileSystemStorage"
    assert loaded["class"] == "FileSystemStorage"
    assert loaded["image_url"] == "/media/images/hafen.width-800.jpg"
    assert loaded["img_src"] == ["'self'", "data:"]


def test_s3_storage_when_a_bucket_is_configured():
    loaded = load("flensburg_site.settings.production", **PRODUCTION_ENV, **S3_ENV)

    assert loaded["backend"] == "storages.backends.s3.S3Storage"
    assert loaded["class"] == "S3Storage"
    options = loaded["options"]
    assert options["bucket_name"] == "flensburg-media"
    assert options["endpoint_url"] == "https://s3.example-cloud.de"
    assert options["region_name"] == "eu-central-1"
    assert options["access_key"] == "key-id-for-this-test"
    assert options["secret_key"] == "secret-for-this-test"
    assert options["custom_domain"] == "medien.fluechtlinge.flensburg.de"
    # Plain, unsigned, never-overwritten image URLs; access by bucket policy.
    assert options["querystring_auth"] is False
    assert options["file_overwrite"] is False
    assert options["default_acl"] is None
    assert loaded["image_url"] == (
        "https://medien.fluechtlinge.flensburg.de/images/hafen.width-800.jpg"
    )
    # Pages and the admin may show images from there (CSP).
    assert "https://medien.fluechtlinge.flensburg.de" in loaded["img_src"]
    assert "https://medien.fluechtlinge.flensburg.de" in loaded["admin_img_src"]


def test_s3_without_keys_or_domain_leaves_them_to_boto3():
    loaded = load(
        "flensburg_site.settings.dev",
        AWS_STORAGE_BUCKET_NAME="flensburg-media",
        MEDIA_S3_ENDPOINT_URL="https://s3.example-cloud.de",
    )

    assert loaded["class"] == "S3Storage"
    options = loaded["options"]
    assert "access_key" not in options
    assert "secret_key" not in options
    assert "custom_domain" not in options
    assert loaded["image_url"].startswith("https://")
    assert "X-Amz-Signature" not in loaded["image_url"]
    assert "https://s3.example-cloud.de" in loaded["img_src"]
