import zoneinfo

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from wagtail.documents import get_document_model

import pytest

from tests.core.document_files import MINIMAL_PDF

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")


@pytest.fixture
def media_storage(settings):
    """A fresh, empty in-memory storage for this test (the test settings' backend).

    Re-assigning STORAGES makes Django drop the cached storage instances.
    """
    settings.STORAGES = {**settings.STORAGES}
    return default_storage


def stored_files(storage, directory: str = "") -> list[str]:
    """Every file in the storage, with its path."""
    directories, files = storage.listdir(directory)
    found = [f"{directory}{name}" for name in files]
    for name in directories:
        found += stored_files(storage, f"{directory}{name}/")
    return found


@pytest.fixture
def make_document(db, media_storage):
    """Create a stored document; returns a function (filename, content, **fields).

    ``file_size`` may be given to pretend a larger file than the content.
    """

    def make(filename="arbeitspapier.pdf", content=MINIMAL_PDF, **fields):
        fields.setdefault("title", "Arbeitspapier")
        fields.setdefault("file_size", len(content))
        document = get_document_model().objects.create(
            file=ContentFile(content, name=filename), **fields
        )
        document.get_file_hash()  # computes and saves it, as an upload does
        return document

    return make
