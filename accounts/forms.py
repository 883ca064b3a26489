"""The admin's sign-in form, every label in the visitor's language."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm


class LoginForm(WagtailLoginForm):
    """Wagtail's sign-in form; its password field had no label of its own, so it read "Password" in every language."""

    password = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"placeholder": _("Enter password")}),
    )
