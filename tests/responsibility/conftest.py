"""A finder page with two questions, built as an editor would."""

from __future__ import annotations

import uuid

import pytest

from responsibility.models import ResponsibilityFinderPage
from tests.contacts.factories import OrganisationFactory, PersonFactory
from tests.factories import InfoIndexPageFactory, InfoPageFactory


def item(value):
    return {"type": "item", "value": value, "id": str(uuid.uuid4())}


def question(text, answers, help_text=""):
    return {
        "type": "question",
        "id": str(uuid.uuid4()),
        "value": {
            "question": text,
            "help": help_text,
            "answers": [
                item({"key": key, "label": label, "hint": ""}) for key, label in answers
            ],
        },
    }


def result(keys, heading, *, organisations=(), people=(), pages=(), text=""):
    return {
        "type": "result",
        "id": str(uuid.uuid4()),
        "value": {
            "answers": [item(key) for key in keys],
            "heading": heading,
            "text": text,
            "contacts": [
                item({"person": None, "organisation": org.pk}) for org in organisations
            ]
            + [item({"person": person.pk, "organisation": None}) for person in people],
            "pages": [item(page.pk) for page in pages],
        },
    }


STATUS = [
    ("asylbewerber", "Asylbewerberin oder Asylbewerber"),
    ("anerkannt", "Anerkannt"),
    ("weiss-nicht", "Weiß ich nicht"),
]
TOPICS = [("wohnen", "Wohnen"), ("geld", "Geld und Leistungen"), ("arbeit", "Arbeit")]


def finder_stream(*, housing, general, extra_results=0, info_page=None):
    stream = [
        question("Welchen Aufenthaltsstatus haben Sie?", STATUS),
        question("Worum geht es?", TOPICS),
        result(
            ["asylbewerber", "wohnen"],
            "Wohnen während des Asylverfahrens",
            organisations=housing,
            pages=[info_page] if info_page else [],
            text="<p>Die Stadt weist eine Unterkunft zu.</p>",
        ),
        result([], "Die Koordinierungsstelle hilft weiter", organisations=general),
    ]
    for number in range(extra_results):
        stream.append(
            result(["anerkannt", TOPICS[number % 3][0]], f"Ergebnis {number}")
            if number < 3
            else result(["weiss-nicht", "arbeit"][: 1 + number % 2], f"E {number}")
        )
    return stream


@pytest.fixture
def housing_office(db):
    return OrganisationFactory(
        name="Wohnungsamt Beispiel", phone="0461 85-2000", description="Unterkunft."
    )


@pytest.fixture
def finder_page(home, housing_office):
    index = InfoIndexPageFactory(parent=home, slug="fluechtlinge-in-flensburg")
    info = InfoPageFactory(parent=index, title="Leistungen", slug="leistungen")
    page = ResponsibilityFinderPage(
        title="Wer ist zuständig?",
        slug="wer-ist-zustaendig",
        intro="Zwei Fragen.",
        finder=finder_stream(
            housing=[housing_office],
            general=[OrganisationFactory(name="Koordinierungsstelle")],
            info_page=info,
        ),
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


__all__ = ["PersonFactory", "finder_stream", "question", "result", "item"]
