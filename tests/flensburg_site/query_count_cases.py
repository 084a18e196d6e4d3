"""The cases of ``test_query_counts``: one page of each public type with a
little content, and a way to grow what it lists (teasers, contacts, status
entries, measures, news, events, ...)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import wagtail_factories

from tests.contacts.factories import (
    HelpCategoryFactory,
    LanguageFactory,
    NeedFactory,
    OrganisationFactory,
    PersonFactory,
)
from tests.factories import (
    AccessibilityStatementPageFactory,
    ContentPageFactory,
    HelpPageFactory,
    InfoIndexPageFactory,
    InfoPageFactory,
    OfficePageFactory,
    StateLinksPageFactory,
)
from tests.integration_checkup.factories import (
    DocumentFactory,
)

SMALL = 2
LARGE = 12
# Enough for any page of this site; a page above it does too much.
MOST_QUERIES = 50


@dataclass
class Case:
    url: str
    grow: Callable[[int], None]
    # Appears once per listed item: proves the large page shows more.
    marker: str | None = None
    status: int = 200


def organisation(**kwargs):
    return OrganisationFactory(
        slots=[(0, "09:00", "12:00"), (2, "14:00", "16:00")],
        categories=[HelpCategoryFactory()],
        languages=[LanguageFactory(code="ar"), LanguageFactory(code="fa")],
        **kwargs,
    )


def body_blocks(home, number: int) -> list[tuple[str, dict]]:
    """One of every kind of content block that points at other objects."""
    target = ContentPageFactory(parent=home)
    document = DocumentFactory(title=f"Merkblatt {number}")
    image = wagtail_factories.ImageFactory(title=f"Bild {number}")
    return [
        ("heading", {"text": f"Abschnitt {number}", "level": "h2"}),
        ("paragraph", f'<p>Text <a linktype="page" id="{target.pk}">Seite</a></p>'),
        ("image", {"image": image, "alt_text": "Ein Bild", "decorative": False}),
        (
            "link_list",
            {
                "title": "Links",
                "links": [
                    {"page": target, "document": None, "url": "", "label": ""},
                    {"page": None, "document": document, "url": "", "label": ""},
                ],
            },
        ),
        (
            "call_to_action",
            {
                "title": "Mitmachen",
                "text": "Jetzt.",
                "link": {"page": target, "document": None, "url": "", "label": ""},
                "button_label": "Los",
            },
        ),
        ("contact", {"person": PersonFactory(organisation=organisation())}),
        ("contact", {"organisation": organisation()}),
        (
            "accordion",
            {
                "title": "Fragen",
                "items": [{"heading": "Wer?", "content": "<p>Wir</p>"}],
            },
        ),
        ("notice", {"kind": "info", "title": "Hinweis", "text": "<p>Achtung</p>"}),
    ]


def grow_body(home, page) -> Callable[[int], None]:
    def grow(count: int) -> None:
        blocks = [block for n in range(count) for block in body_blocks(home, n)]
        page.refresh_from_db()
        for block in blocks:
            page.body.append(block)
        page.save()

    return grow


# --- one function per page type: build it, return its URL and how to grow it


def home_page(home) -> Case:
    def grow(count: int) -> None:
        targets = [
            ContentPageFactory(parent=home, show_in_menus=True) for _ in range(count)
        ]
        document = DocumentFactory()
        home.refresh_from_db()
        for target in targets:
            home.teasers.append(("teaser", {"page": target, "title": "", "text": ""}))
            home.quick_links.append(
                ("link", {"page": target, "document": None, "url": "", "label": ""})
            )
            home.quick_links.append(
                ("link", {"page": None, "document": document, "url": "", "label": ""})
            )
        home.save()

    return Case("/", grow, marker='class="card-grid__item"')


def office_page(home) -> Case:
    office = OfficePageFactory(parent=home, organisation=organisation(), body=[])
    return Case(office.url, grow_body(home, office), marker="contact-card")


def content_page(home) -> Case:
    page = ContentPageFactory(parent=home, body=[])
    return Case(page.url, grow_body(home, page), marker="contact-card")


def info_index_page(home) -> Case:
    index = InfoIndexPageFactory(parent=home)

    def grow(count: int) -> None:
        for _ in range(count):
            InfoPageFactory(parent=index)

    return Case(index.url, grow, marker="Thema ")


def info_page(home) -> Case:
    index = InfoIndexPageFactory(parent=home)
    page = InfoPageFactory(parent=index, body=[])
    return Case(page.url, grow_body(home, page), marker="contact-card")


def info_page_handout(home) -> Case:
    case = info_page(home)
    # The handout shortens the text to one sheet: no marker to count.
    return Case(case.url + "handzettel/", case.grow)


def state_links_page(home) -> Case:
    page = StateLinksPageFactory(parent=home, links=[])

    def grow(count: int) -> None:
        page.refresh_from_db()
        for number in range(count):
            page.links.append(
                (
                    "link",
                    {
                        "title": f"Landesangebot {number}",
                        "url": f"https://www.schleswig-holstein.de/{number}",
                        "provider": "Land Schleswig-Holstein",
                        "description": "Informationen.",
                        "languages": "Deutsch, Englisch",
                    },
                )
            )
        page.save()

    return Case(page.url, grow, marker="Landesangebot ")


def help_page(home) -> Case:
    page = HelpPageFactory(parent=home, body=[])

    def grow(count: int) -> None:
        for _ in range(count):
            NeedFactory(organisation=organisation())

    return Case(page.url, grow, marker="Bedarf ")


def accessibility_statement_page(home) -> Case:
    page = AccessibilityStatementPageFactory(parent=home, barriers=[])

    def grow(count: int) -> None:
        page.refresh_from_db()
        for number in range(count):
            page.barriers.append(
                (
                    "barrier",
                    {
                        "title": f"Barriere {number}",
                        "description": "PDF ohne Tags.",
                        "reason": "disproportionate_burden",
                        "alternative": "Auf Anfrage als Text.",
                        "planned_fix": "",
                    },
                )
            )
        page.save()

    return Case(page.url, grow, marker="Barriere ")


def not_found(home) -> Case:
    def grow(count: int) -> None:
        for _ in range(count):
            ContentPageFactory(parent=home, show_in_menus=True)

    return Case("/gibt-es-nicht/", grow, status=404)


def open_data_json(home) -> Case:
    def grow(count: int) -> None:
        for _ in range(count):
            organisation()

    return Case(
        "/offene-daten/adressverzeichnis.json", grow, marker='"oeffnungszeiten"'
    )


def open_data_csv(home) -> Case:
    case = open_data_json(home)
    return Case(
        "/offene-daten/adressverzeichnis.csv", case.grow, marker="Organisation "
    )
