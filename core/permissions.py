"""Permission policies shared by the apps' admin screens."""

from django.contrib.auth import get_user_model

from wagtail.permission_policies import ModelPermissionPolicy


class NoAddPermissionPolicy(ModelPermissionPolicy):
    """For what only visitors submit (feedback, barrier reports): staff
    moderate and export it, but nobody adds it in the admin, where it would
    lack the visitor's consent."""

    def user_has_permission(self, user, action):
        if action == "add":
            return False
        return super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        actions = [action for action in actions if action != "add"]
        if not actions:
            return get_user_model().objects.none()
        return super().users_with_any_permission(actions)
