"""The results page costs the same number of SQL queries, whatever the amount
of content (and of matching content)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from tests.contacts.factories import OrganisationFactory
from tests.core.text_documents import pdf_bytes
from tests.factories import ContentPageFactory
from tests.integration_checkup.factories import (
    FieldOfActionFactory,
    MeasureSheetFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def add_content(home, checkup_page, help_page, make_document):
    wohnen = FieldOfActionFactory(name="Wohnen", slug="wohnen")
    added = {"count": 0}

    def add(count: int) -> None:
        for _ in range(count):
            number = added["count"] = added["count"] + 1
            contact = OrganisationFactory(
                name=f"Wohnraumhilfe {number}", description="Berät zur Wohnung."
            )
            ContentPageFactory(
                parent=home,
                title=f"Wohnung {number}",
                intro="Tipps zur Wohnungssuche.",
                body=[
                    ("heading", {"text": "Wohnen in Flensburg", "level": "h2"}),
                    ("paragraph", "<p>Eine <b>Wohnung</b> finden.</p>"),
                    ("contact", {"organisation": contact, "heading": "Kontakt"}),
                    (
                        "call_to_action",
                        {
                            "title": "Beratung zur Wohnung",
                            "text": "Jetzt anfragen.",
                            "link": {"page": home, "label": "Start"},
                            "button_label": "Los",
                        },
                    ),
                ],
            )
            MeasureSheetFactory(
                number=number, title=f"Wohnprojekt {number}", field_of_action=wohnen
            )
            make_document(f"Mietspiegel {number}", pdf_bytes("Wohnungen und Mieten"))
            OrganisationFactory(name=f"Kleiderkammer {number}", description="Kleidung.")
            ContentPageFactory(parent=home, title=f"Sprachkurs {number}", intro="Kurs.")

    return add


def queries_for(client, url: str) -> tuple[int, str]:
    client.get(url)  # caches (site root paths) filled as on a running site
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries), response.content.decode()


@pytest.mark.parametrize(
    "url", ["/suche/?q=Wohnung", "/suche/?q=Wohnung&typ=seiten", "/en/suche/?q=Wohnung"]
)
def test_queries_do_not_grow_with_the_content(client, add_content, url):
    add_content(2)
    small, small_html = queries_for(client, url)
    add_content(40)
    large, large_html = queries_for(client, url)

    # More content and more hits on the page, the same queries: no query per hit.
    assert small_html.count('class="search-hit"') < large_html.count(
        'class="search-hit"'
    )
    assert small == large
    assert small <= 30


def test_a_kind_page_with_documents_costs_as_much(client, add_content):
    url = "/suche/?q=Wohnung&typ=dokumente&seite=2"
    add_content(11)
    small, _html = queries_for(client, url)
    add_content(30)
    large, _html = queries_for(client, url)

    assert small == large
