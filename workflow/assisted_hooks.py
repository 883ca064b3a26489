"""Assisted files in the back office and in the applicant's space (imported by the app's wagtail_hooks.py):
the screens to file an application for someone and to capture their consent, the menu entry,
the file page's panel ("filled in with…") and the space's panel ("entered for you…")."""

from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import access, assisted_views
from .assisted import answers_entered_for, consent_given
from .enums import CAN_BE_SUBMITTED_STATES


@hooks.register("register_admin_urls")
def register_assisted_urls():
    return [
        path("assisted/new/", assisted_views.assisted_new, name="assisted_new"),
        path("assisted/new/<str:kind>/<str:via>/", assisted_views.assisted_new_identity, name="assisted_new_identity"),
        path("assisted/<int:pk>/step/<int:number>/", assisted_views.assisted_step, name="assisted_step"),
        path("assisted/<int:pk>/consent/", assisted_views.assisted_consent, name="assisted_consent"),
        path("assisted/<int:pk>/consent/send/", assisted_views.assisted_consent_send, name="assisted_consent_send"),
        path("assisted/<int:pk>/consent/code/", assisted_views.assisted_consent_code, name="assisted_consent_code"),
    ]


class AssistedMenuItem(MenuItem):
    def is_shown(self, request):
        return access.vets_somewhere(request.user)


@hooks.register("register_admin_menu_item")
def register_assisted_menu_item():
    return AssistedMenuItem(
        _("File an application for someone"), reverse("assisted_new"), icon_name="folder-open-inverse", order=201
    )


@hooks.register("application_panels")
def assisted_file_panel(request, application):
    """On the file's page: how it was filled in and by whom, the consent, who entered each answer;
    for those who vet it, "Complete this file" while it can still be changed."""
    may_complete = application.state in CAN_BE_SUBMITTED_STATES and access.may_vet(request.user, application)
    if not application.assisted_via and not may_complete:
        return []
    return [
        render_to_string(
            "workflow/admin/assisted_file_panel.html",
            {
                "application": application,
                "may_complete": may_complete,
                "consent": consent_given(application),
                "entered": answers_entered_for(application) if application.assisted_via else [],
                "assisted_by": application.assisted_by,
            },
            request=request,
        )
    ]


@hooks.register("applicant_file_panels")
def assisted_applicant_panel(request, application):
    """In the applicant's space: the answers an advisor entered for them, by whom and when, and
    how to correct them."""
    if not application.assisted_via:
        return []
    entered = answers_entered_for(application)
    if not entered:
        return []
    return [
        render_to_string(
            "workflow/assisted/applicant_panel.html",
            {
                "application": application,
                "entered": entered,
                "consent": consent_given(application),
                "may_change": application.state in CAN_BE_SUBMITTED_STATES,
            },
            request=request,
        )
    ]
