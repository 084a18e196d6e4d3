"""QR codes for printed handouts: the address of the page, as inline SVG."""

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

import segno

register = template.Library()


@register.simple_tag
def qr_svg(url: str, scale: int = 3) -> str:
    """An inline SVG QR code for ``url`` (error correction M: survives a
    smudge or a fold), labelled for screen readers. Inline, so the handout
    needs no extra request and prints without images enabled."""
    code = segno.make(url, error="m", micro=False)
    svg = code.svg_inline(
        scale=scale,
        border=2,
        dark="#000",
        light="#fff",
        # segno escapes the title itself.
        title=_("QR-Code mit der Internetadresse %(url)s") % {"url": url},
        svgclass="qr-code",
        lineclass=None,
    )
    return mark_safe(svg.replace("<svg ", '<svg role="img" ', 1))  # noqa: S308
