"""Settings for a real ``db_worker`` in the worker tests and the benchmark:
the test settings with the database task backend, a SQLite file
(DATABASE_URL) and SMTP to the test server on 127.0.0.1
(ALERTS_TEST_SMTP_PORT)."""

import os

from flensburg_site.settings.test import *  # noqa: F403

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
MAILERS = {
    "default": {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {
            "host": "127.0.0.1",
            "port": int(os.environ.get("ALERTS_TEST_SMTP_PORT", "25")),
            "timeout": 5,
        },
    }
}
# A crashed worker's claim is taken over after a second (not five minutes).
ALERTS_CLAIM_LEASE_SECONDS = 1
if "sqlite" in DATABASES["default"]["ENGINE"]:  # noqa: F405
    DATABASES["default"]["OPTIONS"] = {"timeout": 20}  # noqa: F405
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
