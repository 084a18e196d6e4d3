"""Images as responsive renditions: AVIF and WebP with a JPEG fallback,
several widths, width and height set, lazy except the one opening a page."""

import re
from html.parser import HTMLParser

from django.core.files.storage import default_storage

from wagtail.images import get_image_model

import pytest
import wagtail_factories
from PIL import Image, features

from pages.blocks import IMAGE_SIZES, ImageBlock
from tests.factories import ContentPageFactory

pytestmark = pytest.mark.django_db


class PictureParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.pictures = 0
        self.sources = []
        self.imgs = []

    def handle_starttag(self, tag, attrs):
        if tag == "picture":
            self.pictures += 1
        elif tag == "source":
            self.sources.append(dict(attrs))
        elif tag == "img":
            self.imgs.append(dict(attrs))


def parse(html):
    parser = PictureParser()
    parser.feed(html)
    return parser


def srcset_widths(srcset):
    return [int(width) for width in re.findall(r" (\d+)w", srcset)]


def srcset_files(srcset):
    return [candidate.split()[0] for candidate in srcset.split(",")]


def rendition_format(url):
    """The format Pillow reads from the rendition file (not its name)."""
    rendition = (
        get_image_model()
        .get_rendition_model()
        .objects.get(file=url.removeprefix("/media/"))
    )
    with default_storage.open(rendition.file.name) as file, Image.open(file) as image:
        return image.format


@pytest.fixture
def photo():
    return wagtail_factories.ImageFactory(
        title="Hafen", file__width=1600, file__height=900
    )


def render_block(image, **raw):
    block = ImageBlock()
    value = block.clean(block.to_python({"image": image.pk, **raw}))
    return block.render(value)


def test_pillow_writes_avif_and_webp():
    assert features.check("avif")
    assert features.check("webp")


def test_image_block_renders_a_picture_with_avif_and_webp_sources(photo):
    html = render_block(photo, alt_text="Der Hafen")
    picture = parse(html)

    assert picture.pictures == 1
    assert [source["type"] for source in picture.sources] == [
        "image/avif",
        "image/webp",
    ]
    for source in picture.sources:
        assert srcset_widths(source["srcset"]) == [1200, 800, 400]
        assert source["sizes"] == IMAGE_SIZES
    # The files are what the type says, written by Pillow.
    avif, webp = (srcset_files(source["srcset"]) for source in picture.sources)
    assert {rendition_format(url) for url in avif} == {"AVIF"}
    assert {rendition_format(url) for url in webp} == {"WEBP"}


def test_fallback_img_has_srcset_sizes_width_height_and_loads_lazily(photo):
    html = render_block(photo, alt_text="Der Hafen")
    (img,) = parse(html).imgs

    # JPEG for browsers without AVIF/WebP, the same three widths.
    assert srcset_widths(img["srcset"]) == [1200, 800, 400]
    assert img["src"].endswith(".jpg")
    assert rendition_format(img["src"]) == "JPEG"
    assert img["sizes"] == IMAGE_SIZES
    # Width and height reserve the box (16:9 like the original) before the file arrives.
    assert (img["width"], img["height"]) == ("1200", "675")
    assert img["alt"] == "Der Hafen"
    assert img["loading"] == "lazy"
    assert img["decoding"] == "async"
    assert "fetchpriority" not in img


def test_small_original_is_not_enlarged(db):
    small = wagtail_factories.ImageFactory(file__width=600, file__height=400)
    html = render_block(small, decorative=True)
    picture = parse(html)
    (img,) = picture.imgs

    assert max(srcset_widths(img["srcset"])) == 600
    for source in picture.sources:
        assert max(srcset_widths(source["srcset"])) == 600
    assert (img["width"], img["height"]) == ("600", "400")
    assert img["alt"] == ""


def test_image_opening_the_page_loads_at_once_the_others_lazily(client, home, photo):
    second = wagtail_factories.ImageFactory(file__width=1000, file__height=1000)
    ContentPageFactory(
        parent=home,
        slug="bilder",
        body=[
            {"type": "image", "value": {"image": photo.pk, "alt_text": "Der Hafen"}},
            {"type": "paragraph", "value": "<p>Text zwischen den Bildern.</p>"},
            {"type": "image", "value": {"image": second.pk, "decorative": True}},
        ],
    )

    response = client.get("/bilder/")

    assert response.status_code == 200
    first, later = parse(response.content.decode()).imgs[-2:]
    assert first["alt"] == "Der Hafen"
    assert first["loading"] == "eager"
    assert first["fetchpriority"] == "high"
    assert later["alt"] == ""
    assert later["loading"] == "lazy"
    assert "fetchpriority" not in later
    assert (later["width"], later["height"]) == ("1000", "1000")


def test_social_image_stays_jpeg_or_png(client, home, photo):
    ContentPageFactory(parent=home, slug="geteilt", social_image=photo)

    html = client.get("/geteilt/").content.decode()

    og_image = re.search(r'<meta property="og:image" content="([^"]+)"', html)
    assert og_image, "no og:image"
    assert og_image.group(1).endswith((".jpg", ".png"))
    assert "<picture" not in html
