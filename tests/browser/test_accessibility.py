"""WCAG 2.1 A and AA, checked by axe-core in Chromium on every page type, in
German and Arabic, at phone and desktop width."""

from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PAGES = [
    "/",  # HomePage
    "/koordinierungsstelle/",  # OfficePage
    "/check-up-integration/",  # CheckUpPage
    "/check-up-integration/massnahmen/",
    "/check-up-integration/massnahmen/?handlungsfeld=mond",  # form with errors
    "/check-up-integration/massnahmen/7/",
    "/check-up-integration/massnahmen/7/rueckmeldung/",
    "/check-up-integration/handlungsfelder/wohnen/",
    "/check-up-integration/statusanalysen/",
    "/fluechtlinge-in-flensburg/",  # InfoIndexPage
    "/fluechtlinge-in-flensburg/rechte/",  # InfoPage
    "/informationsangebote-des-landes/",  # StateLinksPage
    "/wie-kann-geholfen-werden/",  # HelpPage with directory
    "/impressum/",  # ContentPage
    "/barrierefreiheit/",  # AccessibilityStatementPage
    "/barrierefreiheit/barriere-melden/",
    "/veranstaltungen/",  # EventIndexPage
    "/veranstaltungen/vergangene/",
    "/veranstaltungen/3-forum-fluechtlinge-unsere-neuen-nachbarn/",  # EventPage
    "/aktuelles/",  # NewsIndexPage
    "/aktuelles/einladung-3-forum/",  # NewsPage
    "/suche/?q=Wohnungen",  # search results
    "/suche/?q=Xylophon",  # search without results
    "/fluechtlinge-in-flensburg/rechte/handzettel/",  # handout
    "/gibt-es-nicht/",  # 404
]


def axe_violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
    )
    return [
        f"{violation['id']} ({violation['impact']}): "
        + "; ".join(node["target"][0] for node in violation["nodes"][:3])
        for violation in result["violations"]
    ]


@pytest.mark.parametrize("language", ["", "/ar"])
@pytest.mark.parametrize("width", [360, 1280])
def test_every_page_type_has_no_wcag_violations(
    browser, live_server, demo_site, language, width
):
    assert AXE.exists(), "npm ci installs axe-core"
    # axe is injected as a script; the site's CSP would (rightly) block it.
    context = browser.new_context(
        viewport={"width": width, "height": 900}, bypass_csp=True
    )
    page = context.new_page()
    found = {}
    for path in PAGES:
        page.goto(live_server.url + language + path, wait_until="networkidle")
        if violations := axe_violations(page):
            found[language + path] = violations
    context.close()

    assert not found, "\n".join(f"{path}: {v}" for path, v in found.items())
