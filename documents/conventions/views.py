"""Conventions on the site: the public verification page, the applicants' signing page, the CRLs.

Thin: rules live in :mod:`documents.conventions.services`.
"""

from django import forms
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from accounts.throttle import refused, too_many
from workflow.applicant_session import current_applicant
from workflow.exceptions import WorkflowError
from workflow.models import Application

from .. import pki
from ..enums import AuthorityKind, SigningParty
from ..exceptions import DocumentError, PKINotInitialised
from ..models import Convention
from ..signing import PLATFORM_SEAL_ROLE, verify
from . import authority
from .services import convention_refuse, convention_sign, read_pdf, signing_code_send

MAX_UPLOAD = 20 * 1024 * 1024


class VerifyForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Convention (PDF)"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError(_("The file is larger than 20 MB."))
        head = upload.read(5)
        upload.seek(0)
        if head != b"%PDF-":
            raise forms.ValidationError(_("This file is not a PDF."))
        return upload


def _report(pdf: bytes):
    try:
        report = verify(pdf, authority.validation_context)
    except PKINotInitialised:
        return None
    # Certificates name roles in English; the page shows them in the visitor's language.
    labels = {name: SigningParty(party).label for party, name in authority.ROLE_NAMES.items()}
    labels[PLATFORM_SEAL_ROLE] = gettext_lazy("WeShare's seal")
    for signature in report.signatures:
        signature.role = str(labels.get(signature.role, signature.role))
    return report


def verify_upload(request):
    """Anyone uploads a convention, or a document the platform sealed (a pairing's dossier), and
    reads, per signature, who signed, when, and whether it holds."""
    if too_many(request, "verify-upload"):
        return refused(request)
    report, status = None, 200
    if request.method == "POST":
        form = VerifyForm(request.POST, request.FILES)
        if form.is_valid():
            report = _report(form.cleaned_data["file"].read())
        else:
            status = 400
    else:
        form = VerifyForm()
    return TemplateResponse(
        request, "documents/conventions/verify.html", {"form": form, "report": report}, status=status
    )


@require_GET
def verify_token(request, token):
    """The page the QR code of a convention points to: the report on the stored file."""
    convention = get_object_or_404(Convention, token=token)
    return TemplateResponse(
        request,
        "documents/conventions/verify.html",
        {"form": VerifyForm(), "report": _report(read_pdf(convention)), "convention": convention},
    )


@require_GET
def root_certificate(request):
    """The platform's root certificate (PEM), for whoever checks a convention with their own tools
    (``manage.py verify_pdf FILE --root weshare-root.pem``, pdfsig, Acrobat's trusted certificates)."""
    try:
        pem = pki.cert_pem(authority.root_certificate())
    except PKINotInitialised:
        raise Http404 from None
    response = HttpResponse(pem, content_type="application/x-pem-file")
    response["Content-Disposition"] = 'attachment; filename="weshare-root.pem"'
    response["Cache-Control"] = "max-age=3600"
    return response


@require_GET
def crl(request, kind):
    if kind not in (AuthorityKind.ROOT, AuthorityKind.ISSUING):
        raise Http404
    try:
        data = authority.crl_der(kind)
    except PKINotInitialised:
        raise Http404 from None
    response = HttpResponse(data, content_type="application/pkix-crl")
    response["Cache-Control"] = "max-age=3600"
    return response


def _applicant_convention(request, pk):
    applicant = current_applicant(request)
    convention = Convention.objects.select_related("pairing").filter(pk=pk).first()
    if applicant is None or convention is None:
        raise Http404
    pairing = convention.pairing
    for party, application_id in ((SigningParty.HOST, pairing.host_id), (SigningParty.GUEST, pairing.guest_id)):
        if applicant.owns(application_id):
            return convention, party, Application.objects.get(pk=application_id)
    raise Http404


def applicant_convention(request, pk):
    """An applicant reads their convention, asks for a code, signs it, or refuses with a reason."""
    convention, party, application = _applicant_convention(request, pk)
    status = 200
    if request.method == "POST":
        step = request.POST.get("step")
        try:
            if step == "code":
                if too_many(request, "signing-code"):
                    return refused(request)
                signing_code_send(convention_id=convention.pk, application=application)
                messages.success(request, _("We have emailed you a code. It is valid for ten minutes."))
            elif step == "sign":
                if too_many(request, "signing", person=f"application:{application.pk}"):
                    return refused(request)
                convention_sign(
                    convention_id=convention.pk, party=party, code=request.POST.get("code", ""), application=application
                )
                messages.success(request, _("Thank you: your signature is recorded."))
            elif step == "refuse":
                convention_refuse(
                    convention_id=convention.pk,
                    party=party,
                    reason=request.POST.get("reason", "")[:2000],
                    application=application,
                )
                messages.success(request, _("Your refusal is recorded; your advisor will contact you."))
            else:
                raise DocumentError()
        except (DocumentError, WorkflowError) as refusal:
            messages.error(request, refusal.message)
            status = 400
        else:
            return redirect("applicant_convention", pk=convention.pk)
        convention.refresh_from_db()
    return TemplateResponse(
        request,
        "documents/conventions/applicant_convention.html",
        {
            "convention": convention,
            "party": party,
            "my_turn": convention.next_party() == party and convention.pairing.state == "signing",
        },
        status=status,
    )


@require_GET
def applicant_convention_pdf(request, pk):
    convention, _party, _application = _applicant_convention(request, pk)
    response = HttpResponse(read_pdf(convention), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{convention.reference}.pdf"'
    return response
