import datetime
import zoneinfo

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from wagtail.documents import get_document_model

import pytest

from tests.contacts.factories import OrganisationFactory
from tests.core.document_files import MINIMAL_PDF
from tests.factories import HelpPageFactory, OfficePageFactory

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")


@pytest.fixture(autouse=True)
def _closed_cache_breakers(monkeypatch):
    """Circuit breakers of Redis caches live per process and location
    (core.cache_breaker); a port used again must not find one open."""
    monkeypatch.setattr("core.cache_breaker._breakers", {})


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


# Pages as the demo content has them, for the cache tests.
@pytest.fixture
def office(home):
    return OfficePageFactory(
        parent=home, slug="koordinierungsstelle", title="Koordinierungsstelle"
    )


@pytest.fixture
def help_page(home):
    return HelpPageFactory(parent=home, slug="wie-kann-geholfen-werden", body=[])


@pytest.fixture
def opening_soon(help_page):
    """An organisation of the directory that opens in two minutes: the help
    page shows its "jetzt geöffnet" state, which changes then."""
    now = timezone.now().astimezone(BERLIN)
    opens = (now + datetime.timedelta(minutes=2)).time().replace(second=0)
    closes = (now + datetime.timedelta(hours=3)).time().replace(second=0)
    return OrganisationFactory(
        name="Sprechstunde",
        slots=[(now.weekday(), opens.isoformat(), closes.isoformat())],
    )
