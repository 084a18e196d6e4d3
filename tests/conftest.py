from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from wagtail.models import Page, Site

import pytest

from tests.factories import HomePageFactory

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
    """A HomePage as the root of the default site, replacing Wagtail's welcome page."""
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, slug="start")
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    Page.objects.filter(depth=2).exclude(pk=home.pk).delete()
    return home


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
