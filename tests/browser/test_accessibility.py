"""WCAG 2.2 A and AA and axe's best practices, checked by axe-core in Chromium
on every page type, in every locale, at phone and desktop width.

Set AXE_RESULTS_DIR to a directory to get every violation found as JSON
(one file per locale and width) for a report."""

import json
import os
from collections import Counter
from pathlib import Path

import pytest

from tests.browser.demo_pages import (
    API_DOCS,
    LOCALES,
    PAGE_TYPES,
    expected_status,
    localized,
)

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
WIDTHS = [360, 1280]


def axe_violations(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
    )
    return [
        {
            "id": violation["id"],
            "impact": violation["impact"],
            "tags": violation["tags"],
            "nodes": [node["target"][0] for node in violation["nodes"]],
        }
        for violation in result["violations"]
    ]


def report(found: dict[str, list[dict]]) -> str:
    """Per rule: on how many pages, how many elements; then per page."""
    pages, nodes = Counter(), Counter()
    for violations in found.values():
        for violation in violations:
            pages[violation["id"]] += 1
            nodes[violation["id"]] += len(violation["nodes"])
    lines = [
        f"{rule}: {pages[rule]} pages, {nodes[rule]} elements"
        for rule in sorted(pages, key=lambda rule: (-pages[rule], rule))
    ]
    for url, violations in found.items():
        lines.append(f"{url}:")
        lines += [
            f"  {v['id']} ({v['impact']}): " + "; ".join(v["nodes"][:3])
            for v in violations
        ]
    return "\n".join(lines)


def save(name: str, found: dict[str, list[dict]]) -> None:
    if directory := os.environ.get("AXE_RESULTS_DIR"):
        Path(directory).mkdir(parents=True, exist_ok=True)
        Path(directory, f"{name}.json").write_text(json.dumps(found, indent=1))


@pytest.fixture
def axe_page(shared_page):
    assert AXE.exists(), "npm ci installs axe-core"

    # axe is injected as a script; the site's CSP would (rightly) block it.
    def _page(width):
        return shared_page(width, height=900, bypass_csp=True)

    return _page


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("locale", LOCALES)
def test_every_page_type_has_no_axe_violations(axe_page, visit, locale, width):
    page = axe_page(width)
    found = {}
    for path in PAGE_TYPES:
        url = localized(locale, path)
        visit(page, url, status=expected_status(path))
        if violations := axe_violations(page):
            found[url] = violations
    save(f"{locale}-{width}", found)

    assert not found, f"{locale} at {width}px:\n" + report(found)


def test_the_api_documentation_has_no_axe_violations(axe_page, visit):
    page = axe_page(1280)
    visit(page, API_DOCS)
    # Swagger UI draws the documentation with JavaScript.
    page.locator("#swagger-ui .opblock-tag").first.wait_for()

    found = {API_DOCS: violations} if (violations := axe_violations(page)) else {}
    save("api-docs", found)

    assert not found, report(found)


def test_a_page_that_is_not_there_does_not_count(axe_page, visit):
    """axe checks whatever the browser shows, a 404 page too (it passes): each
    page above counts only when it answers with its status (200 unless
    EXPECTED_STATUS says otherwise), or the test fails."""
    with pytest.raises(AssertionError, match="HTTP 404"):
        visit(axe_page(360), "/barrierefreiheit/gibt-es-nicht/")


def test_axe_finds_what_is_wrong(axe_page, visit):
    """The check can fail: an image without alternative text, a link without
    a name and light grey text are found."""
    page = visit(axe_page(360), "/")
    page.evaluate(
        """() => {
            const main = document.querySelector('main');
            main.insertAdjacentHTML('afterbegin',
                '<img src="/static/nothing.png"><a href="/x"></a>' +
                '<p style="color:#ccc;background:#fff">zu blass</p>');
        }"""
    )

    ids = {violation["id"] for violation in axe_violations(page)}

    assert {"image-alt", "link-name", "color-contrast"} <= ids
