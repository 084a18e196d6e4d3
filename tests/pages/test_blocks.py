"""Block validation editors meet in the admin, and how blocks render."""

from wagtail.blocks.struct_block import StructBlockValidationError

import pytest
import wagtail_factories

from pages.blocks import ImageBlock, LinkBlock, NoticeBlock, QuickLinkBlock


@pytest.fixture
def image(db):
    return wagtail_factories.ImageFactory(
        title="Rathaus", credit="Foto: Stadt Flensburg"
    )


def test_image_without_alt_text_and_not_decorative_is_refused(image):
    block = ImageBlock()
    value = block.to_python({"image": image.pk, "alt_text": " ", "decorative": False})

    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)

    message = str(error.value.block_errors["alt_text"])
    assert "Bitte einen Alternativtext eingeben" in message


def test_decorative_image_needs_no_alt_text_and_renders_empty_alt(image):
    block = ImageBlock()
    value = block.clean(block.to_python({"image": image.pk, "decorative": True}))

    html = block.render(value)

    assert 'alt=""' in html
    assert "Foto: Stadt Flensburg" in html


def test_image_renders_its_alt_text_and_caption(image):
    block = ImageBlock()
    value = block.clean(
        block.to_python(
            {
                "image": image.pk,
                "alt_text": "Das Rathaus am Hafen",
                "caption": "Rathaus",
            }
        )
    )

    html = block.render(value)

    assert 'alt="Das Rathaus am Hafen"' in html
    assert "<figcaption" in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "raw",
    [
        {},
        {"url": "https://example.org/", "page": None, "label": "Beides"},
    ],
)
def test_link_needs_exactly_one_target(raw, home):
    if "page" in raw:
        raw["page"] = home.pk
    block = LinkBlock()

    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python(raw))

    assert "genau ein Ziel" in str(error.value.block_errors["url"])


def test_external_link_needs_a_label():
    block = LinkBlock()

    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"url": "https://example.org/"}))

    assert "Linktext" in str(error.value.block_errors["label"])


@pytest.mark.django_db
def test_link_value_uses_page_title_unless_labelled(home):
    block = QuickLinkBlock()

    plain = block.clean(block.to_python({"page": home.pk}))
    labelled = block.clean(block.to_python({"page": home.pk, "label": "Start"}))
    external = block.clean(
        block.to_python({"url": "https://www.bamf.de/", "label": "BAMF"})
    )

    assert (plain.text, plain.href, plain.is_external) == (home.title, home.url, False)
    assert labelled.text == "Start"
    assert (external.href, external.is_external) == ("https://www.bamf.de/", True)


def test_notice_renders_as_kern_alert_of_its_kind():
    block = NoticeBlock()
    value = block.to_python(
        {"kind": "warning", "title": "Achtung", "text": "<p>Frist beachten</p>"}
    )

    html = block.render(value)

    assert 'class="kern-alert kern-alert--warning"' in html
    assert "Achtung" in html
    assert "Frist beachten" in html
