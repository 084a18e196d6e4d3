"""Settings shared by every environment.

Everything that differs between machines comes from environment variables
(see `.env.example`); `dev.py`, `test.py` and `production.py` star-import this
module and adjust what they must.
"""

import os
from datetime import timedelta
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

import dj_database_url

from caching.frontend_cache import frontend_cache_backends

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


def feedback_rate_from_env() -> str:
    """FEEDBACK_RATE ("5/h"); else the older pair FEEDBACK_RATE_LIMIT (count)
    and FEEDBACK_RATE_WINDOW_SECONDS; else 5 per hour."""
    if rate := os.environ.get("FEEDBACK_RATE", "").strip():
        return rate
    count = os.environ.get("FEEDBACK_RATE_LIMIT", "").strip()
    seconds = os.environ.get("FEEDBACK_RATE_WINDOW_SECONDS", "").strip()
    if count or seconds:
        return f"{count or 5}/{seconds or 3600}s"
    return "5/h"


def machine_translator_from_env() -> dict | None:
    """wagtail-localize's machine translator, or None (no button in the
    translation editor): the city's own LibreTranslate server when
    LIBRETRANSLATE_URL is set (texts stay on its servers), else DeepL when
    DEEPL_API_KEY is set (a key ending in ":fx" uses DeepL's free API)."""
    libretranslate_url = os.environ.get("LIBRETRANSLATE_URL", "").strip()
    if libretranslate_url:
        return {
            "CLASS": "core.machine_translation.LibreTranslator",
            "OPTIONS": {
                "LIBRETRANSLATE_URL": libretranslate_url.rstrip("/"),
                "API_KEY": os.environ.get("LIBRETRANSLATE_API_KEY", "").strip(),
            },
        }
    deepl_key = os.environ.get("DEEPL_API_KEY", "").strip()
    if deepl_key:
        options = {"AUTH_KEY": deepl_key}
        if deepl_url := os.environ.get("DEEPL_API_URL", "").strip():
            options["API_URL"] = deepl_url
        return {"CLASS": "core.machine_translation.DeepLTranslator", "OPTIONS": options}
    return None


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", default=False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# Path of the Wagtail admin, e.g. "redaktion-7f3a/" to keep it off the
# well-known "/admin/" that bots probe. With trailing slash, no leading one.
ADMIN_URL_PATH = os.environ.get("ADMIN_URL_PATH", "admin/").strip("/") + "/"
# Where the JSON API is mounted (flensburg_site.urls), the one place that
# says so: the whole-page cache leaves it out (caching.page_cache), a database
# outage answers JSON there (operations.db_unavailable). Same form.
API_PATH = "api/"

INSTALLED_APPS = [
    "caching",
    "core",
    "operations",
    "admin_security",
    "pages",
    "integration_checkup",
    "events",
    "news",
    "responsibility",
    "contacts",
    "figures",
    "offline",
    "site_search",
    "api",
    "link_check",
    "editorial",
    "alerts",
    "demo",
    # Its static files serve the API docs (Swagger UI) without a CDN.
    "ninja",
    # The persistent backend of django.tasks (alerts send mail through it).
    "django_tasks_db",
    "phonenumber_field",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.redirects",
    "wagtail.contrib.frontend_cache",
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
    # Admin security: login lockout and two-factor login (see below).
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
]

MIDDLEWARE = [
    # Outermost: one log line (and its request fields) per request; then
    # database outages become a 503 page (operations.db_unavailable).
    "operations.request_log.RequestLogMiddleware",
    # Before whitenoise and Django's redirects: every answer gets the header.
    "core.middleware.CrossOriginResourcePolicyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "operations.db_unavailable.DatabaseUnavailableMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Whole pages for anonymous visitors: after the language is known, before
    # the CSRF cookie is set (caching.page_cache).
    "caching.page_cache.PageCacheMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Staff with a TOTP device must give a token (after authentication).
    "admin_security.two_factor.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # A machine translation service that fails: a German message, no 500.
    "core.machine_translation.MachineTranslationFailedMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "admin_security.middleware.AdminContentSecurityPolicyMiddleware",
    "core.middleware.PermissionsPolicyMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, so that its lockout page passes through all the others.
    "axes.middleware.AxesMiddleware",
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
# On PostgreSQL, Wagtail's search index uses SearchVectorField and GIN
# indexes; Django 6.1's system checks (postgres.E005, which stop `migrate`)
# require django.contrib.postgres for them.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    INSTALLED_APPS.append("django.contrib.postgres")

# Fault tolerance: PostgreSQL fails fast while it is unreachable (the visitor
# gets the 503 page of operations.db_unavailable instead of a hanging worker);
# CONN_HEALTH_CHECKS above drops dead connections, so the site recovers by
# itself. SQLite (the default) survives concurrent writers: WAL lets readers
# go on while one writes, IMMEDIATE transactions take the write lock up front
# (no "database is locked" when a read turns into a write) and a writer waits
# up to the busy timeout for the lock instead of failing.
DATABASE_CONNECT_TIMEOUT = int(os.environ.get("DATABASE_CONNECT_TIMEOUT", "3"))
DATABASE_STATEMENT_TIMEOUT_MS = int(
    os.environ.get("DATABASE_STATEMENT_TIMEOUT_MS", "0")
)
DATABASE_BUSY_TIMEOUT = int(os.environ.get("DATABASE_BUSY_TIMEOUT", "20"))
_database_options = DATABASES["default"].setdefault("OPTIONS", {})
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    _database_options["connect_timeout"] = DATABASE_CONNECT_TIMEOUT
    if DATABASE_STATEMENT_TIMEOUT_MS > 0:
        _database_options["options"] = (
            f"-c statement_timeout={DATABASE_STATEMENT_TIMEOUT_MS}"
        )
elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    _database_options.update(
        init_command=(
            f"PRAGMA busy_timeout={DATABASE_BUSY_TIMEOUT * 1000};"
            "PRAGMA journal_mode=WAL;"
            "PRAGMA synchronous=NORMAL"
        ),
        transaction_mode="IMMEDIATE",
        timeout=DATABASE_BUSY_TIMEOUT,
    )

# Caching (README "Caching"). Local-memory cache unless REDIS_URL names a
# Redis server (django-redis). Short timeouts, and a Redis outage is logged
# and ignored (the cache just misses), so pages never turn into 500s; /readyz
# still reports it. After a timeout or connection error a circuit breaker
# skips Redis for CACHE_BREAKER_SECONDS (caching.cache_breaker), so a hung Redis
# costs one timeout, not one per cache call.
REDIS_URL = os.environ.get("REDIS_URL", "")
REDIS_ENABLED = bool(REDIS_URL)
CACHE_BREAKER_SECONDS = int(os.environ.get("CACHE_BREAKER_SECONDS", "30"))
if REDIS_ENABLED:
    CACHES = {
        "default": {
            "BACKEND": "caching.cache_breaker.BreakerRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {
                "SOCKET_CONNECT_TIMEOUT": 1,
                "SOCKET_TIMEOUT": 1,
                "IGNORE_EXCEPTIONS": True,
            },
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            # Whole pages and their fragments; Django's default of 300 entries
            # would push pages out with every few fragments.
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }
# Whole pages for anonymous visitors (caching.page_cache), seconds; 0 turns the
# page cache off.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))
# Parts of pages (site settings, menu, footer, rendered page bodies and head
# meta; caching.page_cache), also for pages that are not cached whole (staff,
# searches, forms); purged with the page cache, seconds; 0 turns them off.
FRAGMENT_CACHE_SECONDS = int(os.environ.get("FRAGMENT_CACHE_SECONDS", "300"))
# Wagtail's front-end cache invalidation (a CDN or caching proxy in front of
# the site), off unless FRONTEND_CACHE_BACKEND is set: "http" (Varnish, nginx:
# PURGE requests to FRONTEND_CACHE_LOCATION), "cloudflare" or "cloudfront".
FRONTEND_CACHE_BACKEND = os.environ.get("FRONTEND_CACHE_BACKEND", "").strip().lower()
WAGTAILFRONTENDCACHE = frontend_cache_backends(FRONTEND_CACHE_BACKEND, os.environ)
# Purge exactly the published page's URL; every translation is its own page.
WAGTAILFRONTENDCACHE_LANGUAGES = []

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

# Admin security (README "Admin security"): login lockout, two-factor login,
# staff sessions.
# django-axes checks every login first and refuses a locked-out client.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Failed logins count twice (admin_security.admin_login.LoginLockoutHandler):
# - per user name *and* address: AXES_FAILURE_LIMIT failures lock that pair.
#   Locking the user name alone would let any stranger lock an editor out
#   everywhere by typing her name five times; this way he only locks himself.
# - per address alone: AXES_IP_FAILURE_LIMIT failures with any user names lock
#   the address, so nobody can try name after name. It is higher than the
#   pair limit because the editors of one office may share an address (NAT).
# Failures older than the cool-off are forgotten; `manage.py axes_reset`
# unlocks at once.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_HANDLER = "admin_security.admin_login.LoginLockoutHandler"
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_IP_FAILURE_LIMIT = int(os.environ.get("AXES_IP_FAILURE_LIMIT", "20"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
# The client address as the rate limits see it: X-Forwarded-For only with
# TRUST_X_FORWARDED_FOR.
AXES_CLIENT_IP_CALLABLE = "admin_security.admin_login.login_client_address"
AXES_LOCKOUT_CALLABLE = "admin_security.admin_login.lockout_response"
# No record of each successful login with its address (data minimisation).
AXES_DISABLE_ACCESS_LOG = True
# Two-factor login with a TOTP app (wagtail-2fa). Staff who set up a device
# always give a code (admin_security.two_factor); with WAGTAIL_2FA_REQUIRED, staff
# without one must set one up before they can use the admin.
WAGTAIL_2FA_REQUIRED = env_bool("WAGTAIL_2FA_REQUIRED", default=False)
# The name the authenticator app shows for the account.
OTP_TOTP_ISSUER = "Flüchtlinge Flensburg (Redaktion)"
# Sessions are the editors' (a visitor gets one only for a password-protected
# page): a forgotten or stolen admin session ends after a working day instead
# of Django's two weeks.
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_HOURS", "10")) * 3600

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
LOCALE_PATHS = [
    BASE_DIR / "locale",
    # German wording for third-party strings the editors meet in the admin
    # (Wagtail, wagtail-localize), where the packages' own German is missing,
    # English or wrong; edited by hand, never by makemessages. After
    # `locale/` (which has no German), so that makemessages keeps writing
    # there.
    BASE_DIR / "locale_overrides",
]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# "Übersetzen" makes a page's translation a draft holding the German text;
# readers keep seeing the German page with the "not yet in your language"
# note until an editor has translated its strings and publishes it in
# wagtail-localize's editor. (wagtail-localize's default publishes the German
# text at once, as if it were the translation.)
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# Staff work in German; the admin offers no other language.
WAGTAILADMIN_PERMITTED_LANGUAGES = [("de", "Deutsch")]
# Machine translation in the translation editor ("Maschinell übersetzen"):
# off unless LIBRETRANSLATE_URL or DEEPL_API_KEY is set. Readers see such
# texts marked as machine-translated (pages.translation_status).
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator_from_env()
MACHINE_TRANSLATION_ENABLED = WAGTAILLOCALIZE_MACHINE_TRANSLATOR is not None
# Wagtail's login form with German labels (its password field has none).
WAGTAILADMIN_USER_LOGIN_FORM = "admin_security.forms.LoginForm"
# Dates and times in the admin's date pickers, as editors type them
# ("31.12.2026", "15.12.2026 18:00"); Django's German input formats accept
# them, and the pickers no longer replace what they cannot read with today
# (core.admin_dates).
WAGTAIL_DATE_FORMAT = "%d.%m.%Y"
WAGTAIL_DATETIME_FORMAT = "%d.%m.%Y %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"

# Static files: our own CSS/JS plus KERN UX from npm (installed by `npm ci`,
# never committed, never loaded from a CDN).
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [
    BASE_DIR / "static",
    # Built by `npm run build`: KERN's stylesheet (not its full fonts).
    ("kern", BASE_DIR / "build" / "kern"),
    # Built by `npm run build`: KERN mirrored for Arabic and Farsi.
    ("rtl", BASE_DIR / "build" / "rtl"),
    # Built by `npm run build`: subset web fonts (fontsource), one stylesheet
    # per script: Fira Sans (KERN's font; Latin, Cyrillic, Greek) plus Noto
    # Sans Arabic or Vazirmatn (Farsi), which Fira Sans lacks.
    ("fonts", BASE_DIR / "build" / "fonts"),
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
        # Wagtail's database backend, also keeping the vocabulary of the index
        # for "Meinten Sie …?" (site_search.backend).
        "BACKEND": "site_search.backend",
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
# Who sends a document's bytes once the serve view has checked access:
# "django" streams them itself (with Range); "x-accel" (only behind the
# deployment's nginx) answers with X-Accel-Redirect and nginx sends the file
# from the media volume (core.document_sendfile). Wagtail uses a
# SENDFILE_BACKEND only if the setting exists, so it is set only then.
DOCUMENT_SERVE_METHOD = os.environ.get("DOCUMENT_SERVE_METHOD", "django")
if DOCUMENT_SERVE_METHOD == "x-accel":
    SENDFILE_BACKEND = "core.document_sendfile"
elif DOCUMENT_SERVE_METHOD != "django":
    raise ImproperlyConfigured(
        f"DOCUMENT_SERVE_METHOD must be django or x-accel, not {DOCUMENT_SERVE_METHOD!r}"
    )
WAGTAILDOCS_DOCUMENT_FORM_BASE = "core.forms.SiteDocumentForm"

# Content Security Policy (Django's built-in middleware). Only our own origin:
# no CDN, no font service, no tracker. The Wagtail admin is not yet CSP-clean
# and gets a looser policy (see admin_security.middleware).
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
    # No other site may frame ours (clickjacking); X-Frame-Options says the
    # same for old browsers.
    "frame-ancestors": [CSP.NONE],
}
# Public pages carry no inline script or style (JSON-LD blocks are data, which
# CSP does not govern), so they need no nonces; a nonce would also not survive
# the whole-page cache.
SECURE_CSP_ADMIN = {
    **SECURE_CSP,
    "script-src": [CSP.SELF, CSP.UNSAFE_INLINE, CSP.UNSAFE_EVAL],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:", "blob:"],
    "frame-src": [CSP.SELF],
    # Wagtail shows the page preview in an iframe of the admin itself (its
    # preview views answer with X-Frame-Options: SAMEORIGIN).
    "frame-ancestors": [CSP.SELF],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Django has no setting for it: core.middleware.CrossOriginResourcePolicyMiddleware.
# The API answers with "cross-origin" (api.urls): other sites may use it.
CROSS_ORIGIN_RESOURCE_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Browser features the site never uses, off for it and anything it embeds
# (core.middleware.PermissionsPolicyMiddleware). An empty list means "nobody".
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "usb",
        "xr-spatial-tracking",
    )
}

# No cookie for an anonymous visitor: sessions only after an editor logs in,
# the CSRF cookie only on pages with a form.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# Forms carry the token in the page; no script needs to read the cookie.
CSRF_COOKIE_HTTPONLY = True

DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Koordinierungsstelle für Flüchtlinge <noreply@localhost>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}

# Background tasks (django.tasks): kept in the database, run by
# `manage.py db_worker` (the docker-compose service "worker"). Alert mails
# (alerts) are sent there, never in the request.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# Alerts: attempts per mail before it counts as failed, first retry delay
# (doubling each time), and how long a worker's claim on a mail holds (a
# longer-held claim belongs to a crashed worker; longer than the SMTP timeout).
ALERTS_MAIL_MAX_ATTEMPTS = int(os.environ.get("ALERTS_MAIL_MAX_ATTEMPTS", "6"))
ALERTS_MAIL_RETRY_SECONDS = int(os.environ.get("ALERTS_MAIL_RETRY_SECONDS", "60"))
ALERTS_CLAIM_LEASE_SECONDS = int(os.environ.get("ALERTS_CLAIM_LEASE_SECONDS", "300"))

# Logs go to stdout (docker, systemd and gunicorn collect them there). With
# LOG_FORMAT=json (the production default) each record is one JSON line with
# timestamp, level, logger, message and the request's method, path, status
# and duration where known (operations.request_log); "text" is plain lines (dev,
# tests). LOG_REQUESTS=true adds one line per request from Django itself
# (gunicorn.conf.py's access log says the same otherwise).
LOG_FORMATS = ("json", "text")
LOG_FORMAT = os.environ.get("LOG_FORMAT", "text").strip().lower()
LOG_LEVEL = os.environ.get("LOG_LEVEL", "WARNING").strip().upper()
LOG_REQUESTS = env_bool("LOG_REQUESTS", default=False)


# Django's SuspiciousOperation subclasses for a request body over its limits.
REFUSED_REQUEST_BODY_ERRORS = (
    "RequestDataTooBig",
    "TooManyFieldsSent",
    "TooManyFilesSent",
)


def logging_config(log_format: str) -> dict:
    """The LOGGING dict for "json" or "text" output."""
    if log_format not in LOG_FORMATS:
        raise ImproperlyConfigured(
            f"LOG_FORMAT must be one of {', '.join(LOG_FORMATS)}, not {log_format!r}."
        )
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "json": {"()": "operations.request_log.JsonFormatter"},
            "text": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
        },
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stdout",
                "formatter": log_format,
            }
        },
        "filters": {
            "refused_request_body": {
                "()": "operations.request_log.RefusedRequestBodyFilter"
            }
        },
        "root": {"handlers": ["console"], "level": LOG_LEVEL},
        "loggers": {
            # A body over DATA_UPLOAD_MAX_* (answered with the 400 page): one
            # warning line, not an error with a traceback.
            **{
                f"django.security.{name}": {"filters": ["refused_request_body"]}
                for name in REFUSED_REQUEST_BODY_ERRORS
            },
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
            "core.requests": {"level": "INFO" if LOG_REQUESTS else "WARNING"},
        },
    }


LOGGING = logging_config(LOG_FORMAT)

# Phone numbers: parsed as German numbers unless given with +country code.
PHONENUMBER_DEFAULT_REGION = "DE"
PHONENUMBER_DB_FORMAT = "E164"
PHONENUMBER_DEFAULT_FORMAT = "NATIONAL"

# Switchboards whose extensions the site writes with a hyphen (DIN 5008,
# "0461 85-1653"), each as "+country area-code switchboard-number". The City
# of Flensburg's switchboard is 0461 85-0; extensions follow the "85".
PHONE_SWITCHBOARDS = ["+49 461 85"]

# Public forms (core.ratelimit): submissions per client address and period,
# "5/h", "20/day", "3/10min". Feedback on measure sheets, and barrier reports
# (by default the same rate). The older FEEDBACK_RATE_LIMIT (count) and
# FEEDBACK_RATE_WINDOW_SECONDS still work when FEEDBACK_RATE is not set.
FEEDBACK_RATE = feedback_rate_from_env()
BARRIER_REPORT_RATE = os.environ.get("BARRIER_REPORT_RATE", "").strip() or FEEDBACK_RATE
# E-mail alerts (alerts): subscription requests per client address, and per
# e-mail address (confirmation mails one address can be sent), per period.
ALERTS_SUBSCRIBE_RATE = os.environ.get("ALERTS_SUBSCRIBE_RATE", "10/h")
ALERTS_EMAIL_RATE = os.environ.get("ALERTS_EMAIL_RATE", "5/day")
# Behind a reverse proxy that appends the client's address to X-Forwarded-For.
TRUST_X_FORWARDED_FOR = env_bool("TRUST_X_FORWARDED_FOR", default=False)

# Read-only JSON API (/api/v1/): requests per client address and period
# ("120/min", "1000/hour"), counted in the cache; and how long clients and
# proxies may cache a successful answer.
API_RATE_LIMIT = os.environ.get("API_RATE_LIMIT", "120/min")
API_CACHE_SECONDS = int(os.environ.get("API_CACHE_SECONDS", "60"))

# Media on S3-compatible object storage (django-storages), off by default:
# on when MEDIA_S3_BUCKET (or AWS_STORAGE_BUCKET_NAME) is set, so that several
# web containers share one media store. Images get plain, unsigned URLs (cache
# and CDN friendly); documents stay private: they are only ever served through
# our serve view, which reads them from the bucket, and the bucket policy makes
# only images/ and original_images/ publicly readable (see README). Without
# access keys, boto3 uses its own chain (AWS_* variables, instance role).
MEDIA_S3_BUCKET = os.environ.get("MEDIA_S3_BUCKET") or os.environ.get(
    "AWS_STORAGE_BUCKET_NAME", ""
)
MEDIA_S3_ENABLED = bool(MEDIA_S3_BUCKET)
if MEDIA_S3_ENABLED:
    from urllib.parse import urlsplit

    _s3 = {
        "endpoint_url": os.environ.get("MEDIA_S3_ENDPOINT_URL", ""),
        "region_name": os.environ.get("MEDIA_S3_REGION", ""),
        "access_key": os.environ.get("MEDIA_S3_ACCESS_KEY_ID", ""),
        "secret_key": os.environ.get("MEDIA_S3_SECRET_ACCESS_KEY", ""),
        "custom_domain": os.environ.get("MEDIA_S3_CUSTOM_DOMAIN", ""),
        "location": os.environ.get("MEDIA_S3_LOCATION", "").strip("/"),
        "addressing_style": os.environ.get("MEDIA_S3_ADDRESSING_STYLE", ""),
    }
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": MEDIA_S3_BUCKET,
            **{key: value for key, value in _s3.items() if value},
            "querystring_auth": False,
            "file_overwrite": False,
            # Access is the bucket policy's business, not per-object ACLs.
            "default_acl": None,
            "object_parameters": {"CacheControl": "max-age=31536000"},
        },
    }
    # Pages and the admin show images from the bucket's (or CDN's) origin.
    if _s3["custom_domain"]:
        _media_origins = [f"https://{_s3['custom_domain'].split('/')[0]}"]
    elif _s3["endpoint_url"]:
        _endpoint = urlsplit(_s3["endpoint_url"])
        _media_origins = [
            f"{_endpoint.scheme}://{_endpoint.netloc}",
            f"{_endpoint.scheme}://*.{_endpoint.netloc}",
        ]
    else:
        _media_origins = [f"https://{MEDIA_S3_BUCKET}.s3.amazonaws.com"] + (
            [f"https://{MEDIA_S3_BUCKET}.s3.{_s3['region_name']}.amazonaws.com"]
            if _s3["region_name"]
            else []
        )
    SECURE_CSP["img-src"] = [*SECURE_CSP["img-src"], *_media_origins]
    SECURE_CSP_ADMIN["img-src"] = [*SECURE_CSP_ADMIN["img-src"], *_media_origins]

# Backups (manage.py backup / restore, scripts/backup.sh): where new backup
# directories go.
BACKUP_DIR = Path(os.environ.get("BACKUP_DIR") or BASE_DIR / "backups")
