"""The audit trail in the back office: search by person or pairing, export as CSV.

Who may search, and which events they see, is said by :mod:`workflow.access` (superusers every
event; national officers the events of the files and pairings of their country). A search needs
a person (email address or file number) or a pairing number.
"""

import csv

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from audit import chain as audit
from audit.models import AuditEvent

from . import access
from .enums import ApplicationState
from .models import Application, Person

LIMIT = 1000

#: What each recorded action means, as the reader says it ("who" + sentence); an action not
#: listed here is shown by its code.
EVENT_SENTENCES = {
    "convention.identity_checked": _("checked the signer's identity document in person"),
    "convention.code_given": _("gave the signer a one-time code in person, by text or by post"),
    "letter.printed": _("printed a letter to post"),
    "letter.posted": _("marked a letter as posted"),
    "mandate.created": _("prepared a mandate"),
    "mandate.invitation_code": _("made an invitation code for a proxy"),
    "mandate.invitation_sent": _("sent a proxy their invitation"),
    "mandate.joined": _("took up a mandate as proxy"),
    "mandate.proxy_signed_in": _("signed in as a proxy"),
    "mandate.acceptance_code_sent": _("sent the person a code to accept a mandate"),
    "mandate.acceptance_code_wrong": _("typed a wrong code to accept a mandate"),
    "mandate.accepted": _("recorded the person's acceptance of a mandate"),
    "mandate.revoked": _("revoked a mandate"),
    "mandate.right_revoked": _("took back one right of a mandate"),
    "proxy.document_uploaded": _("sent a document on behalf of the person"),
    "proxy.message_sent": _("wrote a message on behalf of the person"),
    "proxy.proposal_answered": _("answered a proposal on behalf of the person"),
    "application.assisted_started": _("opened a file for the applicant"),
    "application.assisted_answers_saved": _("entered answers for the applicant"),
    "application.assisted_consent_requested": _("asked the applicant's consent to send the file"),
    "application.assisted_consent_refused": _("typed a wrong consent code"),
    "application.assisted_consent_given": _("recorded the applicant's consent"),
    "application.paper_form_kept": _("kept the scan of the paper application form"),
    "application.taken_over": _("took over the file filled in for them"),
    "application.submitted": _("sent the file"),
    "application.withdrawn": _("withdrew the file"),
    "application.review_started": _("started the review of the file"),
    "application.interview_scheduled": _("scheduled an interview"),
    "application.home_visit_recorded": _("recorded the home visit"),
    "application.approved": _("approved the file"),
    "application.rejected": _("rejected the file"),
    "application.sent_back": _("sent the file back for completion"),
    "application.archived": _("archived the file"),
    "application.email_changed": _("changed the file's email address"),
    "application.anonymised": _("anonymised the file"),
    "application.erased": _("erased the applicant's data"),
    "application.referral_withdrawn": _("stopped sharing the file with the partner"),
    "applicant.export": _("downloaded the applicant's data"),
    "applicant.sign_in": _("signed in to the applicant space"),
    "applicant.link": _("asked for a sign-in link"),
    "applicant.confirm_email": _("confirmed the email address"),
    "applicant.email_changed": _("changed the email address"),
    "person.contacts_changed": _("changed how to reach the person"),
    "document.uploaded": _("added a supporting document"),
    "document.downloaded": _("opened a supporting document"),
    "document.verified": _("verified a supporting document"),
    "document.reencrypted": _("re-encrypted a supporting document"),
    "letter.opened": _("opened a letter to post"),
    "pairing.proposed": _("proposed the pairing"),
    "pairing.accepted_by_one": _("accepted the proposal (one side)"),
    "pairing.accepted": _("accepted the proposal"),
    "pairing.declined": _("declined the proposal"),
    "pairing.cancelled": _("cancelled the pairing"),
    "pairing.meeting_scheduled": _("scheduled the meeting"),
    "pairing.trial_started": _("started the trial period"),
    "pairing.convention_drafted": _("drafted the convention"),
    "pairing.convention_refused": _("refused the convention"),
    "pairing.signing_opened": _("opened the signing of the convention"),
    "pairing.activated": _("activated the pairing"),
    "pairing.notice_given": _("gave notice to end the pairing"),
    "pairing.terminated": _("ended the pairing early"),
    "pairing.ended": _("ended the pairing"),
    "convention.rendered": _("produced the convention"),
    "convention.signed": _("signed the convention"),
    "convention.sealed": _("sealed the convention"),
    "convention.refused": _("refused the convention"),
    "convention.signing_code": _("asked for a signing code"),
    "convention.code_refused": _("typed a wrong signing code"),
    "auth.login": _("signed in"),
    "auth.logout": _("signed out"),
    "auth.login_failed": _("failed to sign in"),
    "auth.second_factor": _("confirmed the second factor"),
    "auth.second_factor_failed": _("failed the second factor"),
    "auth.second_factor_enrolled": _("set up a second factor"),
    "permissions.role_granted": _("was given a staff role"),
    "permissions.role_changed": _("had their staff role changed"),
    "permissions.role_removed": _("lost a staff role"),
    "permissions.user_flags": _("had their account's rights changed"),
    "permissions.groups_add": _("was added to a group"),
    "permissions.groups_remove": _("was removed from a group"),
    "permissions.groups_clear": _("was removed from every group"),
    "permissions.permissions_add": _("was given permissions"),
    "permissions.permissions_remove": _("had permissions removed"),
    "permissions.permissions_clear": _("had every permission removed"),
    "audit.exported": _("exported the audit trail"),
    "audit.anchored": _("timestamped the audit trail's latest entry"),
    "export.requested": _("asked for an export"),
    "export.downloaded": _("downloaded an export"),
    "pairing.dossier_viewed": _("read the pairing's dossier"),
    "pairing.dossier_exported": _("downloaded the pairing's sealed dossier"),
}


def event_in_words(action: str) -> str:
    """The sentence saying what ``action`` did, in the reader's language; the code if unknown."""
    sentence = EVENT_SENTENCES.get(action)
    return str(sentence) if sentence is not None else action


def details_in_words(data) -> str:
    """A file's change of state by the states' names ("Submitted → In review"); other details as recorded."""
    if isinstance(data, dict) and set(data) == {"from", "to"}:
        states = dict(ApplicationState.choices)
        if data["from"] in states and data["to"] in states:
            return f"{states[data['from']]} → {states[data['to']]}"
    return str(data) if data else ""


class AuditSearchForm(forms.Form):
    person = forms.CharField(label=_("Person (email address or file number)"), required=False, max_length=254)
    pairing = forms.IntegerField(label=_("Pairing number"), required=False, min_value=1)

    def clean(self):
        data = super().clean()
        if not data.get("person") and not data.get("pairing"):
            raise forms.ValidationError(_("Give a person or a pairing."))
        return data


def _files_of(person: str) -> list[int]:
    """The files of the person named by a file number or an address: every file of theirs."""
    files = (
        Application.objects.filter(pk=int(person))
        if person.isdigit()
        else Application.objects.filter(Q(email__iexact=person) | Q(person__email__iexact=person))
    )
    people = files.values_list("person_id", flat=True)
    return list(Application.objects.filter(person_id__in=people).values_list("pk", flat=True))


def _people_of(files: list[int]) -> set[int]:
    return set(Application.objects.filter(pk__in=files).values_list("person_id", flat=True))


def _events(user, files: list[int] | None, pairing: int | None):
    events = AuditEvent.objects.all()
    if files is not None:
        events = events.filter(
            Q(application_id__in=files)
            | Q(data__host__in=files)
            | Q(data__guest__in=files)
            | Q(actor__in=[f"application:{pk}" for pk in files])
            | Q(actor__in=[audit.applicant_actor(pk) for pk in _people_of(files)])
        )
    if pairing:
        events = events.filter(pairing_id=pairing)
    return list(access.audit_events_visible_to(user, events).order_by("-pk")[:LIMIT])


def _name_actors(events) -> None:
    """Who acted, resolved now: the chain names people by id only, so an erased person reads
    "anonymised" while the chain stays whole."""
    user_ids, file_ids, person_ids = set(), set(), set()
    for event in events:
        kind, _sep, pk = event.actor.partition(":")
        if pk.isdigit():
            {"user": user_ids, "application": file_ids, "applicant": person_ids}.get(kind, set()).add(int(pk))
    users = {u.pk: u for u in get_user_model().objects.filter(pk__in=user_ids)}
    files = {a.pk: a for a in Application.objects.filter(pk__in=file_ids)}
    people = {p.pk: p for p in Person.objects.filter(pk__in=person_ids).prefetch_related("applications")}
    for event in events:
        kind, _sep, pk = event.actor.partition(":")
        if kind == "user" and pk.isdigit() and int(pk) in users:
            found = users[int(pk)]
            event.actor_name = found.get_full_name() or found.get_username()
        elif kind == "application" and pk.isdigit() and int(pk) in files:
            found = files[int(pk)]
            event.actor_name = (
                str(pgettext_lazy("a person", "anonymised"))
                if found.anonymised_at
                else _("%(name)s (file %(number)s)") % {"name": f"{found.first_name} {found.last_name}", "number": pk}
            )
        elif kind == "applicant" and pk.isdigit() and int(pk) in people:
            found = people[int(pk)]
            latest = max(found.applications.all(), key=lambda a: a.created_at, default=None)
            event.actor_name = (
                str(pgettext_lazy("a person", "anonymised"))
                if found.anonymised_at or latest is None
                else _("%(name)s (person %(number)s)")
                % {"name": f"{latest.first_name} {latest.last_name}", "number": pk}
            )
        elif kind == "system" or not event.actor:
            event.actor_name = str(_("the platform")) if kind == "system" else ""
        else:
            event.actor_name = event.actor


def audit_trail(request):
    if not access.may_search_audit(request.user):
        raise PermissionDenied
    form = AuditSearchForm(request.GET or None)
    events = []
    if form.is_valid():
        person, pairing = (form.cleaned_data.get("person") or "").strip(), form.cleaned_data.get("pairing")
        files = _files_of(person) if person else None
        events = _events(request.user, files, pairing)
        _name_actors(events)
        for event in events:
            event.in_words = event_in_words(event.action)
            event.details = details_in_words(event.data)
    if form.is_valid() and request.GET.get("format") == "csv":
        # The search is recorded by what it found (file and pairing numbers), never by the address typed.
        audit.record("audit.exported", user=request.user, data={"files": files or [], "pairing": pairing})
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="weshare-audit.csv"'
        writer = csv.writer(response)
        writer.writerow(["id", "at", "event", "by", "object", "file", "pairing", "details", "hash", "previous_hash"])
        for e in events:
            writer.writerow(
                [e.pk, e.at.isoformat(), e.action, e.actor_name, f"{e.object_type}:{e.object_id}", e.application_id or "",
                 e.pairing_id or "", e.data, e.hash, e.previous_hash]
            )  # fmt: skip
        return response
    return TemplateResponse(request, "workflow/admin/audit_trail.html", {"form": form, "events": events})
