"""Settings for the pytest suite: fast hashing, no manifest, mail kept in memory."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-insecure-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    # Django's InMemoryStorage without a fake path(); see tests/storage.py.
    "default": {"BACKEND": "tests.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
SECURE_SSL_REDIRECT = False
WAGTAILADMIN_BASE_URL = "http://testserver"
# Serve static files from the finders; no collectstatic before the tests.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# The suite logs in with client.login(), which authenticates without a
# request; django-axes needs one. Tests of the lockout switch it on.
AXES_ENABLED = False
# Never a machine translation service from the shell's environment: tests
# that translate point the setting at a stand-in on 127.0.0.1.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None
MACHINE_TRANSLATION_ENABLED = False
