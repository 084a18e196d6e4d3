"""The editors' admin speaks German: third-party strings that were English or
broken German come from the project's catalogue (locale_overrides/, in
LOCALE_PATHS), Wagtail's English default data is renamed (core 0003), the
login form labels its fields, the page search names its listing, and the
"Hilfe" menu leads to the office's own guide."""

import html as html_module
import re

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile

from wagtail.models import Collection, Page, Workflow

import polib
import pytest

from core.bootstrap import content_locales
from core.models import SiteDocument
from demo.translations import object_translate
from tests.factories import EventIndexPageFactory, OfficePageFactory

pytestmark = pytest.mark.django_db


def text(response) -> str:
    assert response.status_code == 200, response.status_code
    return html_module.unescape(response.content.decode())


@pytest.fixture
def office(home):
    return OfficePageFactory(
        parent=home, slug="koordinierungsstelle", title="Koordinierungsstelle"
    )


def test_login_page(client):
    page = text(client.get("/admin/login/"))

    assert "Anmeldung für die Redaktion" in page
    assert ">\n                        Passwort" in page or "Passwort" in page
    for english in ("Bei Wagtail anmelden", "Password", "Sign in"):
        assert english not in page


def test_page_explorer_root_and_search_listing(editor_client, office):
    explorer = text(editor_client.get("/admin/pages/"))
    assert "Seitenbaum" in explorer
    assert "Root" not in explorer

    search = text(editor_client.get("/admin/pages/search/?q=Koordinierungsstelle"))
    assert "1-1 von 1 Seite" in search
    assert not re.search(r"\d+-\d+ von \d+ None", search)


def test_languages_screen(editor_client, home):
    content_locales()
    page = text(editor_client.get("/admin/locales/"))

    assert "Sprache hinzufügen" in page
    assert "Sprachen" in page
    assert "Add a locale" not in page
    assert not re.search(r">\s*Locales?\s*<", page)
    # The usage column: "1 Seite", not wagtail-localize's "1 pages".
    assert re.search(r"\b1 Seite\b", page)
    assert not re.search(r"\d+ pages", page)


def test_page_editor(editor_client, office):
    page = text(editor_client.get(f"/admin/pages/{office.pk}/edit/"))

    assert "Adresse (URL-Teil)" in page
    assert "Der letzte Teil der Webadresse dieser Seite" in page
    assert "Weitere Aktionen" in page
    assert "More actions" not in page
    assert not re.search(r">\s*Locales?\s*<", page)


def test_translation_editor(editor_client, office):
    content_locales()
    object_translate(
        instance=office,
        language="uk",
        strings={"Koordinierungsstelle": {"uk": "Координаційний центр"}},
    )
    translated = office.get_translations().get(locale__language_code="uk")

    page = text(editor_client.get(f"/admin/pages/{translated.pk}/edit/"))

    # Each string's note; the props are JSON, so "Ü" is "\\u00dc" there.
    assert "bersetzt mit" in page or "Von Hand" in page
    assert "Translated" not in page
    # No English date such as "am 4 December 2026" (strftime in the C locale).
    assert not re.search(r"\d+ [A-Z][a-z]+ \d{4}", page)
    catalogue = editor_client.get("/admin/localize/jsi18n/").content.decode()
    assert "PO-Datei herunterladen" in catalogue
    assert "Lade PO Datei" not in catalogue


def test_document_edit_view(editor_client):
    document = SiteDocument.objects.create(
        title="Arbeitspapier",
        file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="arbeitspapier.pdf"),
    )

    page = text(editor_client.get(f"/admin/documents/edit/{document.pk}/"))

    assert "Dateigröße" in page
    assert "Dateigrösse" not in page
    assert "Root" not in page


def test_delete_confirmation(editor_client, office):
    EventIndexPageFactory(parent=office)

    page = text(editor_client.get(f"/admin/pages/{office.pk}/delete/"))

    assert "Möchten Sie" in page or "Sind Sie sicher" in page
    assert "-Objekt" not in page


def test_default_workflow_collection_and_root_are_german():
    assert Workflow.objects.filter(
        name="Freigabe durch die Koordinierungsstelle"
    ).exists()
    assert not Workflow.objects.filter(name="Moderators approval").exists()
    assert Page.get_first_root_node().title == "Seitenbaum"
    assert Collection.get_first_root_node().name == "Allgemein"


def test_workflow_list(editor_client):
    page = text(editor_client.get("/admin/workflows/list/"))

    assert "Freigabe durch die Koordinierungsstelle" in page
    assert "Moderators approval" not in page


def test_help_menu_leads_to_the_german_guide(editor_client):
    dashboard = text(editor_client.get("/admin/"))
    assert '"url": "/admin/anleitung/"' in dashboard
    assert '"name": "editors-guide"' in dashboard
    # Wagtail's English guide and its release notes left the help menu.
    assert '"name": "editor-guide"' not in dashboard
    assert '"name": "whats-new-in-wagtail' not in dashboard

    guide = text(editor_client.get("/admin/anleitung/"))
    for heading in (
        "Seiten bearbeiten und veröffentlichen",
        "Datum und Uhrzeit eingeben",
        "Vorschau und Überprüfungen",
        "Freigabe",
        "Übersetzen",
        "Maßnahmensteckbriefe und Dokumente",
        "Rückmeldungen und gemeldete Barrieren",
        "Adressverzeichnis",
        "Aktualität und überfällige Inhalte",
    ):
        assert heading in guide
    assert "31.12.2026" in guide


def test_the_guide_is_for_staff_only(client):
    response = client.get("/admin/anleitung/")

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_override_catalogue_is_compiled(settings):
    base = settings.BASE_DIR / "locale_overrides" / "de" / "LC_MESSAGES"
    for domain in ("django", "djangojs"):
        po = polib.pofile(str(base / f"{domain}.po"))
        mo = polib.mofile(str(base / f"{domain}.mo"))
        compiled = {entry.msgid: entry.msgstr or entry.msgstr_plural for entry in mo}
        assert po.percent_translated() == 100
        for entry in po:
            assert compiled[entry.msgid] == (entry.msgstr or entry.msgstr_plural)


def test_moderators_group_is_untouched():
    """Only the names Wagtail gave its default data change, not who approves."""
    workflow = Workflow.objects.get(name="Freigabe durch die Koordinierungsstelle")
    task = workflow.tasks.get().specific
    assert list(task.groups.all()) == [Group.objects.get(name="Moderators")]


@pytest.mark.parametrize(
    ("url", "title"),
    [
        ("/admin/snippets/choose/contacts/place/", "Ort auswählen"),
        ("/admin/snippets/choose/contacts/person/", "Person auswählen"),
        (
            "/admin/snippets/choose/integration_checkup/fieldofaction/",
            "Handlungsfeld auswählen",
        ),
    ],
)
def test_snippet_chooser_title(editor_client, url, title):
    response = editor_client.get(url)

    modal = html_module.unescape(response.json()["html"])
    header = re.search(r'<h1 class="w-header__title".*?</h1>', modal, re.S).group(0)
    plain = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", header)).strip()
    assert plain == title
