"""Staff accounts with only some permissions, and what the admin's sidebar
shows them (its menu is rendered from JSON in the page)."""

import json
import re

from django.contrib.auth.models import Group, Permission

SIDEBAR_PROPS = re.compile(
    r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>',
    re.S,
)


def staff_user(django_user_model, username: str, *permissions: str):
    """A user who may log into the admin and holds ``permissions``
    ("app_label.codename"), through a group as the office sets them up."""
    group = Group.objects.create(name=f"Gruppe {username}")
    for name in ("wagtailadmin.access_admin", *permissions):
        app_label, codename = name.split(".")
        group.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    user = django_user_model.objects.create_user(username=username, password="x")
    user.groups.add(group)
    return user


def sidebar_labels(html: str) -> list[str]:
    """Every label of the admin menu, submenus included."""
    labels = []

    def walk(node):
        if isinstance(node, dict):
            if isinstance(node.get("label"), str):
                labels.append(node["label"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads(SIDEBAR_PROPS.search(html).group(1)))
    return labels
