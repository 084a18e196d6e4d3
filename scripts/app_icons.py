"""Draws the app icons of the web app manifest (static/img/icon-*.png) from
the favicon's shapes: `.venv/bin/python scripts/app_icons.py`."""

from PIL import Image, ImageDraw

BLUE = (0x20, 0x44, 0xAA, 255)
WHITE = (255, 255, 255, 255)


def bezier(p0, p1, p2, p3, steps=400):
    for i in range(steps + 1):
        t = i / steps
        u = 1 - t
        yield (
            u**3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t**3 * p3[0],
            u**3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t**3 * p3[1],
        )


def wave(y):
    # favicon.svg: M9 y c5-4 10-4 15 0 s10 4 15 0 (48 x 48 box)
    first = list(bezier((9, y), (14, y - 4), (19, y - 4), (24, y)))
    second = list(bezier((24, y), (29, y + 4), (34, y + 4), (39, y)))
    return first + second[1:]


def icon(size, maskable=False):
    scale = 4
    big = size * scale
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    if maskable:
        draw.rectangle((0, 0, big, big), fill=BLUE)
        zoom, offset = big / 48 * 0.7, big * 0.15
    else:
        draw.rounded_rectangle((0, 0, big - 1, big - 1), radius=big * 8 / 48, fill=BLUE)
        zoom, offset = big / 48, 0
    width = round(3 * zoom)
    for y in (18, 26, 34):
        points = [(offset + x * zoom, offset + yy * zoom) for x, yy in wave(y)]
        r = width / 2
        for x, yy in points:  # round pen: a disc at every point
            draw.ellipse((x - r, yy - r, x + r, yy + r), fill=WHITE)
    return image.resize((size, size), Image.LANCZOS)


for name, size, maskable in (
    ("icon-192", 192, False),
    ("icon-512", 512, False),
    ("icon-maskable-512", 512, True),
):
    icon(size, maskable).save(f"static/img/{name}.png", optimize=True)
