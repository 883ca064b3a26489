"""Back-office addresses of the second factor."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from . import views


@hooks.register("register_admin_urls")
def register_second_factor_urls():
    return [
        path("two-factor/", views.two_factor, name="two_factor"),
        path("two-factor/verify/", views.verify, name="two_factor_verify"),
        path("two-factor/backup-codes/", views.backup_codes, name="two_factor_backup_codes"),
    ]


@hooks.register("register_account_menu_item")
def register_backup_codes_menu_item(request):
    from django.urls import reverse

    return {
        "url": reverse("two_factor_backup_codes"),
        "label": str(_("Backup codes")),
        "help_text": str(_("Single-use codes for when your phone is not at hand.")),
    }
