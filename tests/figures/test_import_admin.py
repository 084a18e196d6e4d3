"""The import in the admin: upload, preview with German errors per row,
"Importieren" only for a valid file; a record of every import."""

import hashlib
import re

from django.core.files.uploadedfile import SimpleUploadedFile

import pytest

from figures.models import Import, Value
from tests.admin_users import sidebar_labels, staff_user

from .factories import IndicatorFactory, SourceFactory

pytestmark = pytest.mark.django_db
URL = "/admin/figures_import/"


@pytest.fixture
def indicator():
    return IndicatorFactory(breakdown="district")


@pytest.fixture
def source():
    return SourceFactory()


def upload(client, indicator, source, text: str, name: str = "werte.csv"):
    return client.post(
        URL,
        {
            "indicator": indicator.pk,
            "source": source.pk,
            "file": SimpleUploadedFile(name, text.encode(), content_type="text/csv"),
        },
    )


def hidden_fields(html: str) -> dict:
    return dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', html))


GOOD = "Zeitraum;Stadtteil;Wert\nQ4/2016;Gesamt;1.240\nQ4/2016;Jürgensby;212\n"


def test_upload_previews_then_imports(editor_client, indicator, source, superuser):
    response = upload(editor_client, indicator, source, GOOD)
    assert response.status_code == 200
    html = response.content.decode()
    assert (
        "Alle 2 Zeilen sind in Ordnung: 2 neue, 0 geänderte, 0 unveränderte Werte"
        in html
    )
    assert not Value.objects.exists()  # nothing written by the preview
    fields = hidden_fields(html)
    response = editor_client.post(URL, fields)
    assert response.status_code == 302
    assert Value.objects.count() == 2
    record = Import.objects.get()
    assert record.user == superuser
    assert record.sha256 == hashlib.sha256(GOOD.encode()).hexdigest()
    listing = editor_client.get(URL).content.decode()
    assert "werte.csv" in listing and record.sha256[:16] in listing


def test_errors_are_shown_per_row_and_nothing_can_be_imported(
    editor_client, indicator, source
):
    text = "Zeitraum;Stadtteil;Wert\nQ4/2016;Gesamt;1.240\nQ9/2016;Tarupp;viel\n"
    response = upload(editor_client, indicator, source, text)
    assert response.status_code == 400
    html = response.content.decode()
    assert "1 Zeile hat Fehler. Es wurde nichts importiert." in html
    assert "„Q9/2016“ ist kein Zeitraum" in html
    assert "„Tarupp“ gibt es bei „Stadtteil“ nicht" in html
    assert "„viel“ ist keine Zahl" in html
    assert "payload" not in hidden_fields(html)
    assert not Value.objects.exists()


def test_a_forged_preview_imports_nothing(editor_client, indicator, source):
    fields = hidden_fields(
        upload(editor_client, indicator, source, GOOD).content.decode()
    )
    fields["payload"] = fields["payload"][:-3] + "abc"
    response = editor_client.post(URL, fields, follow=True)
    assert "Die Vorschau ist abgelaufen" in response.content.decode()
    assert not Value.objects.exists()


def test_missing_file_and_wrong_type(editor_client, indicator, source):
    response = editor_client.post(URL, {"indicator": indicator.pk, "source": source.pk})
    assert response.status_code == 400
    response = upload(editor_client, indicator, source, "%PDF", name="bericht.pdf")
    assert response.status_code == 400
    assert "Bitte eine CSV-Datei (.csv) oder Excel-Datei (.xlsx) hochladen." in (
        response.content.decode()
    )


def test_only_editors_with_value_permissions_import(client, django_user_model):
    reader = staff_user(django_user_model, "leser")
    client.force_login(reader)
    response = client.get(URL)
    # Wagtail's admin answers a refused permission with a redirect and a message.
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert "Werte importieren" not in sidebar_labels(
        client.get("/admin/").content.decode()
    )
    editor = staff_user(
        django_user_model, "statistik", "figures.add_value", "figures.change_value"
    )
    client.force_login(editor)
    assert client.get(URL).status_code == 200


def test_admin_menu_and_listings(editor_client, indicator, source):
    labels = sidebar_labels(editor_client.get("/admin/").content.decode())
    assert {"Kennzahlen", "Werte", "Quellen", "Werte importieren"} <= set(labels)
    for url in (
        "/admin/snippets/figures/indicator/",
        "/admin/snippets/figures/value/",
        "/admin/snippets/figures/source/",
    ):
        assert editor_client.get(url).status_code == 200


def test_new_source_records_its_editor(editor_client, superuser):
    response = editor_client.post(
        "/admin/snippets/figures/source/add/",
        {
            "publisher": "Stadt Flensburg",
            "title": "Bericht",
            "url": "",
            "retrieved": "",
            "licence": "dl-de/by-2-0",
            "licence_name": "",
            "licence_url": "",
        },
    )
    assert response.status_code == 302
    from figures.models import Source

    assert Source.objects.get(title="Bericht").entered_by == superuser


def test_value_form_refuses_unknown_breakdown_and_misaligned_quarter(
    editor_client, indicator, source
):
    response = editor_client.post(
        "/admin/snippets/figures/value/add/",
        {
            "indicator": indicator.pk,
            "granularity": "quarter",
            "period_start": "15.11.2016",
            "breakdown": "Nordstadtt",
            "value": "3",
            "source": source.pk,
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Bitte den ersten Tag des Zeitraums angeben" in html
    assert "Diesen Wert kennt die Aufschlüsselung der Kennzahl nicht" in html
    assert not Value.objects.exists()
