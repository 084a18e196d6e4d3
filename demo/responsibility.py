"""The demo's "Wer ist zuständig?": two questions (status, topic) and
results for the person groups of the source page (Transitreisende,
Asylbewerber, Asylberechtigte, Geduldete), pointing to the demo directory
and the info pages. Contacts marked "Beispiel" in the directory are examples;
the page sets ``contains_examples``."""

from __future__ import annotations

import uuid
from typing import Any

from demo.contacts import demo_organisation, office_contact_person, office_organisation
from demo.tree import PageSpec
from responsibility.models import ResponsibilityFinderPage

SLUG = "wer-ist-zustaendig"
TITLE = "Wer ist zuständig?"
INFO = "fluechtlinge-in-flensburg"
COUNSELLING = "Beispiel: Migrationsberatung"
LANGUAGE_CAFE = "Beispiel: Sprachcafé Fruerlund"
STATE_OFFICE = "Landesamt für Ausländerangelegenheiten Schleswig-Holstein"

STATUS = [
    (
        "asylbewerber",
        "Asylbewerberin oder Asylbewerber",
        "Ihr Asylverfahren läuft noch.",
    ),
    ("ukraine", "Schutz nach § 24 AufenthG (Ukraine)", ""),
    ("anerkannt", "Anerkannt (Asyl oder Flüchtlingsschutz)", ""),
    ("geduldet", "Geduldet", "Sie haben eine Duldung."),
    ("transit", "Auf der Durchreise", ""),
    ("weiss-nicht", "Weiß ich nicht", ""),
]
TOPICS = [
    ("wohnen", "Wohnen", ""),
    ("geld", "Geld und Leistungen", ""),
    ("arbeit", "Arbeit", ""),
    ("sprache", "Sprache", ""),
    ("gesundheit", "Gesundheit", ""),
    ("schule-kita", "Schule und Kita", ""),
    ("ehrenamt", "Ehrenamt", "Sie möchten helfen."),
]

# (answer keys, heading, text, contacts, info pages below "fluechtlinge-in-flensburg")
RESULTS = [
    (
        [],
        "Die Koordinierungsstelle hilft weiter",
        "<p>Sie wissen nicht, wer zuständig ist? Rufen Sie die Koordinierungsstelle an. "
        "Wir sagen Ihnen, wer Ihnen helfen kann.</p>",
        ["office-person"],
        ["zustaendigkeiten", "adressen-und-kontakte"],
    ),
    (
        ["asylbewerber", "wohnen"],
        "Wohnen während des Asylverfahrens",
        "<p>Während des Asylverfahrens weist die Stadt Ihnen eine Unterkunft zu. Bei "
        "Fragen zur Unterkunft hilft die Koordinierungsstelle (Beispiel).</p>",
        ["office", COUNSELLING],
        ["leistungen"],
    ),
    (
        ["asylbewerber", "geduldet", "geld"],
        "Leistungen nach dem Asylbewerberleistungsgesetz",
        "<p>Asylbewerberinnen, Asylbewerber und Geduldete erhalten Leistungen von der "
        "Stadt. Die Beratung hilft beim Antrag (Beispiel).</p>",
        [COUNSELLING, "office"],
        ["leistungen"],
    ),
    (
        ["anerkannt", "ukraine", "geld", "arbeit", "wohnen"],
        "Jobcenter und Beratung",
        "<p>Nach der Anerkennung und mit Schutz nach § 24 ist meist das Jobcenter "
        "zuständig: für Geld, Arbeit und die Kosten der Wohnung. Die Beratung hilft Ihnen "
        "dabei (Beispiel).</p>",
        [COUNSELLING],
        ["leistungen", "rechte"],
    ),
    (
        ["transit"],
        "Auf der Durchreise",
        "<p>Für Menschen auf der Durchreise ist das Land zuständig. Die "
        "Koordinierungsstelle sagt Ihnen, wohin Sie sich wenden.</p>",
        [STATE_OFFICE, "office"],
        ["zustaendigkeiten"],
    ),
    (
        ["sprache"],
        "Deutsch lernen",
        "<p>Hier können Sie Deutsch sprechen und lernen (Beispiel).</p>",
        [LANGUAGE_CAFE, COUNSELLING],
        ["rechte"],
    ),
    (
        ["ehrenamt"],
        "Helfen und mitmachen",
        "<p>Die Koordinierungsstelle bringt Ehrenamtliche und Initiativen zusammen.</p>",
        ["office"],
        [],
    ),
    (
        ["geduldet"],
        "Beratung bei einer Duldung",
        "<p>Mit einer Duldung ist eine unabhängige Beratung zu Aufenthalt und Rechten "
        "wichtig (Beispiel).</p>",
        [COUNSELLING],
        ["rechte"],
    ),
]


def _item(value: Any) -> dict[str, Any]:
    """A list item in Wagtail's block format: with an id, so that
    wagtail-localize offers it for translation and finds it again."""
    return {"type": "item", "value": value, "id": str(uuid.uuid4())}


def _question(text: str, help_text: str, answers) -> dict[str, Any]:
    return {
        "type": "question",
        "id": str(uuid.uuid4()),
        "value": {
            "question": text,
            "help": help_text,
            "answers": [
                _item({"key": key, "label": label, "hint": hint})
                for key, label, hint in answers
            ],
        },
    }


def _contact(name: str) -> dict[str, Any]:
    if name == "office-person":
        return {"person": office_contact_person().pk, "organisation": None}
    if name == "office":
        return {"person": None, "organisation": office_organisation().pk}
    organisation = demo_organisation(name)
    return {"person": None, "organisation": organisation.pk if organisation else None}


def finder_stream() -> list[dict[str, Any]]:
    """The finder's raw stream data (contacts looked up now; the info pages
    are linked once the tree exists, see ``link_info_pages``)."""
    stream = [
        _question(
            "Welchen Aufenthaltsstatus haben Sie?",
            "Das steht auf Ihrem Ausweis oder Ihrer Bescheinigung.",
            STATUS,
        ),
        _question("Worum geht es?", "", TOPICS),
    ]
    for keys, heading, text, contacts, _pages in RESULTS:
        stream.append(
            {
                "type": "result",
                "id": str(uuid.uuid4()),
                "value": {
                    "answers": [_item(key) for key in keys],
                    "heading": heading,
                    "text": text,
                    "contacts": [
                        _item(value)
                        for value in map(_contact, contacts)
                        if value["person"] or value["organisation"]
                    ],
                    "pages": [],
                },
            }
        )
    return stream


def responsibility_demo_link(created: list[str]) -> bool:
    """Point the finder's results at the info pages, once they exist, only
    if this run created the finder (an editor's links survive re-runs)."""
    page = ResponsibilityFinderPage.objects.filter(
        slug=SLUG, locale__language_code="de"
    ).first()
    if page is None or page.url_path not in created:
        return False
    link_info_pages(page)
    return True


def link_info_pages(page: ResponsibilityFinderPage) -> None:
    """Point the results at the info pages (they exist once the tree is built)."""
    info = page.get_parent().get_children().filter(slug=INFO).first()
    if info is None:
        return
    topics = {child.slug: child.pk for child in info.get_children()}
    stream = page.finder.raw_data
    results = [child for child in stream if child["type"] == "result"]
    for child, (_keys, _heading, _text, _contacts, pages) in zip(
        results, RESULTS, strict=True
    ):
        child["value"]["pages"] = [
            _item(topics[slug]) for slug in pages if slug in topics
        ]
    page.finder = list(stream)
    page.save_revision().publish()


FINDER = PageSpec(
    model=ResponsibilityFinderPage,
    slug=SLUG,
    title=TITLE,
    fields={
        "intro": (
            "Zwei kurze Fragen, dann wissen Sie, an wen Sie sich wenden können. "
            "Wir speichern Ihre Antworten nicht."
        ),
        "finder": finder_stream,
        "contains_examples": True,
    },
)
