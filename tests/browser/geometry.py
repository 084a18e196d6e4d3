"""What a reader sees of a widget: every item inside the screen, none on top
of another. Works on Playwright locators and their bounding boxes."""

# Sub-pixel rounding of layout and zoom.
TOLERANCE = 0.5


def describe(item) -> str:
    return item.evaluate(
        """el => {
            const text = (el.innerText || el.value || el.getAttribute('aria-label')
                || '').trim().replace(/\\s+/g, ' ').slice(0, 40);
            const cls = el.classList.length ? '.' + [...el.classList].join('.') : '';
            return `${el.tagName.toLowerCase()}${cls} "${text}"`;
        }"""
    )


def _overlap(a, b) -> tuple[float, float]:
    width = min(a["x"] + a["width"], b["x"] + b["width"]) - max(a["x"], b["x"])
    height = min(a["y"] + a["height"], b["y"] + b["height"]) - max(a["y"], b["y"])
    return width, height


def layout_problems(page, items, *, minimum: int = 1) -> list[str]:
    """Problems with the visible items of a locator: outside 0..viewport width,
    or overlapping another item (an item inside another one does not count).
    Fewer than ``minimum`` visible items is a problem too: nothing to see."""
    width = page.viewport_size["width"]
    boxes = []
    for item in items.all():
        if not item.is_visible():
            continue
        box = item.bounding_box()
        if box is None or box["width"] == 0 or box["height"] == 0:
            continue
        boxes.append((item, box))
    problems = []
    if len(boxes) < minimum:
        problems.append(f"only {len(boxes)} visible items, expected {minimum} or more")
    for item, box in boxes:
        left, right = box["x"], box["x"] + box["width"]
        if left < -TOLERANCE or right > width + TOLERANCE:
            problems.append(
                f"{describe(item)} is outside the screen: x {left:.0f}..{right:.0f}, "
                f"screen 0..{width}"
            )
    for index, (item, box) in enumerate(boxes):
        for other, other_box in boxes[index + 1 :]:
            overlap_width, overlap_height = _overlap(box, other_box)
            if overlap_width <= 1 or overlap_height <= 1:
                continue
            nested = item.evaluate(
                "(a, b) => a.contains(b) || b.contains(a)", other.element_handle()
            )
            if not nested:
                problems.append(
                    f"{describe(item)} and {describe(other)} overlap by "
                    f"{overlap_width:.0f}×{overlap_height:.0f}px"
                )
    return problems
