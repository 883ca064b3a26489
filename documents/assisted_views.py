"""Back-office screens of assisted files that hold documents: the scan of a paper application form
returned by post, the scan of a signed consent form (both private documents of the file), and the
blank application form in large type to print, per country, kind and language."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from workflow import access
from workflow.assisted import assisted_consent_record_paper, assisted_paper_scan_kept, assisted_ready_to_send
from workflow.enums import ApplicationKind, DocumentKind
from workflow.exceptions import WorkflowError
from workflow.models import Application, Country

from .application_form_pdf import application_form_pdf, association_for_print
from .exceptions import DocumentError, DocumentNotFound
from .services import document_upload


def _file(request, pk: int) -> Application:
    application = Application.objects.select_related("territory", "country", "person").filter(pk=pk).first()
    if application is None:
        raise Http404
    vets = access.may_vet(request.user, application)
    # A file an advisor opened is their association's from the start; a draft someone began online
    # stays out of sight until its address is confirmed, as everywhere else.
    opened_here = vets and application.assisted_by_id is not None
    if not opened_here and not access.may_view(request.user, application):
        raise Http404
    if not vets:
        # Seen (a pension office, a national officer) but not vetted: not theirs to fill in.
        raise PermissionDenied
    return application


def _back(application: Application) -> str:
    return reverse("assisted_consent", args=[application.pk])


@require_POST
def paper_scan(request, pk: int):
    """Keep the scan of the paper application form the person sent back; the file records that it
    came on paper."""
    application = _file(request, pk)
    scan = request.FILES.get("scan")
    if scan is None:
        messages.error(request, _("Choose the scan of the paper form (PDF, JPEG or PNG) before sending."))
        return redirect(_back(application))
    try:
        with transaction.atomic():
            document = document_upload(
                application=application, kind=DocumentKind.PAPER_APPLICATION, uploaded_file=scan, by=request.user
            )
            assisted_paper_scan_kept(application_id=application.pk, document_id=document.pk, by=request.user)
    except DocumentNotFound:
        raise Http404 from None
    except (DocumentError, WorkflowError) as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, _("The scan of the paper form is kept in the file."))
    return redirect(_back(application))


@require_POST
def consent_paper(request, pk: int):
    """The person signed the consent on paper: keep the scan (or name the signed paper application
    form already kept) and send the file."""
    application = _file(request, pk)
    chosen = request.POST.get("use_paper_form", "")
    scan = request.FILES.get("scan")
    try:
        assisted_ready_to_send(application_id=application.pk, by=request.user)
        with transaction.atomic():
            if chosen.isdigit():
                document_id = int(chosen)
            elif scan is not None:
                document_id = document_upload(
                    application=application, kind=DocumentKind.CONSENT_FORM, uploaded_file=scan, by=request.user
                ).pk
            else:
                raise WorkflowError(
                    _("Choose the scan of the signed consent form, or tick that the paper form kept is signed.")
                )
            assisted_consent_record_paper(application_id=application.pk, document_id=document_id, by=request.user)
    except DocumentNotFound:
        raise Http404 from None
    except (DocumentError, WorkflowError) as refusal:
        messages.error(request, refusal.message)
        return redirect(_back(application))
    messages.success(request, _("The person agreed on paper: the file is sent to the association."))
    return redirect(reverse("workflow_application:inspect", args=[application.pk]))


def print_form(request, country: str, kind: str, language: str):
    """The blank application form as a PDF in large type, with the address of the advisor's
    association to send it back to."""
    if not access.vets_somewhere(request.user):
        raise PermissionDenied
    found = Country.objects.filter(code=country).first()
    if found is None or kind not in ApplicationKind.values or language not in dict(settings.LANGUAGES):
        raise Http404
    association = association_for_print(request.user, found)
    pdf = application_form_pdf(country=found, kind=kind, language=language, association=association)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="weshare-{kind}-{found.code.lower()}-{language}.pdf"'
    return response
