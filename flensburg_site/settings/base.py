"""Settings shared by every environment.

Everything that differs between machines comes from environment variables
(see `.env.example`); `dev.py`, `test.py` and `production.py` star-import this
module and adjust what they must.
"""

import os
from pathlib import Path

from django.utils.csp import CSP

import dj_database_url

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_bool(name: str, default: bool = False) -> bool:
    """Read a boolean environment variable ("1", "true", "yes", "on")."""
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    """Read a comma-separated environment variable into a list."""
    return [
        item.strip()
        for item in os.environ.get(name, default).split(",")
        if item.strip()
    ]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", default=False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# Path of the Wagtail admin, e.g. "redaktion-7f3a/" to keep it off the
# well-known "/admin/" that bots probe. With trailing slash, no leading one.
ADMIN_URL_PATH = os.environ.get("ADMIN_URL_PATH", "admin/").strip("/") + "/"

INSTALLED_APPS = [
    "core",
    "pages",
    "integration_checkup",
    "contacts",
    "site_search",
    "api",
    # Its static files serve the API docs (Swagger UI) without a CDN.
    "ninja",
    "phonenumber_field",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.redirects",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "core.middleware.AdminContentSecurityPolicyMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "flensburg_site.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "pages.context_processors.site_settings",
            ],
        },
    },
]

WSGI_APPLICATION = "flensburg_site.wsgi.application"

# SQLite file in the project by default, so that a new user needs no server.
DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Local-memory cache unless REDIS_URL names a Redis server.
REDIS_URL = os.environ.get("REDIS_URL", "")
REDIS_ENABLED = bool(REDIS_URL)
if REDIS_ENABLED:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: German is the source language; every other language
# is a translation made with wagtail-localize. "de-x-ls" is Leichte Sprache,
# a locale of its own (BCP 47 private use subtag; read aloud as German).
# Each language is named in itself, as the language switcher shows it.
LANGUAGE_CODE = "de"
LANGUAGES = [
    ("de", "Deutsch"),
    ("de-x-ls", "Leichte Sprache"),
    ("en", "English"),
    ("ar", "العربية"),
    ("uk", "Українська"),
    ("fa", "فارسی"),
    ("tr", "Türkçe"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# Staff work in German; the admin offers no other language.
WAGTAILADMIN_PERMITTED_LANGUAGES = [("de", "Deutsch")]

# Static files: our own CSS/JS plus KERN UX from node_modules (installed by
# `npm ci`, never committed, never loaded from a CDN).
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("kern", BASE_DIR / "node_modules" / "@kern-ux" / "native" / "dist"),
    # Built by `npm run build`: KERN mirrored for Arabic and Farsi.
    ("rtl", BASE_DIR / "build" / "rtl"),
    # Fira Sans has no Arabic script: Noto Sans Arabic and Vazirmatn (Farsi).
    (
        "fonts/noto-sans-arabic",
        BASE_DIR / "node_modules" / "@fontsource" / "noto-sans-arabic",
    ),
    ("fonts/vazirmatn", BASE_DIR / "node_modules" / "@fontsource" / "vazirmatn"),
]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
SERVE_MEDIA_FILES = env_bool("SERVE_MEDIA_FILES", default=True)

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Compressed (gzip + brotli), content-hashed file names, served by whitenoise.
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Wagtail
WAGTAIL_SITE_NAME = "Koordinierungsstelle für Flüchtlinge – Stadt Flensburg"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILDOCS_DOCUMENT_MODEL = "core.SiteDocument"
WAGTAILIMAGES_IMAGE_MODEL = "core.SiteImage"
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
# Wagtail's database search: PostgreSQL full text with the German configuration
# (stems and stop words; the admin's searches use it), SQLite FTS5 locally (it
# ignores SEARCH_CONFIG). The site search asks German-normalised terms that both
# hold alike (core.search_text), so both find the same.
# After changing SEARCH_CONFIG, rebuild the index: manage.py update_index.
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        "SEARCH_CONFIG": "german",
    }
}
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAIL_MODERATION_ENABLED = True
# Avatars come from the admin's own storage; Gravatar would be a third-party request.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {
        "WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea",
        "OPTIONS": {
            "features": ["bold", "italic", "ol", "ul", "link", "document-link"]
        },
    }
}

# Documents (working papers). Editors may upload only these types, checked by
# extension and content (core.validators), up to DOCUMENT_MAX_UPLOAD_MB.
# Downloads always go through our serve view (core.views: range requests) and
# are always attachments, PDFs too.
DOCUMENT_MAX_UPLOAD_SIZE = (
    int(os.environ.get("DOCUMENT_MAX_UPLOAD_MB", "20")) * 1024 * 1024
)
WAGTAILDOCS_EXTENSIONS = ["pdf", "odt", "docx", "xlsx", "ods"]
WAGTAILDOCS_CONTENT_TYPES = {
    "pdf": "application/pdf",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "core.forms.SiteDocumentForm"

# Content Security Policy (Django's built-in middleware). Only our own origin:
# no CDN, no font service, no tracker. The Wagtail admin is not yet CSP-clean
# and gets a looser policy (see core.middleware).
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "frame-src": [CSP.NONE],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.SELF],
}
SECURE_CSP_ADMIN = {
    **SECURE_CSP,
    "script-src": [CSP.SELF, CSP.UNSAFE_INLINE, CSP.UNSAFE_EVAL],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:", "blob:"],
    "frame-src": [CSP.SELF],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"

# No cookie for an anonymous visitor: sessions only after an editor logs in,
# the CSRF cookie only on pages with a form.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Koordinierungsstelle für Flüchtlinge <noreply@localhost>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {
        "django.request": {
            "handlers": ["console"],
            "level": "WARNING",
            "propagate": False,
        },
        # The immediate task backend logs every search-index update otherwise.
        "django.tasks": {
            "handlers": ["console"],
            "level": "WARNING",
            "propagate": False,
        },
    },
}

# Phone numbers: parsed as German numbers unless given with +country code.
PHONENUMBER_DEFAULT_REGION = "DE"
PHONENUMBER_DB_FORMAT = "E164"
PHONENUMBER_DEFAULT_FORMAT = "NATIONAL"

# Check Up Integration: feedback on measure sheets, at most this many
# submissions per client address and window.
FEEDBACK_RATE_LIMIT = int(os.environ.get("FEEDBACK_RATE_LIMIT", "5"))
FEEDBACK_RATE_WINDOW_SECONDS = int(
    os.environ.get("FEEDBACK_RATE_WINDOW_SECONDS", "3600")
)
# Behind a reverse proxy that appends the client's address to X-Forwarded-For.
TRUST_X_FORWARDED_FOR = env_bool("TRUST_X_FORWARDED_FOR", default=False)

# Read-only JSON API (/api/v1/): requests per client address and period
# ("120/min", "1000/hour"), counted in the cache; and how long clients and
# proxies may cache a successful answer.
API_RATE_LIMIT = os.environ.get("API_RATE_LIMIT", "120/min")
API_CACHE_SECONDS = int(os.environ.get("API_CACHE_SECONDS", "60"))
