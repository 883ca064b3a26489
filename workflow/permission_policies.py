"""Wagtail permission policy for applications, delegating every decision to :mod:`workflow.access`.

Files come from the public forms and change only through vetting actions, so nobody adds,
edits or deletes them in the admin; viewing is scoped to the person's territories.
"""

from django.contrib.auth import get_user_model
from wagtail.permission_policies.base import BasePermissionPolicy

from . import access
from .models import Application


class ApplicationPermissionPolicy(BasePermissionPolicy):
    def __init__(self):
        super().__init__(Application)

    def user_has_permission(self, user, action):
        return action == "view" and access.may_open_files_area(user)

    def user_has_permission_for_instance(self, user, action, instance):
        return action == "view" and access.may_view(user, instance)

    def instances_user_has_permission_for(self, user, action):
        if action != "view":
            return Application.objects.none()
        return access.applications_visible_to(user)

    def users_with_permission(self, action):
        users = get_user_model().objects.all()
        if action != "view":
            return users.none()
        return access.staff_who_open_files_area(users)


application_permission_policy = ApplicationPermissionPolicy()
