import pytest

from core.bootstrap import content_locales


@pytest.fixture
def locales(db):
    """A Locale for every content language, keyed by language code."""
    return {locale.language_code: locale for locale in content_locales()}


@pytest.fixture
def api_get(client):
    """GET an API path; returns (response, parsed JSON or None)."""

    def get(path, **kwargs):
        response = client.get(f"/api/v1/{path}", **kwargs)
        is_json = response["Content-Type"].startswith("application/json")
        return response, response.json() if is_json and response.content else None

    return get
