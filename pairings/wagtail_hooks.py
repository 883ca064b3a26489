"""Back office of pairings: a list scoped to one's territories, each pairing with its actions."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from workflow.access import vets_somewhere

from .admin_views import PairingIndexView, PairingInspectView, pairing_permission_policy, proposal, suggestions
from .dashboard import pairings_panel
from .models import Pairing


class PairingViewSet(ModelViewSet):
    model = Pairing
    icon = "group"
    menu_label = _("Pairings")
    menu_order = 210
    add_to_admin_menu = True
    inspect_view_enabled = True
    index_view_class = PairingIndexView
    inspect_view_class = PairingInspectView
    inspect_view_fields = PairingInspectView.fields
    list_display = ["__str__", "state", "score", "created_at"]
    list_filter = ["state"]
    # Edit and add views exist but the permission policy grants no one "add" or "change".
    form_fields = ["manual_reason"]
    name = "pairing"
    url_namespace = "pairings_pairing"

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("suggestions/<int:application_pk>/", suggestions, name="suggestions"),
            path("proposal/", proposal, name="proposal"),
            path("proposal/<int:territory_pk>/", proposal, name="proposal_for"),
        ]


register_permission_policy(Pairing, pairing_permission_policy)


@hooks.register("register_admin_viewset")
def register_pairing_viewset():
    return PairingViewSet()


class ProposalMenuItem(MenuItem):
    def is_shown(self, request):
        return vets_somewhere(request.user)


@hooks.register("register_admin_menu_item")
def register_proposal_menu_item():
    return ProposalMenuItem(_("Global proposal"), reverse("pairings_pairing:proposal"), icon_name="resubmit", order=211)


@hooks.register("construct_homepage_panels")
def add_pairings_panel(request, panels):
    panel = pairings_panel(request.user)
    if panel is not None:
        panels.append(panel)
