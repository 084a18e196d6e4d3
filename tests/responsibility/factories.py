"""A finder page with one question and the general result (the smallest page
the admin accepts), for tests that need any page of this type."""

import uuid

import factory

from responsibility.models import ResponsibilityFinderPage
from tests.factories import BasePageFactory


def minimal_finder() -> list[dict]:
    def item(value):
        return {"type": "item", "value": value, "id": str(uuid.uuid4())}

    return [
        {
            "type": "question",
            "id": str(uuid.uuid4()),
            "value": {
                "question": "Worum geht es?",
                "help": "",
                "answers": [
                    item({"key": "wohnen", "label": "Wohnen", "hint": ""}),
                    item({"key": "arbeit", "label": "Arbeit", "hint": ""}),
                ],
            },
        },
        {
            "type": "result",
            "id": str(uuid.uuid4()),
            "value": {
                "answers": [],
                "heading": "Die Koordinierungsstelle hilft weiter",
                "text": "<p>Rufen Sie uns an.</p>",
                "contacts": [],
                "pages": [],
            },
        },
    ]


class ResponsibilityFinderPageFactory(BasePageFactory):
    title = "Wer ist zuständig?"
    slug = "wer-ist-zustaendig"
    finder = factory.LazyFunction(minimal_finder)

    class Meta:
        model = ResponsibilityFinderPage
