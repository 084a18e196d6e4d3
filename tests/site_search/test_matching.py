"""What the search finds: German forms, every kind of content, only public content.

These run on SQLite (FTS5) and on PostgreSQL (German configuration) alike.
"""

import random
import re

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model

import pytest

from contacts.models import District
from integration_checkup.models import MeasureStatus
from tests.contacts.factories import OrganisationFactory, PlaceFactory
from tests.core.text_documents import docx_bytes, odt_bytes, pdf_bytes
from tests.factories import ContentPageFactory, InfoIndexPageFactory, InfoPageFactory
from tests.integration_checkup.factories import (
    FieldOfActionFactory,
    MeasureSheetFactory,
)

pytestmark = pytest.mark.django_db

# The start page and the info index are both called so in the factories.
HOME_TITLE = "Flüchtlinge in Flensburg"


def paragraph(text: str) -> list:
    return [("paragraph", f"<p>{text}</p>")]


@pytest.fixture
def pages(home):
    info = InfoIndexPageFactory(parent=home, intro="Informationen für Geflüchtete.")
    return {
        "wohnung": InfoPageFactory(
            parent=info,
            title="Eine Wohnung finden",
            intro="So finden Sie eine Wohnung in Flensburg.",
        ),
        "wohnungen": ContentPageFactory(
            parent=home,
            title="Freie Wohnungen",
            intro="Aktuelle Angebote.",
        ),
        "suche": ContentPageFactory(
            parent=home,
            title="Beratung",
            intro="Beratung für Familien.",
            body=paragraph("Wir helfen bei der Wohnungssuche und beim Umzug."),
        ),
        "fluechtlinge": ContentPageFactory(
            parent=home,
            title="Zahlen und Fakten",
            intro="Wie viele Flüchtlinge leben in Flensburg?",
        ),
        "strasse": ContentPageFactory(
            parent=home,
            title="Anfahrt",
            intro="Sie finden uns in der Rathausstraße 1.",
        ),
        "arbeit": ContentPageFactory(
            parent=home,
            title="Ausbildung",
            intro="Der Arbeitsmarkt braucht Fachkräfte.",
        ),
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Wohnungen", {"Eine Wohnung finden", "Freie Wohnungen", "Beratung"}),
        ("Wohnung", {"Eine Wohnung finden", "Freie Wohnungen", "Beratung"}),
        ("wohnung", {"Eine Wohnung finden", "Freie Wohnungen", "Beratung"}),
        ("Fluechtlinge", {"Zahlen und Fakten", HOME_TITLE}),
        ("FLÜCHTLINGE", {"Zahlen und Fakten", HOME_TITLE}),
        ("Flüchtling", {"Zahlen und Fakten", HOME_TITLE}),
        ("Strasse", {"Anfahrt"}),
        ("Straße", {"Anfahrt"}),
        ("Rathausstrasse", {"Anfahrt"}),
        ("Arbeit", {"Ausbildung"}),
        ("Wohnung Umzug", {"Beratung"}),
    ],
)
def test_pages_are_found_by_german_word_forms(search, pages, query, expected):
    results = search(query)

    assert results.status_code == 200
    assert set(results.titles_in("seiten")) == expected


def test_a_short_word_finds_whole_words_a_long_one_their_beginning(search, home):
    ContentPageFactory(parent=home, title="Sprachkurse", intro="Deutsch lernen.")
    ContentPageFactory(parent=home, title="Kurz erklärt", intro="Das Wichtigste.")
    ContentPageFactory(parent=home, title="Kursangebote", intro="Im Herbst.")

    assert set(search("Kurs").titles) == {"Sprachkurse"}
    assert set(search("Sprachkur").titles) == {"Sprachkurse"}
    assert set(search("Kursangebot").titles) == {"Kursangebote"}


def test_a_word_that_is_nowhere_finds_nothing(search, pages):
    results = search("Quantenchromodynamik")

    assert results.titles == []
    assert "haben wir leider nichts gefunden" in results.html


def test_a_title_match_ranks_first(search, home):
    ContentPageFactory(parent=home, title="Impressum", intro="Fragen zum Sprachkurs?")
    ContentPageFactory(parent=home, title="Sprachkurse", intro="Deutsch lernen.")

    assert search("Sprachkurs").titles_in("seiten") == ["Sprachkurse", "Impressum"]


def test_unpublished_and_private_pages_are_not_found(search, home):
    ContentPageFactory(parent=home, title="Entwurf zur Wohnung", live=False)
    private = ContentPageFactory(parent=home, title="Intern: Wohnung")
    private.view_restrictions.create(restriction_type="login")
    ContentPageFactory(parent=private, title="Auch intern: Wohnung")
    ContentPageFactory(parent=home, title="Öffentlich: Wohnung")

    assert search("Wohnung").titles == ["Öffentlich: Wohnung"]


def test_page_hits_link_to_the_page_with_a_highlighted_excerpt(search, pages):
    hit = search("Wohnung").hit("Beratung")

    assert hit["url"] == "/beratung/"
    assert (
        "Wir helfen bei der <mark>Wohnungssuche</mark> und beim Umzug." in hit["rest"]
    )


@pytest.fixture
def wohnen():
    return FieldOfActionFactory(name="Wohnen", slug="wohnen")


def test_measure_sheets_are_found_also_by_their_field_of_action(
    search, checkup_page, wohnen
):
    arbeit = FieldOfActionFactory(name="Arbeit", slug="arbeit")
    MeasureSheetFactory(
        number=7,
        title="Mietberatung",
        field_of_action=wohnen,
        summary="Beratung zu Mietverträgen.",
    )
    MeasureSheetFactory(number=8, title="Jobcoaching", field_of_action=arbeit)

    results = search("Wohnung")

    assert results.titles_in("massnahmen") == ["Nr. 7: Mietberatung"]
    hit = results.hit("Nr. 7: Mietberatung")
    assert hit["url"] == "/check-up-integration/massnahmen/7/"
    assert "Handlungsfeld Wohnen" in re.sub(r"<[^>]+>", "", hit["rest"])


def test_only_published_measure_sheets_are_found(search, checkup_page, wohnen):
    MeasureSheetFactory(number=1, title="Wohnungsbörse", field_of_action=wohnen)
    MeasureSheetFactory(
        number=2, title="Wohnprojekt (Entwurf)", field_of_action=wohnen, live=False
    )

    assert search("Wohnung").titles_in("massnahmen") == ["Nr. 1: Wohnungsbörse"]


def test_draft_changes_of_a_published_sheet_are_not_searchable(
    search, checkup_page, wohnen
):
    sheet = MeasureSheetFactory(number=1, title="Wohnungsbörse", field_of_action=wohnen)
    sheet.summary = "Geheimer Entwurfstext über Quantenphysik."
    sheet.save_revision()

    assert search("Quantenphysik").titles == []
    assert search("Wohnungsbörse").titles_in("massnahmen") == ["Nr. 1: Wohnungsbörse"]


def test_measure_goals_rich_text_is_searched_without_markup(
    search, checkup_page, wohnen
):
    MeasureSheetFactory(
        number=3,
        title="Lotsen",
        field_of_action=wohnen,
        goals="<p>Mehr <b>Sprachmittler</b> für Behördengänge</p>",
    )

    hit = search("Sprachmittlerinnen Behördengang").hit("Nr. 3: Lotsen")
    assert "<mark>Sprachmittler</mark> für <mark>Behördengänge</mark>" in hit["rest"]


def test_organisations_are_found_by_name_description_and_address(search, help_page):
    OrganisationFactory(
        name="Deutschkurse für alle e. V.",
        description="Kostenlose Kurse am Abend.",
        place=PlaceFactory(street="Große Straße 12", district=District.ALTSTADT),
    )
    OrganisationFactory(name="Kleiderkammer", description="Kleidung für Familien.")

    assert search("Deutschkurs").titles_in("adressen") == [
        "Deutschkurse für alle e. V."
    ]
    assert search("Grosse Strasse").titles_in("adressen") == [
        "Deutschkurse für alle e. V."
    ]
    assert search("Altstadt Kurse").titles_in("adressen") == [
        "Deutschkurse für alle e. V."
    ]
    hit = search("Kleidung").hit("Kleiderkammer")
    assert hit["url"] == "/helfen/?q=Kleiderkammer#directory-heading"
    assert "Holm 1, 24937 Flensburg" in hit["rest"]


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("papier.pdf", pdf_bytes("Die Wohnungssuche ist schwer.")),
        ("papier.docx", docx_bytes("Die Wohnungssuche ist schwer.")),
        ("papier.odt", odt_bytes("Die Wohnungssuche ist schwer.")),
    ],
)
def test_documents_are_found_by_the_text_inside(search, make_document, name, content):
    make_document("Statusanalyse Handlungsfeld 3", content, name=name)

    results = search("Wohnungen")

    assert results.titles_in("dokumente") == ["Statusanalyse Handlungsfeld 3"]
    hit = results.hit("Statusanalyse Handlungsfeld 3")
    assert hit["url"].startswith("/dokumente/")
    assert "Die <mark>Wohnungssuche</mark> ist schwer." in hit["rest"]
    assert name.rsplit(".", 1)[1].upper() in hit["rest"]


def test_documents_in_private_collections_are_not_found(search, make_document):
    from wagtail.models import Collection, CollectionViewRestriction

    root = Collection.get_first_root_node()
    private = root.add_child(name="Intern")
    below = private.add_child(name="Noch tiefer")
    public = root.add_child(name="Öffentlich")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    for title, collection in [
        ("Intern", private),
        ("Tiefer", below),
        ("Öffentlich", public),
        ("Wurzel", root),
    ]:
        make_document(title, pdf_bytes("Protokoll zur Wohnung"), collection=collection)

    assert sorted(search("Wohnung").titles_in("dokumente")) == ["Wurzel", "Öffentlich"]


def test_results_are_grouped_by_kind_with_counts(
    search, pages, checkup_page, help_page, wohnen, make_document
):
    MeasureSheetFactory(number=1, title="Wohnungsbörse", field_of_action=wohnen)
    OrganisationFactory(name="Wohnraum für alle", description="Vermittlung.")
    make_document("Mietspiegel", pdf_bytes("Wohnungen in Flensburg"))

    results = search("Wohnung")

    assert "6 Treffer für „Wohnung“" in results.html
    headings = [
        ("seiten", 'Seiten <span class="search-group__count">(3)</span>'),
        (
            "massnahmen",
            'Maßnahmensteckbriefe <span class="search-group__count">(1)</span>',
        ),
        ("adressen", 'Adressen <span class="search-group__count">(1)</span>'),
        ("dokumente", 'Dokumente <span class="search-group__count">(1)</span>'),
    ]
    positions = [results.html.index(heading) for _key, heading in headings]
    assert positions == sorted(positions)
    assert results.titles_in("dokumente") == ["Mietspiegel"]


def test_a_status_word_finds_measures_through_their_text(search, checkup_page, wohnen):
    MeasureSheetFactory(
        number=5,
        title="Patenschaften",
        field_of_action=wohnen,
        status=MeasureStatus.ADOPTED,
        partners="Diakonisches Werk, Caritas",
    )

    assert search("Caritas").titles_in("massnahmen") == ["Nr. 5: Patenschaften"]


def test_a_huge_document_of_rare_long_words_is_still_indexed(search, make_document):
    # A table of codes or a PDF with a broken font: 200,000 characters of words
    # that occur once. PostgreSQL refuses a search vector over 1 MB.
    rng = random.Random(7)  # noqa: S311 - test data
    letters = "abcdefghijklmnopqrstuvwxyzäöüß"
    words = (
        "".join(rng.choice(letters) for _ in range(rng.randint(8, 20)))
        for _ in range(20_000)
    )
    text = " ".join(words)[:200_000]
    get_document_model().objects.create(
        title="Codeliste Wohnung",
        file=ContentFile(b"%PDF-1.4\n", name="codes.pdf"),
        extracted_text=text,
    )

    assert search("Codeliste").titles_in("dokumente") == ["Codeliste Wohnung"]
