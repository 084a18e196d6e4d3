"""The editorial set-up in the database: German groups with their rights and
the approval workflow for pages and measure sheets. Idempotent; production
runs it with ``manage.py setup_editorial``, the demo from
``load_initial_data``.

"Redaktion" writes and submits; it cannot publish. The
"Koordinierungsstelle" approves, publishes and deletes. Wagtail's own first
groups ("Editors", "Moderators") and its default workflow ("Moderators
approval") are taken over and renamed rather than left as English twins.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowContentType,
    WorkflowMixin,
    WorkflowPage,
    WorkflowTask,
)

EDITORS = "Redaktion"
APPROVERS = "Koordinierungsstelle"
WORKFLOW_NAME = "Freigabe durch die Koordinierungsstelle"
TASK_NAME = "Prüfung durch die Koordinierungsstelle"
# What Wagtail's migrations create, taken over on the first run.
WAGTAIL_GROUPS = {EDITORS: "Editors", APPROVERS: "Moderators"}
WAGTAIL_WORKFLOW = "Moderators approval"

# The project's apps whose models the groups edit (snippets, settings).
CONTENT_APPS = ("pages", "integration_checkup", "events", "news", "contacts")
# Visitor submissions: moderated by the office, not by the editors.
MODERATED_MODELS = {"integration_checkup.feedback", "pages.barrierreport"}

PAGE_RIGHTS = {
    EDITORS: ["add_page", "change_page", "lock_page"],
    APPROVERS: [
        "add_page",
        "change_page",
        "publish_page",
        "bulk_delete_page",
        "lock_page",
        "unlock_page",
    ],
}
MODEL_ACTIONS = {
    EDITORS: ("add", "change", "view", "lock"),
    APPROVERS: ("add", "change", "delete", "view", "publish", "lock", "unlock"),
}
MEDIA_ACTIONS = ("add_", "change_", "choose_")


@dataclass
class SetupReport:
    created: list[str] = field(default_factory=list)


def _group(name: str, report: SetupReport) -> Group:
    group = Group.objects.filter(name=name).first()
    if group is None:
        group = Group.objects.filter(name=WAGTAIL_GROUPS[name]).first()
        if group is not None:
            group.name = name
            group.save(update_fields=["name"])
            report.created.append(f"Gruppe {name} (umbenannt)")
        else:
            group = Group.objects.create(name=name)
            report.created.append(f"Gruppe {name}")
    return group


def _model_permissions(name: str):
    actions = MODEL_ACTIONS[name]
    query = Q()
    for app_label in CONTENT_APPS:
        for model in apps.get_app_config(app_label).get_models():
            label = model._meta.label_lower
            if name == EDITORS and label in MODERATED_MODELS:
                continue
            if issubclass(model, Page):
                continue  # page rights are per page tree, below
            codenames = [f"{action}_{model._meta.model_name}" for action in actions]
            query |= Q(
                content_type=ContentType.objects.get_for_model(model),
                codename__in=codenames,
            )
    return Permission.objects.filter(query)


def _grant(group: Group, root: Page, collection: Collection) -> None:
    group.permissions.add(
        Permission.objects.get(
            content_type__app_label="wagtailadmin", codename="access_admin"
        ),
        *_model_permissions(group.name),
    )
    for codename in PAGE_RIGHTS[group.name]:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=root,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    for model in (get_document_model(), get_image_model()):
        for permission in Permission.objects.filter(
            content_type=ContentType.objects.get_for_model(model)
        ):
            if permission.codename.startswith(MEDIA_ACTIONS):
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=collection, permission=permission
                )


def _task(approvers: Group) -> GroupApprovalTask:
    task = (
        GroupApprovalTask.objects.filter(name=TASK_NAME).first()
        or GroupApprovalTask.objects.filter(name=WAGTAIL_WORKFLOW).first()
        or GroupApprovalTask.objects.create(name=TASK_NAME)
    )
    task.name, task.active = TASK_NAME, True
    task.save()
    task.groups.set([approvers])
    return task


def _workflow(task: GroupApprovalTask) -> Workflow:
    workflow = (
        Workflow.objects.filter(name=WORKFLOW_NAME).first()
        or Workflow.objects.filter(name=WAGTAIL_WORKFLOW).first()
        or Workflow.objects.create(name=WORKFLOW_NAME)
    )
    workflow.name, workflow.active = WORKFLOW_NAME, True
    workflow.save()
    WorkflowTask.objects.filter(workflow=workflow).exclude(task=task).delete()
    WorkflowTask.objects.get_or_create(
        workflow=workflow, task=task, defaults={"sort_order": 0}
    )
    # An English default left over (e.g. renamed elsewhere first) goes.
    for leftover in Workflow.objects.filter(name=WAGTAIL_WORKFLOW, active=True):
        leftover.deactivate()
    return workflow


def workflow_models() -> list:
    """Snippets in the project's apps that can go through a workflow."""
    return [
        model
        for app_label in CONTENT_APPS
        for model in apps.get_app_config(app_label).get_models()
        if issubclass(model, WorkflowMixin) and not issubclass(model, Page)
    ]


@transaction.atomic
def editorial_setup() -> SetupReport:
    """Create or complete the groups, their rights and the workflow."""
    report = SetupReport()
    root = Page.get_first_root_node()
    collection = Collection.get_first_root_node()
    editors, approvers = _group(EDITORS, report), _group(APPROVERS, report)
    for group in (editors, approvers):
        _grant(group, root, collection)
    workflow = _workflow(_task(approvers))
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    for model in workflow_models():
        WorkflowContentType.objects.update_or_create(
            content_type=ContentType.objects.get_for_model(model),
            defaults={"workflow": workflow},
        )
    return report
