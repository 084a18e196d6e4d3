import os

from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from wagtail.models import Page, Site

import pytest

from core.bootstrap import content_locales, ensure_default_locale, root_collection
from tests.factories import HomePageFactory, OfficePageFactory

# Fixtures of pytest-django that give a test the database.
DATABASE_FIXTURES = {
    "db",
    "transactional_db",
    "django_db_reset_sequences",
    "django_db_serialized_rollback",
    "live_server",
    "admin_user",
    "admin_client",
    "django_db_setup",
}


def uses_database(item) -> bool:
    """The test reaches the database: marked ``django_db``, ``database``
    (through a process of its own) or asking for a database fixture."""
    return bool(
        item.get_closest_marker("django_db")
        or item.get_closest_marker("database")
        or DATABASE_FIXTURES & set(getattr(item, "fixturenames", ()))
    )


def on_postgres() -> bool:
    return os.environ.get("DATABASE_URL", "").startswith(("postgres", "postgis"))


def pytest_collection_modifyitems(config, items):
    """On PostgreSQL, run only the tests that reach the database: the others
    (and the browser tests, which serve the demo from a SQLite file of their
    own) do the same on any database and ran in the SQLite run.
    ALL_TESTS_ON_POSTGRES=1 runs every test there too."""
    if not on_postgres() or os.environ.get("ALL_TESTS_ON_POSTGRES"):
        return
    skip = pytest.mark.skip(
        reason="independent of the database: runs on SQLite "
        "(ALL_TESTS_ON_POSTGRES=1 runs it here too)"
    )
    for item in items:
        if item.get_closest_marker("browser") or not uses_database(item):
            item.add_marker(skip)


EDITOR_PASSWORD = "ein-sicheres-Passwort-für-Tests"


@pytest.fixture(autouse=True)
def _clear_cache():
    """Wagtail caches site root paths; every test starts from an empty cache."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _german_after_each_test():
    """A request under /en/ or /ar/ leaves its language active in the thread
    (LocaleMiddleware does not reset it); the next test starts in German."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _no_outbound_http(monkeypatch):
    """Tests never talk to the internet."""

    def refuse(*args, **kwargs):
        raise AssertionError("A test tried to open a network connection.")

    monkeypatch.setattr("urllib.request.urlopen", refuse)


@pytest.fixture
def home(db):
    """A HomePage as the root of the default site, replacing Wagtail's welcome page.

    A transactional test's flush leaves the rows of Wagtail's migrations out
    (tree root, default site, root collection, German locale); on such a
    database they are created first, so the order of the tests does not matter.
    """
    root_collection()
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=ensure_default_locale())
    )
    home = HomePageFactory(parent=root, slug="start")
    site = Site.objects.filter(is_default_site=True).first() or Site(
        hostname="localhost", port=80, is_default_site=True
    )
    site.root_page = home
    site.save()
    Page.objects.filter(depth=2).exclude(pk=home.pk).delete()
    return home


@pytest.fixture
def office(home):
    """The office page under home, with every language of the site set up;
    modules that need another office page define their own."""
    content_locales()
    return OfficePageFactory(
        parent=home,
        slug="koordinierungsstelle",
        title="Koordinierungsstelle",
        intro="Wir helfen.",
    )


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser(
        username="redaktion", email="redaktion@example.org", password=EDITOR_PASSWORD
    )


@pytest.fixture
def editor_client(client, superuser):
    client.force_login(superuser)
    return client


@pytest.fixture(autouse=True)
def _closed_cache_breakers(monkeypatch):
    """Circuit breakers of Redis caches live per process and location
    (caching.cache_breaker); a port used again must not find one open."""
    monkeypatch.setattr("caching.cache_breaker._breakers", {})


def pytest_make_parametrize_id(config, val, argname):
    """Generated files (bytes) are named after their parameter in test ids:
    zip archives hold the second they were made, and two xdist workers that
    collect a second apart would otherwise see different tests."""
    if isinstance(val, bytes):
        return argname
    return None
