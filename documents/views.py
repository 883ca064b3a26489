"""Serving private documents: never from the public media, always through a rights check.

Staff open them from the admin (their territories only); applicants from their space. Every
opening is recorded by :mod:`documents.services`.
"""

import io
import json
import zipfile

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from audit import chain as audit
from workflow import access
from workflow.applicant_session import current_applicant
from workflow.applicants import application_export
from workflow.enums import CAN_BE_WITHDRAWN_STATES, DocumentKind
from workflow.space import documents_offered, space_page

from .content import EXTENSIONS
from .exceptions import DocumentError, DocumentNotFound
from .models import SupportingDocument
from .services import document_read, document_upload, document_verify


class UploadForm(forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("Document"), choices=DocumentKind.choices)
    file = forms.FileField(
        label=gettext_lazy("File (PDF, JPEG or PNG, 10 MB at most)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}),
    )


def private_file_response(data: bytes, *, content_type: str, filename: str) -> HttpResponse:
    """A private file to download, never shown in the page nor kept in a cache; ``filename``
    gets the extension of its judged type when it has none."""
    if "." not in filename and content_type in EXTENSIONS:
        filename += sorted(EXTENSIONS[content_type])[0]
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=filename)
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _file_response(document: SupportingDocument, data: bytes) -> HttpResponse:
    extension = sorted(EXTENSIONS[document.content_type])[0]
    return private_file_response(
        data, content_type=document.content_type, filename=f"{document.kind}-{document.pk}{extension}"
    )


def _staff_document(request, pk) -> SupportingDocument:
    """A document of a file the staff member sees, else 404 (its existence does not leak)."""
    documents = SupportingDocument.objects.select_related("application")
    return get_object_or_404(access.documents_visible_to(request.user, documents), pk=pk)


def staff_download(request, pk):
    document = _staff_document(request, pk)
    try:
        data = document_read(document=document, user=request.user)
    except DocumentNotFound:
        raise Http404 from None
    return _file_response(document, data)


@require_POST
def staff_verify(request, pk):
    document = _staff_document(request, pk)
    try:
        document_verify(document=document, by=request.user)
    except DocumentNotFound:
        raise Http404 from None
    messages.success(request, _("The document is marked as verified."))
    return redirect(reverse("workflow_application:inspect", args=[document.application_id]))


def applicant_download(request, pk):
    document = get_object_or_404(SupportingDocument.objects.select_related("application"), pk=pk)
    try:
        data = document_read(document=document, applicant=current_applicant(request))
    except DocumentNotFound:
        raise Http404 from None
    return _file_response(document, data)


@require_POST
def applicant_upload(request, application_pk):
    """The applicant sends a document to their file; a proxy with the right to send documents
    sends one to the file of the person they act for, written in that person's journal."""
    from django.db import transaction

    from workflow.enums import MandateRight
    from workflow.mandates import ProxyNotAllowed, proxy_action_record
    from workflow.models import Application

    applicant = current_applicant(request)
    application = applicant.applications().filter(pk=application_pk).first() if applicant else None
    as_proxy = application is None and applicant is not None and applicant.may(application_pk, MandateRight.UPLOAD)
    if as_proxy:
        application = Application.objects.filter(pk=application_pk, anonymised_at__isnull=True).first()
    if application is None:
        raise Http404

    def refuse(message, status=400):
        if not as_proxy:
            return _space_with_error(request, message, status=status)
        messages.error(request, message)
        return redirect("applicant_proxy_file", pk=application.pk)

    if application.state not in CAN_BE_WITHDRAWN_STATES:
        return refuse(_("This file is closed: documents can no longer be added."), status=409)
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return refuse(" ".join(str(e) for errors in form.errors.values() for e in errors))
    if form.cleaned_data["kind"] not in {offered.value for offered in documents_offered(application)}:
        return refuse(_("This kind of document is not asked for this file."))
    try:
        with transaction.atomic():
            document = document_upload(
                application=application, kind=form.cleaned_data["kind"], uploaded_file=form.cleaned_data["file"]
            )
            if as_proxy:
                proxy_action_record(
                    proxy_id=applicant.person_id,
                    application=application,
                    right=MandateRight.UPLOAD,
                    action="proxy.document_uploaded",
                    summary=_("Sent a document: %(kind)s") % {"kind": document.get_kind_display()},
                    data={"document_id": document.pk},
                    details={"kind": document.kind},
                )
    except (DocumentError, ProxyNotAllowed) as refusal:
        return refuse(refusal.message)
    if as_proxy:
        messages.success(request, _("The document is received. Thank you."))
        return redirect("applicant_proxy_file", pk=application.pk)
    messages.success(request, _("Your document is received. Thank you."))
    return redirect("applicant_space")


def _space_with_error(request, message, status=400):
    """The applicant's space again, with the reason of the refusal, answered with a 4xx."""
    messages.error(request, message)
    return space_page(request, current_applicant(request), status=status)


class StaffUploadForm(forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("Document"), choices=DocumentKind.choices)
    file = forms.FileField(label=gettext_lazy("File (PDF, JPEG or PNG, 10 MB at most)"))


@require_POST
def staff_upload(request, application_pk):
    """An advisor adds a document to a file (a home-visit photo, a document brought in person)."""
    application = get_object_or_404(access.applications_visible_to(request.user), pk=application_pk)
    if not access.may_vet(request.user, application):
        raise PermissionDenied
    form = StaffUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    else:
        try:
            document_upload(
                application=application,
                kind=form.cleaned_data["kind"],
                uploaded_file=form.cleaned_data["file"],
                by=request.user,
            )
        except DocumentNotFound:
            raise Http404 from None
        except DocumentError as refusal:
            messages.error(request, refusal.message)
        else:
            messages.success(request, _("The document is added to the file."))
    return redirect(reverse("workflow_application:inspect", args=[application.pk]))


def applicant_export(request, application_pk):
    """The applicant's data as a ZIP: everything the platform holds (JSON) and their documents."""
    applicant = current_applicant(request)
    application = applicant.applications().filter(pk=application_pk).first() if applicant else None
    if application is None:
        raise Http404
    audit.record(
        "applicant.export",
        actor=audit.applicant_actor(application.person_id),
        obj=application,
        application_id=application.pk,
    )
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as bundle:
        bundle.writestr("application.json", json.dumps(application_export(application), ensure_ascii=False, indent=2))
        for document in application.supporting_documents.all():
            data = document_read(document=document, applicant=applicant)
            extension = sorted(EXTENSIONS[document.content_type])[0]
            bundle.writestr(f"documents/{document.pk}-{document.kind}{extension}", data)
    response = HttpResponse(archive.getvalue(), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="weshare-application-{application.pk}.zip"'
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
def staff_erase(request, application_pk):
    """The file's advisor carries out an applicant's erasure request."""
    from workflow.exceptions import ActionNotPermitted, TransitionRefused

    from .privacy import application_erase

    application = get_object_or_404(access.applications_visible_to(request.user), pk=application_pk)
    if not access.may_vet(request.user, application):
        raise PermissionDenied
    if request.POST.get("confirm") != "yes":
        messages.error(request, _("Please tick the box to confirm the erasure."))
    else:
        try:
            application_erase(application_id=application.pk, by=request.user)
        except ActionNotPermitted:
            raise PermissionDenied from None
        except TransitionRefused:
            messages.error(request, _("This person lives in a pairing now: end it before erasing their data."))
        else:
            messages.success(request, _("The applicant's data are erased; the signed conventions are kept."))
    return redirect(reverse("workflow_application:inspect", args=[application.pk]))
