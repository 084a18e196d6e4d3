"""New barrier reports: counted in the admin menu and listed on the admin's
start page for the staff who answer them."""

import pytest

from pages.models import BarrierReport
from pages.models.barrier_report import BarrierReportStatus
from tests.admin_users import sidebar_labels, staff_user

pytestmark = pytest.mark.django_db

LISTING_URL = "/admin/snippets/pages/barrierreport/"


def report(description, status=BarrierReportStatus.NEW):
    return BarrierReport.objects.create(
        description=description, consent=True, status=status
    )


def test_start_page_lists_the_new_reports_with_links(editor_client):
    new = report("Das Formular ist ohne Maus nicht bedienbar.")
    done = report("Kontrast zu schwach.", status=BarrierReportStatus.DONE)

    html = editor_client.get("/admin/").content.decode()

    assert "1 gemeldete Barriere wartet auf Bearbeitung." in html
    assert f'href="{LISTING_URL}edit/{new.pk}/"' in html
    assert f'href="{LISTING_URL}edit/{done.pk}/"' not in html
    assert f'href="{LISTING_URL}?status=new"' in html


def test_start_page_panel_only_for_staff_who_answer_reports(client, django_user_model):
    report("Bilder ohne Alternativtext.")
    client.force_login(staff_user(django_user_model, "ohne"))
    without = client.get("/admin/").content.decode()
    client.force_login(
        staff_user(django_user_model, "mit", "pages.change_barrierreport")
    )
    with_permission = client.get("/admin/").content.decode()

    assert "new-barrier-reports" not in without
    assert "Gemeldete Barrieren" not in " ".join(sidebar_labels(without))
    assert "1 gemeldete Barriere wartet auf Bearbeitung." in with_permission
    assert "Gemeldete Barrieren (1 neu)" in sidebar_labels(with_permission)


def test_menu_counts_only_new_reports(editor_client):
    report("Eins.")
    report("Zwei.")
    report("In Arbeit.", status=BarrierReportStatus.IN_PROGRESS)

    labels = sidebar_labels(editor_client.get("/admin/").content.decode())

    assert "Gemeldete Barrieren (2 neu)" in labels
