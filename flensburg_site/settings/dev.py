"""Local development: DEBUG on, a dev-only key, mail to the console."""

import contextlib
import os

from .base import *  # noqa: F403
from .base import STORAGES, env_bool, env_list

DEBUG = env_bool("DEBUG", default=True)
# Only for local development; production.py refuses to start without a real key.
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-insecure-key"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")

# Plain storage in development so that runserver serves files straight from
# static/ and build/ without a collectstatic step.
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

with contextlib.suppress(ImportError):
    from .local import *  # noqa: F403

WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True

# `make run` starts no worker: background tasks (the alerts' mails) run at
# once in the request, so a confirmation mail shows on the console.
# TASKS_BACKEND=database queues them for `manage.py db_worker` as production does.
if os.environ.get("TASKS_BACKEND", "immediate").strip().lower() != "database":
    TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
