"""Storage for the test settings."""

import os

from django.core.files.storage import InMemoryStorage as DjangoInMemoryStorage
from django.utils._os import safe_join


class InMemoryStorage(DjangoInMemoryStorage):
    """Django's in-memory storage, honest about having no files on disk.

    Django's version answers ``path()`` with a path that does not exist, so
    Wagtail tries to send documents from disk and answers 404. Without
    ``path()`` Wagtail streams them from the storage, as for any remote storage.
    """

    def path(self, name):
        raise NotImplementedError("This storage has no files on disk.")

    def _relative_path(self, name):
        # Django's version goes through path(); the same without it.
        return os.path.relpath(safe_join(self.location, name), self.location)
