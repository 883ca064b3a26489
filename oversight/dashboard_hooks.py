"""The oversight part of the back office: the statistics pages and their menu item, and the home
page's panels: for advisors, the files waiting for them by state and age; for those who oversee
(managers, pension officers, national officers), the funnel of their territories."""

from django.urls import path, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from laces.components import Component
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from workflow import access, tasklist
from workflow.enums import ApplicationState

from . import figures, views


@hooks.register("register_admin_urls")
def register_statistics_urls():
    return [
        path("statistics/", views.statistics_overview, name="oversight_statistics"),
        path("statistics/figures/", views.statistics_figures, name="oversight_statistics_figures"),
        path("statistics/report/", views.report, name="oversight_report"),
    ]


class StatisticsMenuItem(MenuItem):
    def is_shown(self, request):
        return figures.may_view_statistics(request.user)


@hooks.register("register_admin_menu_item")
def register_statistics_menu_item():
    return StatisticsMenuItem(_("Statistics"), reverse("oversight_statistics"), icon_name="table", order=850)


#: How the ages read in the advisor's table, by the number of days.
AGE_LABELS = {0: _("All"), 7: _("More than a week"), 14: _("More than two weeks"), 30: _("More than a month")}


class WaitingFilesPanel(Component):
    """The files waiting for the advisor's association, by state and by age, each count linking to
    the files list filtered the same way."""

    name = "files-by-state-and-age"
    order = 12
    template_name = "oversight/panel_waiting_files.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        counts = tasklist.waiting_files_by_state_and_age(self.user)
        index = reverse("workflow_application:index")
        rows = []
        for state, by_age in counts.items():
            cells = []
            for days, count in by_age.items():
                query = {"state": state} | ({"waiting": days} if days else {})
                cells.append({"count": count, "url": f"{index}?{urlencode(query)}"})
            rows.append({"label": ApplicationState(state).label, "cells": cells})
        return {"rows": rows, "ages": [AGE_LABELS[days] for days in (0, *tasklist.WAITING_AGES)]}


class FunnelPanel(Component):
    """The funnel of the reader's territories over the last 12 months, linking to the statistics."""

    name = "oversight-funnel"
    order = 60
    template_name = "oversight/panel_funnel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        funnel = figures.funnel(self.user, period=figures.Period.last_months(12))
        return {"funnel": funnel, "url": reverse("oversight_statistics")}


@hooks.register("construct_homepage_panels")
def add_oversight_panels(request, panels):
    if access.vets_somewhere(request.user):
        panels.append(WaitingFilesPanel(request.user))
    if figures.may_view_statistics(request.user):
        panels.append(FunnelPanel(request.user))
