"""Images on a phone: the one opening the page loads at once, at the size the
screen needs (srcset/sizes pick a rendition by width and pixel density);
images further down load only when the reader scrolls near them, and their
box has its final height before the file arrives (width and height set)."""

import pytest

from tests.browser.conftest import _manage, _served_copy
from tests.browser.images_page import IMAGES_PATH, SCRIPT

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def images_server(tmp_path_factory, worker_id):
    """The demo site with a page of two images (tests/browser/images_page.py)."""

    def add_images_page(site):
        _manage(site, "shell", "-c", SCRIPT)

    with _served_copy(tmp_path_factory, worker_id, prepare=add_images_page) as server:
        # Wagtail makes the renditions on the first view; not on a test's clock.
        status, _ = server.get(IMAGES_PATH)
        assert status == 200
        yield server


IMAGES = """() => [...document.querySelectorAll("main img")].map(img => ({
    alt: img.alt, loading: img.loading, decoding: img.decoding,
    fetchpriority: img.getAttribute("fetchpriority"),
    width: img.getAttribute("width"), height: img.getAttribute("height"),
    srcset: img.srcset, complete: img.complete && img.naturalWidth > 0,
    currentSrc: img.currentSrc,
    box: img.getBoundingClientRect().toJSON(),
}))"""


@pytest.mark.parametrize(("dpr", "rendition"), [(1, 400), (2, 800)])
def test_phone_loads_the_first_image_at_its_size_and_the_next_only_near_it(
    browser, images_server, dpr, rendition
):
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, device_scale_factor=dpr, is_mobile=True
    )
    try:
        page = context.new_page()
        images = []
        page.on(
            "requestfinished",
            lambda r: images.append(r.url) if r.resource_type == "image" else None,
        )
        page.goto(images_server.url + IMAGES_PATH, wait_until="networkidle")
        first, later = page.evaluate(IMAGES)

        assert first["alt"] == "Der Hafen"
        assert (first["loading"], first["fetchpriority"]) == ("eager", "high")
        assert first["decoding"] == later["decoding"] == "async"
        assert " 400w" in first["srcset"] and " 1200w" in first["srcset"]
        # The screen's size decides: 360 px at 1x needs 400 px, at 2x 800.
        assert first["complete"]
        assert f".width-{rendition}.avif" in first["currentSrc"], first["currentSrc"]

        # The second image, far below the fold, is not fetched at load ...
        assert later["loading"] == "lazy" and later["fetchpriority"] is None
        assert later["box"]["top"] > 2 * 740
        assert not later["complete"]
        assert [url for url in images if "foerde" in url] == []
        assert len([url for url in images if "hafen" in url]) == 1
        # ... yet its box is already square (1200 x 1200), so nothing moves.
        assert (later["width"], later["height"]) == ("1200", "1200")
        assert later["box"]["height"] == pytest.approx(later["box"]["width"], abs=1)

        page.locator("main img").nth(1).scroll_into_view_if_needed()
        page.wait_for_function(
            "() => { const img = document.querySelectorAll('main img')[1];"
            " return img.complete && img.naturalWidth > 0; }"
        )
        assert [url for url in images if "foerde" in url]
    finally:
        context.close()
