"""Settings for the demo server that the browser tests start (tests/browser).

The test settings, served from a process of its own: uploaded files (the
demo's images and documents) live on disk in MEDIA_ROOT, which base.py reads
from the environment (the test fixture points it to a temporary directory),
instead of the test settings' in-memory storage that a second process could
not see. DATABASE_URL names a temporary SQLite file; static files come from
the finders (WhiteNoise), as in the test settings.
"""

from .test import *  # noqa: F403
from .test import STORAGES

STORAGES = {
    **STORAGES,
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
}
