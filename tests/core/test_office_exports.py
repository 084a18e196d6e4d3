"""Feedback and barrier reports exported for office software (core.exports):
CSV with semicolons and BOM, XLSX, German headings and status words, local
time, filters kept, formulas neutralised, only with the export permission."""

import csv
import datetime
import io
import zoneinfo

from django.contrib.auth.models import Group, Permission
from django.urls import reverse

import openpyxl
import pytest

from integration_checkup.models.feedback import Feedback, FeedbackStatus
from pages.models import BarrierReport
from pages.models.barrier_report import BarrierReportStatus
from tests.conftest import EDITOR_PASSWORD
from tests.integration_checkup.factories import FeedbackFactory, MeasureSheetFactory

pytestmark = pytest.mark.django_db

FEEDBACK_URL = "/admin/snippets/integration_checkup/feedback/"
BARRIERS_URL = "/admin/snippets/pages/barrierreport/"
UTC = datetime.UTC
BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")


def csv_rows(response) -> list[list[str]]:
    body = b"".join(response.streaming_content)
    assert body.startswith(b"\xef\xbb\xbf")  # UTF-8 byte order mark
    return list(csv.reader(io.StringIO(body[3:].decode("utf-8")), delimiter=";"))


def xlsx_rows(response) -> list[tuple]:
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    return list(workbook.active.iter_rows())


@pytest.fixture
def feedback():
    winter = FeedbackFactory(
        measure=MeasureSheetFactory(number=7, title="Wohnungsbörse"),
        text="Bitte mehr Termine.",
        name="Amina K.",
        email="amina@example.org",
        status=FeedbackStatus.APPROVED,
    )
    summer = FeedbackFactory(
        measure=winter.measure,
        text='=HYPERLINK("http://evil.example","Klick")',
        name="@Mallory",
        status=FeedbackStatus.PENDING,
    )
    # 13:30 UTC is 14:30 in Flensburg in winter (CET), 15:30 in summer (CEST).
    Feedback.objects.filter(pk=winter.pk).update(
        created_at=datetime.datetime(2026, 12, 5, 13, 30, tzinfo=UTC)
    )
    Feedback.objects.filter(pk=summer.pk).update(
        created_at=datetime.datetime(2026, 7, 1, 13, 30, tzinfo=UTC)
    )
    return winter, summer


def test_feedback_as_csv_for_office_software(editor_client, feedback):
    response = editor_client.get(FEEDBACK_URL + "?export=csv")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="rueckmeldungen-' in response["Content-Disposition"]
    header, winter, summer = csv_rows(response)
    assert header == [
        "Maßnahmensteckbrief",
        "Eingegangen am",
        "Status",
        "Name",
        "E-Mail",
        "Rückmeldung",
        "Interne Notiz",
    ]
    assert winter[1:6] == [
        "05.12.2026 14:30",
        "Freigegeben",
        "Amina K.",
        "amina@example.org",
        "Bitte mehr Termine.",
    ]
    assert summer[1:3] == ["01.07.2026 15:30", "Neu, noch nicht geprüft"]
    # Neither the text nor the name becomes a formula in Excel or Calc.
    assert summer[5] == '\'=HYPERLINK("http://evil.example","Klick")'
    assert summer[3] == "'@Mallory"


def test_feedback_as_xlsx_for_office_software(editor_client, feedback):
    response = editor_client.get(FEEDBACK_URL + "?export=xlsx")

    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.xlsx"')
    header, winter, summer = xlsx_rows(response)
    assert [cell.value for cell in header][:3] == [
        "Maßnahmensteckbrief",
        "Eingegangen am",
        "Status",
    ]
    # Real date cells in local time, shown the German way.
    assert winter[1].value == datetime.datetime(2026, 12, 5, 14, 30)
    assert winter[1].number_format == "DD.MM.YYYY HH:MM"
    assert summer[1].value == datetime.datetime(2026, 7, 1, 15, 30)
    assert winter[2].value == "Freigegeben"
    # Kept as typed, but text: never evaluated, also not after an edit.
    text = summer[5]
    assert text.value == '=HYPERLINK("http://evil.example","Klick")'
    assert text.data_type == "s"
    assert text.quotePrefix
    assert not winter[5].quotePrefix


def test_export_keeps_the_listings_filter(editor_client, feedback):
    csv_response = editor_client.get(FEEDBACK_URL + "?status=approved&export=csv")
    xlsx_response = editor_client.get(FEEDBACK_URL + "?status=pending&export=xlsx")

    assert [row[5] for row in csv_rows(csv_response)[1:]] == ["Bitte mehr Termine."]
    assert [row[3].value for row in xlsx_rows(xlsx_response)[1:]] == ["@Mallory"]


def test_barrier_reports_as_csv_and_xlsx(editor_client):
    report = BarrierReport.objects.create(
        page_url="/barrierefreiheit/",
        description="+49 Kontrast zu schwach",
        name="Jonas",
        consent=True,
        status=BarrierReportStatus.IN_PROGRESS,
    )
    BarrierReport.objects.filter(pk=report.pk).update(
        created_at=datetime.datetime(2026, 3, 29, 1, 0, tzinfo=UTC)  # CEST begins
    )

    header, row = csv_rows(editor_client.get(BARRIERS_URL + "?export=csv"))
    xlsx_header, xlsx_row = xlsx_rows(editor_client.get(BARRIERS_URL + "?export=xlsx"))

    assert header == [
        "Eingegangen am",
        "Status",
        "Betroffene Seite",
        "Beschreibung der Barriere",
        "Name",
        "E-Mail für die Antwort",
        "Interne Notiz",
    ]
    assert row[:4] == [
        "29.03.2026 03:00",
        "In Bearbeitung",
        "/barrierefreiheit/",
        "'+49 Kontrast zu schwach",
    ]
    assert [cell.value for cell in xlsx_header] == header
    assert xlsx_row[0].value == datetime.datetime(2026, 3, 29, 3, 0)
    assert xlsx_row[1].value == "In Bearbeitung"


@pytest.fixture
def staff_client(client, django_user_model):
    """A staff member who may moderate feedback and reports; ``grant_export``
    adds the permission to export them."""
    user = django_user_model.objects.create_user(
        username="moderation", password=EDITOR_PASSWORD
    )
    group = Group.objects.create(name="Moderation")
    group.permissions.set(
        Permission.objects.filter(
            codename__in=[
                "access_admin",
                "change_feedback",
                "view_feedback",
                "change_barrierreport",
                "view_barrierreport",
            ]
        )
    )
    user.groups.add(group)
    client.force_login(user)

    def grant_export():
        group.permissions.add(
            *Permission.objects.filter(
                codename__in=["export_feedback", "export_barrierreport"]
            )
        )

    client.grant_export = grant_export
    return client


@pytest.mark.parametrize("url", [FEEDBACK_URL, BARRIERS_URL])
def test_only_staff_with_the_export_permission_export(staff_client, feedback, url):
    listing = staff_client.get(url)

    assert listing.status_code == 200
    assert "export=csv" not in listing.content.decode()
    for export in ("csv", "xlsx"):
        refused = staff_client.get(f"{url}?export={export}")
        # Wagtail answers a refused admin view with its dashboard and a message.
        assert (refused.status_code, refused["Location"]) == (302, "/admin/")
        assert "Content-Disposition" not in refused

    staff_client.grant_export()

    assert "export=csv" in staff_client.get(url).content.decode()
    assert "export=xlsx" in staff_client.get(url).content.decode()
    assert staff_client.get(url + "?export=csv").status_code == 200


@pytest.mark.parametrize("url", [FEEDBACK_URL, BARRIERS_URL])
def test_visitors_are_sent_to_the_login(client, feedback, url):
    response = client.get(url + "?export=csv")

    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_the_export_permission_is_granted_in_the_group_editor(editor_client):
    """Einstellungen → Gruppen: a row per model, the export among its
    custom permissions."""
    page = editor_client.get(reverse("wagtailusers_groups:add")).content.decode()

    for codename in ("export_feedback", "export_barrierreport"):
        permission = Permission.objects.get(codename=codename)
        assert f'value="{permission.pk}"' in page
    assert "Rückmeldungen exportieren" in page
    assert "Gemeldete Barrieren exportieren" in page
