"""Save-Data (caching/save_data.py): ``Save-Data: on`` gets the page without
web fonts, cached apart from the page with them; HTML says Vary: Save-Data."""

from django.core.cache import cache
from django.test import RequestFactory

import pytest

from caching.save_data import saves_data

pytestmark = pytest.mark.django_db

FONT_MARKERS = ('as="font"', "/fonts/")


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.mark.parametrize(
    ("header", "expected"),
    [("on", True), ("On", True), (" on ", True), ("on; x=1", True), ("off", False)],
)
def test_the_header_token_decides(header, expected):
    request = RequestFactory().get("/", HTTP_SAVE_DATA=header)
    assert saves_data(request) is expected
    assert saves_data(RequestFactory().get("/")) is False


def has_fonts(response) -> bool:
    html = response.content.decode()
    return all(marker in html for marker in FONT_MARKERS)


def test_save_data_page_has_no_web_fonts_and_both_say_vary(client, home):
    plain = client.get("/")
    lean = client.get("/", HTTP_SAVE_DATA="on")

    assert plain.status_code == lean.status_code == 200
    assert has_fonts(plain)
    html = lean.content.decode()
    assert not any(marker in html for marker in FONT_MARKERS)
    # Otherwise the same page: its styles are there.
    assert "css/site.css" in html
    for response in (plain, lean):
        assert "Save-Data" in response["Vary"]


def test_the_page_cache_keeps_the_variants_apart(client, home):
    first_plain = client.get("/")
    first_lean = client.get("/", HTTP_SAVE_DATA="on")
    second_plain = client.get("/")
    second_lean = client.get("/", HTTP_SAVE_DATA="on")

    assert [r["X-Cache"] for r in (first_plain, first_lean)] == ["MISS", "MISS"]
    assert [r["X-Cache"] for r in (second_plain, second_lean)] == ["HIT", "HIT"]
    assert has_fonts(second_plain)
    assert not has_fonts(second_lean)
    assert "Save-Data" in second_lean["Vary"]
