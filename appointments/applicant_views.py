"""The applicant's "add to my calendar": the ``.ics`` of one of their own appointments."""

from django.http import Http404, HttpResponse
from django.utils.translation import get_language

from workflow.applicant_session import current_applicant
from workflow.models import Person
from workflow.notifications import public_url

from .ics import MIMETYPE, appointment_ics, filename
from .selectors import of_applicant_files


def download(request, pk: int):
    """Only an appointment of the signed-in person's files or of their pairings; anything else is not found."""
    applicant = current_applicant(request)
    if applicant is None:
        raise Http404
    appointment = (
        of_applicant_files(applicant.application_ids)
        .select_related("application", "pairing__host", "pairing__guest", "created_by")
        .filter(pk=pk)
        .first()
    )
    if appointment is None:
        raise Http404
    person = Person.objects.filter(pk=applicant.person_id).first()
    content = appointment_ics(
        appointment,
        language=get_language(),
        link=public_url("applicant_space"),
        only=(person.email if person is not None and person.email else "-"),
    )
    response = HttpResponse(content, content_type=f"{MIMETYPE}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename(appointment)}"'
    return response
