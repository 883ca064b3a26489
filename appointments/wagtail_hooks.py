"""Appointments in the back office (the file's and the pairing's pages) and in the applicant's space."""

from django.template.loader import render_to_string
from django.urls import path, reverse
from wagtail import hooks

from workflow import access

from . import admin_views
from .enums import PAIRING_KINDS
from .forms import AppointmentForm
from .selectors import of_file, of_pairing, upcoming_for_file_and_its_pairings


@hooks.register("register_admin_urls")
def register_appointment_urls():
    return [
        path("appointments/file/<int:application_pk>/new/", admin_views.schedule_for_file, name="appointment_new_file"),
        path(
            "appointments/pairing/<int:pairing_pk>/new/",
            admin_views.schedule_for_pairing,
            name="appointment_new_pairing",
        ),
        path("appointments/<int:pk>/change/", admin_views.change, name="appointment_change"),
        path("appointments/<int:pk>/cancel/", admin_views.cancel, name="appointment_cancel"),
        path("appointments/<int:pk>/appointment.ics", admin_views.download, name="appointment_ics"),
    ]


def _panel(request, appointments, *, manages: bool, kinds, schedule_url: str) -> str:
    return render_to_string(
        "appointments/admin/panel.html",
        {
            "upcoming": list(appointments.upcoming()),
            "past": list(appointments.past_or_cancelled()[:20]),
            "manages": manages,
            "form": AppointmentForm(kinds=kinds, prefix_id="appointment"),
            "schedule_url": schedule_url,
        },
        request=request,
    )


@hooks.register("application_panels")
def file_appointments(request, application):
    """The file's appointments, upcoming first; those who vet it schedule interviews and home visits."""
    return [
        _panel(
            request,
            of_file(application),
            manages=access.may_vet(request.user, application),
            kinds=admin_views.file_kinds(application),
            schedule_url=reverse("appointment_new_file", args=[application.pk]),
        )
    ]


@hooks.register("pairing_panels")
def pairing_appointments(request, pairing):
    """The pair's meetings and the start of their trial, upcoming first; led by whoever leads the pairing."""
    return [
        _panel(
            request,
            of_pairing(pairing),
            manages=access.may_manage_pairing(request.user, pairing),
            kinds=PAIRING_KINDS,
            schedule_url=reverse("appointment_new_pairing", args=[pairing.pk]),
        )
    ]


@hooks.register("applicant_file_panels")
def applicant_appointments(request, application):
    """In the applicant's space: the coming appointments of this file and of its pairings."""
    appointments = upcoming_for_file_and_its_pairings(application)
    if not appointments:
        return []
    return [
        render_to_string(
            "appointments/applicant_panel.html",
            {"application": application, "appointments": appointments},
            request=request,
        )
    ]
