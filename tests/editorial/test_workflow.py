"""The approval workflow in German: "Redaktion" submits, the
"Koordinierungsstelle" approves, for pages and measure sheets alike."""

from django.contrib.auth.models import Group

from wagtail.models import Page, Workflow, WorkflowContentType, WorkflowPage

import pytest

from editorial.setup import APPROVERS, EDITORS, WORKFLOW_NAME, editorial_setup
from integration_checkup.models import MeasureSheet
from tests.conftest import EDITOR_PASSWORD
from tests.factories import OfficePageFactory
from tests.integration_checkup.factories import MeasureSheetFactory
from tests.integration_checkup.test_admin import sheet_form
from tests.pages.test_editing import edit_form

pytestmark = pytest.mark.django_db
SHEETS = "/admin/snippets/integration_checkup/measuresheet"


@pytest.fixture
def staff(django_user_model):
    editorial_setup()

    def member(username, group_name):
        user = django_user_model.objects.create_user(
            username=username,
            email=f"{username}@example.org",
            password=EDITOR_PASSWORD,
        )
        user.groups.add(Group.objects.get(name=group_name))
        return user

    return member("r.redakteur", EDITORS), member("k.koordination", APPROVERS)


def logged_in(client, user):
    client.force_login(user)
    return client


def test_setup_is_german_idempotent_and_replaces_wagtails_default():
    editorial_setup()
    editorial_setup()

    workflows = Workflow.objects.filter(active=True)
    assert list(workflows.values_list("name", flat=True)) == [WORKFLOW_NAME]
    workflow = workflows.get()
    assert [task.name for task in workflow.tasks] == [
        "Prüfung durch die Koordinierungsstelle"
    ]
    assert WorkflowPage.objects.get(page=Page.get_first_root_node()).workflow == (
        workflow
    )
    assert WorkflowContentType.objects.get(
        content_type__model="measuresheet"
    ).workflow == (workflow)
    assert set(Group.objects.values_list("name", flat=True)) >= {EDITORS, APPROVERS}
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()


def test_editor_submits_a_page_cannot_publish_and_the_office_approves(
    client, staff, home
):
    editor, approver = staff
    office = OfficePageFactory(parent=home, slug="koordinierungsstelle")
    office.save_revision().publish()
    edit_url = f"/admin/pages/{office.pk}/edit/"
    logged_in(client, editor)
    assert "Veröffentlichen" not in client.get(edit_url).content.decode()

    client.post(edit_url, edit_form(office, intro="Neu.", **{"action-publish": "1"}))
    office.refresh_from_db()
    assert office.intro != "Neu."  # publishing is not the editor's right

    response = client.post(
        edit_url, edit_form(office, intro="Neu.", **{"action-submit": "1"})
    )
    assert response.status_code == 302
    office.refresh_from_db()
    state = office.current_workflow_state
    assert state.workflow.name == WORKFLOW_NAME
    assert office.intro != "Neu."

    logged_in(client, approver)
    response = client.post(
        f"/admin/pages/workflow/action/{office.pk}/approve/"
        f"{state.current_task_state.pk}/",
        {"comment": ""},
    )
    assert response.status_code in (200, 302)
    office.refresh_from_db()
    assert office.intro == "Neu."
    assert office.live
    assert office.current_workflow_state is None


def test_editor_submits_a_measure_sheet_and_the_office_approves(client, staff):
    editor, approver = staff
    sheet = MeasureSheetFactory(number=12, title="Sprachcafés")
    sheet.save_revision().publish()
    logged_in(client, editor)
    edit_url = f"{SHEETS}/edit/{sheet.pk}/"
    html = client.get(edit_url).content.decode()
    assert WORKFLOW_NAME in html  # "Submit to …" names the workflow
    assert 'name="action-publish"' not in html

    response = client.post(
        edit_url,
        sheet_form(
            sheet.field_of_action,
            number=12,
            title="Sprachcafés im Stadtteil",
            **{"action-submit": "1"},
        ),
    )
    assert response.status_code == 302
    sheet = MeasureSheet.objects.get(pk=sheet.pk)
    assert sheet.title == "Sprachcafés"  # not live before approval
    state = sheet.current_workflow_state
    assert state.workflow.name == WORKFLOW_NAME

    logged_in(client, approver)
    response = client.post(
        f"{SHEETS}/workflow/action/{sheet.pk}/approve/{state.current_task_state.pk}/",
        {"comment": ""},
    )
    assert response.status_code in (200, 302)
    sheet = MeasureSheet.objects.get(pk=sheet.pk)
    assert sheet.title == "Sprachcafés im Stadtteil"
    assert sheet.live
    assert not sheet.has_unpublished_changes
