"""Back office of pairings: a list scoped to one's territories, each pairing with its actions."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from .admin_views import PairingIndexView, PairingInspectView, pairing_permission_policy, suggestions
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
        ]


register_permission_policy(Pairing, pairing_permission_policy)


@hooks.register("register_admin_viewset")
def register_pairing_viewset():
    return PairingViewSet()
