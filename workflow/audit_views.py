"""The audit trail in the back office: search by person or pairing, export as CSV.

Who may search, and which events they see, is said by :mod:`workflow.access` (superusers every
event; national officers the events of the files and pairings of their country). A search needs
a person (email address or file number) or a pairing number.
"""

import csv

from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from audit import chain as audit
from audit.models import AuditEvent

from . import access
from .models import Application

LIMIT = 1000


class AuditSearchForm(forms.Form):
    person = forms.CharField(label=_("Person (email address or file number)"), required=False, max_length=254)
    pairing = forms.IntegerField(label=_("Pairing number"), required=False, min_value=1)

    def clean(self):
        data = super().clean()
        if not data.get("person") and not data.get("pairing"):
            raise forms.ValidationError(_("Give a person or a pairing."))
        return data


def _events(user, data):
    person, pairing = (data.get("person") or "").strip(), data.get("pairing")
    events = AuditEvent.objects.all()
    if person:
        files = (
            Application.objects.filter(pk=int(person))
            if person.isdigit()
            else Application.objects.filter(email__iexact=person)
        )
        ids = list(files.values_list("pk", flat=True))
        events = events.filter(
            Q(application_id__in=ids)
            | Q(data__host__in=ids)
            | Q(data__guest__in=ids)
            | Q(actor__iexact=f"applicant:{person}")
        )
    if pairing:
        events = events.filter(pairing_id=pairing)
    return access.audit_events_visible_to(user, events).order_by("-pk")[:LIMIT]


def audit_trail(request):
    if not access.may_search_audit(request.user):
        raise PermissionDenied
    form = AuditSearchForm(request.GET or None)
    events = _events(request.user, form.cleaned_data) if form.is_valid() else []
    if form.is_valid() and request.GET.get("format") == "csv":
        audit.record("audit.exported", user=request.user, data={k: v for k, v in form.cleaned_data.items() if v})
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="weshare-audit.csv"'
        writer = csv.writer(response)
        writer.writerow(["id", "at", "event", "by", "object", "file", "pairing", "details", "hash", "previous_hash"])
        for e in events:
            writer.writerow(
                [e.pk, e.at.isoformat(), e.action, e.actor, f"{e.object_type}:{e.object_id}", e.application_id or "",
                 e.pairing_id or "", e.data, e.hash, e.previous_hash]
            )  # fmt: skip
        return response
    return TemplateResponse(request, "workflow/admin/audit_trail.html", {"form": form, "events": events})
