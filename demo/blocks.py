"""Small builders for the raw StreamField data of the demo pages."""

from __future__ import annotations

import uuid
from typing import Any

from demo.contacts import office_contact_person, office_organisation


def heading(text: str, level: str = "h2") -> dict[str, Any]:
    return {"type": "heading", "value": {"text": text, "level": level}}


def paragraph(html: str) -> dict[str, Any]:
    return {"type": "paragraph", "value": html}


def notice(title: str, html: str = "", kind: str = "info") -> dict[str, Any]:
    return {"type": "notice", "value": {"kind": kind, "title": title, "text": html}}


def accordion(title: str, items: list[tuple[str, str]]) -> dict[str, Any]:
    return {
        "type": "accordion",
        "value": {
            "title": title,
            # List items with ids (Wagtail's list block format): without one,
            # wagtail-localize offers no item of the list for translation.
            "items": [
                {
                    "type": "item",
                    "value": {"heading": head, "content": html},
                    "id": str(uuid.uuid4()),
                }
                for head, html in items
            ],
        },
    }


def office_contact() -> dict[str, Any]:
    """The contact person from the directory (built when the page is created)."""
    return {
        "type": "contact",
        "value": {
            "person": office_contact_person().pk,
            "organisation": None,
            "heading": "",
        },
    }


def office_entry() -> dict[str, Any]:
    """The office's entry in the directory: address, phone, e-mail, hours."""
    return {
        "type": "contact",
        "value": {
            "person": None,
            "organisation": office_organisation().pk,
            "heading": "",
        },
    }


def link(
    page: str = "", url: str = "", label: str = "", description: str = ""
) -> dict[str, Any]:
    value = {"page": page or None, "document": None, "url": url, "label": label}
    if description:
        value["description"] = description
    return value
