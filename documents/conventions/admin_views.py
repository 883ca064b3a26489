"""Back office of conventions: the association and the pension office sign after a code from their
authenticator app; anyone who may see the pairing reads the file and its audit sheet."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.throttle import refused, too_many
from workflow import access
from workflow.exceptions import WorkflowError

from ..enums import SigningParty
from ..exceptions import DocumentError, DocumentNotFound
from ..models import Convention
from .services import convention_refuse, convention_sign, read_pdf


def _visible(user):
    """The conventions ``user`` sees (:func:`workflow.access.conventions_visible_to`)."""
    return access.conventions_visible_to(
        user, Convention.objects.select_related("pairing__host__territory", "pairing__guest")
    )


def _staff_party(convention, user) -> SigningParty | None:
    """The party ``user`` signs for (:func:`workflow.access.may_sign_convention_as`), if any."""
    party = access.may_sign_convention_as(user, convention)
    return SigningParty(party) if party else None


def convention_page(request, pk):
    convention = get_object_or_404(_visible(request.user), pk=pk)
    party = _staff_party(convention, request.user)
    status = 200
    if request.method == "POST":
        if party is None:
            raise PermissionDenied
        try:
            if request.POST.get("step") == "refuse":
                convention_refuse(
                    convention_id=pk, party=party, reason=request.POST.get("reason", "")[:2000], user=request.user
                )
                messages.success(request, _("The refusal is recorded; the pairing goes back to drafting."))
            else:
                if too_many(request, "signing", person=f"user:{request.user.pk}"):
                    return refused(request)
                convention_sign(convention_id=pk, party=party, code=request.POST.get("code", ""), user=request.user)
                messages.success(request, _("Your signature is recorded."))
        except DocumentNotFound:
            raise Http404 from None
        except (DocumentError, WorkflowError) as refusal:
            messages.error(request, refusal.message)
            status = 400
        else:
            return redirect("convention_admin", pk=pk)
        convention.refresh_from_db()
    return TemplateResponse(
        request,
        "documents/conventions/admin_convention.html",
        {
            "convention": convention,
            "party": party,
            "my_turn": party is not None and convention.next_party() == party and convention.pairing.state == "signing",
            "has_device": TOTPDevice.objects.filter(user=request.user, confirmed=True).exists(),
            "steps": convention.steps.select_related("user", "certificate"),
        },
        status=status,
    )


@require_GET
def convention_pdf(request, pk):
    convention = get_object_or_404(_visible(request.user), pk=pk)
    response = HttpResponse(read_pdf(convention), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{convention.reference}.pdf"'
    return response


def audit_sheet_document(request, convention):
    """The audit sheet laid out in pages (WeasyPrint), before it is written as a PDF."""
    import weasyprint

    from .rendering import FONTS, safe_url_fetcher

    html = render_to_string(
        "documents/conventions/audit_sheet.html",
        {
            "convention": convention,
            "steps": convention.steps.select_related("user", "certificate"),
            "font_regular": (FONTS / "DejaVuSans.ttf").as_uri(),
            "font_bold": (FONTS / "DejaVuSans-Bold.ttf").as_uri(),
        },
        request=request,
    )
    return weasyprint.HTML(string=html, base_url=str(FONTS), url_fetcher=safe_url_fetcher()).render()


@require_GET
def audit_sheet(request, pk):
    """Who signed when, from which account, with which certificate, and the file's fingerprint at each step."""
    convention = get_object_or_404(_visible(request.user), pk=pk)
    pdf = audit_sheet_document(request, convention).write_pdf()
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{convention.reference}-audit.pdf"'
    return response
