"""Setting up and using the second factor: authenticator app (TOTP) and single-use backup codes."""

from base64 import b32encode

import segno
from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from audit import chain as audit

from .models import BackupCodeDevice


def _next(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse("wagtailadmin_home")


def _new_backup_codes(user) -> list[str]:
    device, _created = BackupCodeDevice.objects.get_or_create(user=user, defaults={"name": "backup", "confirmed": True})
    return device.generate()


def two_factor(request):
    """Set up the authenticator app: scan the code (or type the key), then type the six digits."""
    user = request.user
    confirmed = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if confirmed is not None and not user.is_verified():
        return redirect(f"{reverse('two_factor_verify')}?next={_next(request)}")
    device = confirmed or TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=_("Authenticator app"), confirmed=False)
    status = 200
    if request.method == "POST" and not device.confirmed:
        if device.verify_token(request.POST.get("token", "").strip()):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            audit.record("auth.second_factor_enrolled", user=user)
            return TemplateResponse(
                request, "accounts/backup_codes.html", {"codes": _new_backup_codes(user), "next": _next(request)}
            )
        messages.error(request, _("This code is not valid. Check the time of your phone and try again."))
        status = 400
    return TemplateResponse(
        request,
        "accounts/two_factor.html",
        {
            "device": device,
            "secret": b32encode(device.bin_key).decode(),
            "qr": segno.make(device.config_url, error="m").svg_inline(scale=4),
            "next": _next(request),
            "passkeys": WebAuthnCredential.objects.filter(user=user, confirmed=True).count(),
        },
        status=status,
    )


def verify(request):
    """The second step of signing in: a code from the authenticator app, or a backup code."""
    status = 200
    if request.method == "POST":
        device = match_token(request.user, request.POST.get("token", "").strip())
        audit.record("auth.second_factor" if device is not None else "auth.second_factor_failed", user=request.user)
        if device is not None:
            otp_login(request, device)
            if isinstance(device, BackupCodeDevice):
                messages.warning(
                    request,
                    _("You used a backup code; %(count)s remain. Generate new ones if you lost your phone.")
                    % {"count": device.remaining()},
                )
            return redirect(_next(request))
        messages.error(request, _("This code is not valid."))
        status = 400
    return TemplateResponse(request, "accounts/verify.html", {"next": _next(request)}, status=status)


def backup_codes(request):
    """New backup codes, shown once (the old ones stop working)."""
    if request.method == "POST":
        return TemplateResponse(
            request, "accounts/backup_codes.html", {"codes": _new_backup_codes(request.user), "next": _next(request)}
        )
    remaining = sum(d.remaining() for d in BackupCodeDevice.objects.filter(user=request.user))
    return TemplateResponse(request, "accounts/backup_codes.html", {"codes": None, "remaining": remaining})
