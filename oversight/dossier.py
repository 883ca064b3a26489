"""A pairing's dossier: everything that happened to it and to its two files, who did it, when and why.

Read only, in a bounded number of queries. Its conversation appears as counts and dates, never
as the text of a message: the dossier is read by staff who may not take part in it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from django.db.models import Count, Max, Min, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

from appointments.models import Appointment
from conversations.models import AttachmentOpening, Message
from conversations.models import Report as MessageReport
from documents.models import Convention, DocumentAccess, SupportingDocument
from pairings.enums import PairingState, Party
from pairings.exceptions import PairingNotFound
from pairings.models import Pairing
from workflow import access
from workflow.enums import ApplicationState, NotificationStatus
from workflow.models import ApplicationTransitionLog, Notification
from workflow.notifications import KINDS, about_key

#: The sections of a dossier, in the order they are shown.
SECTIONS = {
    "pairing": gettext_lazy("The pairing's states"),
    "files": gettext_lazy("The two files' states"),
    "appointments": gettext_lazy("Appointments"),
    "documents": gettext_lazy("Supporting documents: uploaded and opened"),
    "conventions": gettext_lazy("Convention: versions and signatures"),
    "follow_up": gettext_lazy("Check-ins, incidents and notes"),
    "notifications": gettext_lazy("Messages sent"),
}

#: Pairing log entries whose state does not change, in words.
SAME_STATE_ACTIONS = {
    "pairing.accepted_by_one": gettext_lazy("Accepted by one side"),
    "pairing.notice_given": gettext_lazy("Notice given to end early"),
}

DOCUMENT_ACTIONS = {
    DocumentAccess.Action.UPLOADED: gettext_lazy("Uploaded"),
    DocumentAccess.Action.DOWNLOADED: gettext_lazy("Opened"),
    DocumentAccess.Action.VERIFIED: gettext_lazy("Verified"),
    DocumentAccess.Action.REENCRYPTED: gettext_lazy("Re-encrypted"),
}


@dataclass(frozen=True)
class Entry:
    """One line of the dossier: when, what, who and why."""

    at: datetime
    what: str
    who: str
    why: str = ""
    about: str = ""


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    entries: list[Entry]


@dataclass(frozen=True)
class MonthOfMessages:
    month: date
    by_staff: int
    by_applicants: int


@dataclass(frozen=True)
class ConversationFacts:
    """What can be said of a conversation without reading it."""

    messages: int = 0
    by_staff: int = 0
    by_applicants: int = 0
    by_erased_authors: int = 0
    hidden: int = 0
    reports: int = 0
    attachments: int = 0
    attachment_openings: int = 0
    first_at: datetime | None = None
    last_at: datetime | None = None
    months: list[MonthOfMessages] = field(default_factory=list)


@dataclass(frozen=True)
class Dossier:
    pairing: Pairing
    state: str
    made_at: datetime
    made_for: str
    sections: list[Section]
    conversation: ConversationFacts

    @property
    def reference(self) -> str:
        return _("Pairing %(number)s") % {"number": self.pairing.pk}

    @property
    def entries(self) -> int:
        return sum(len(section.entries) for section in self.sections)


def staff_name(user) -> str:
    if user is None:
        return _("the platform")
    return user.get_full_name() or user.get_username()


def applicant_name(application) -> str:
    """As the audit trail names an applicant: their name and file number, or "anonymised"."""
    if application.anonymised_at:
        return pgettext("a person", "anonymised")
    return _("%(name)s (file %(number)s)") % {
        "name": f"{application.first_name} {application.last_name}",
        "number": application.pk,
    }


def _labels(choices) -> dict:
    return {value: str(label) for value, label in choices}


def _pairing_entries(pairing: Pairing, people: dict) -> list[Entry]:
    states = _labels(PairingState.choices)
    entries = []
    for log in pairing.transitions.select_related("user").order_by("created_at", "pk"):
        if log.user_id:
            who = staff_name(log.user)
        elif log.party:
            who = people[log.party]
        else:
            who = log.by_label()
        if log.action in SAME_STATE_ACTIONS:
            what = str(SAME_STATE_ACTIONS[log.action])
        elif log.from_state:
            what = f"{states.get(log.from_state, log.from_state)} → {states.get(log.to_state, log.to_state)}"
        else:
            what = states.get(log.to_state, log.to_state)
        entries.append(Entry(at=log.created_at, what=what, who=who, why=log.comment))
    return entries


def _file_entries(files: dict) -> list[Entry]:
    states = _labels(ApplicationState.choices)
    entries = []
    logs = (
        ApplicationTransitionLog.objects.filter(application__in=list(files))
        .select_related("user")
        .order_by("created_at", "pk")
    )
    for log in logs:
        application = files[log.application_id]
        entries.append(
            Entry(
                at=log.created_at,
                what=f"{states.get(log.from_state, log.from_state)} → {states.get(log.to_state, log.to_state)}",
                who=staff_name(log.user) if log.user_id else applicant_name(application),
                why=log.comment,
                about=applicant_name(application),
            )
        )
    return entries


def _document_entries(files: dict) -> list[Entry]:
    documents = list(
        SupportingDocument.objects.filter(application__in=list(files)).select_related("uploaded_by", "verified_by")
    )
    accesses = (
        DocumentAccess.objects.filter(document__in=documents).select_related("user", "document").order_by("at", "pk")
    )
    described = {d.pk: f"{d.get_kind_display()} — {d.original_name}" for d in documents}
    entries = []
    uploads_logged = set()
    for opening in accesses:
        application = files[opening.document.application_id]
        if opening.user_id:
            who = staff_name(opening.user)
        elif opening.by_applicant:
            who = applicant_name(application)
        else:
            who = _("the platform")
        if opening.action == DocumentAccess.Action.UPLOADED:
            uploads_logged.add(opening.document_id)
        entries.append(
            Entry(
                at=opening.at,
                what=str(DOCUMENT_ACTIONS.get(opening.action, opening.get_action_display())),
                who=who,
                about=described[opening.document_id],
            )
        )
    for document in documents:
        application = files[document.application_id]
        if document.pk not in uploads_logged:
            entries.append(
                Entry(
                    at=document.uploaded_at,
                    what=str(DOCUMENT_ACTIONS[DocumentAccess.Action.UPLOADED]),
                    who=staff_name(document.uploaded_by) if document.uploaded_by_id else applicant_name(application),
                    about=described[document.pk],
                )
            )
        if document.verified_at:
            entries.append(
                Entry(
                    at=document.verified_at,
                    what=_("Checked by staff"),
                    who=staff_name(document.verified_by),
                    about=described[document.pk],
                )
            )
    return entries


def _convention_entries(conventions: list[Convention], people: dict) -> list[Entry]:
    entries = []
    for convention in conventions:
        versions = [
            _("%(title)s, version %(number)s (%(language)s)")
            % {"title": v.template.title, "number": v.number, "language": v.template.language}
            for v in dict.fromkeys(v for v in (convention.host_version, convention.guest_version) if v is not None)
        ]
        entries.append(
            Entry(
                at=convention.created_at,
                what=_("Convention %(reference)s drafted") % {"reference": convention.reference},
                who=_("the platform"),
                why=_("Texts: %(versions)s") % {"versions": "; ".join(versions)} if versions else "",
                about=convention.get_state_display(),
            )
        )
        for step in convention.steps.all():
            if step.user_id:
                who = staff_name(step.user)
            elif step.party in people:
                who = people[step.party]
            else:
                who = step.signer_name or _("the platform")
            what = step.action_label()
            if step.party:
                what = f"{what} — {step.get_party_display()}"
            about = convention.reference
            if step.certificate_id:
                about = _("%(reference)s, certificate %(fingerprint)s") % {
                    "reference": convention.reference,
                    "fingerprint": step.certificate.fingerprint[:16],
                }
            entries.append(Entry(at=step.at, what=what, who=who, why=step.comment, about=about))
    return entries


def _follow_up_entries(pairing: Pairing) -> list[Entry]:
    entries = [
        Entry(
            at=check_in.done_at,
            what=_("%(kind)s (due on %(day)s)") % {"kind": check_in.get_kind_display(), "day": check_in.due_on},
            who=staff_name(check_in.done_by),
            why=check_in.notes,
        )
        for check_in in pairing.check_ins.filter(done_at__isnull=False).select_related("done_by")
    ]
    entries += [
        Entry(at=note.created_at, what=note.get_kind_display(), who=staff_name(note.author), why=note.text)
        for note in pairing.notes.select_related("author")
    ]
    entries += [
        Entry(
            at=amendment.created_at,
            what=_("Amendment from %(day)s") % {"day": amendment.effective_on},
            who=staff_name(amendment.author),
            why=amendment.text,
        )
        for amendment in pairing.amendments.select_related("author")
    ]
    return entries


def _appointment_entries(pairing: Pairing, files: dict) -> list[Entry]:
    appointments = Appointment.objects.filter(Q(pairing=pairing) | Q(application__in=list(files))).select_related(
        "created_by"
    )
    entries = []
    for appointment in appointments:
        when = timezone.localtime(appointment.starts_at)
        what = _("%(kind)s on %(day)s at %(time)s") % {
            "kind": appointment.get_kind_display(),
            "day": when.date(),
            "time": when.strftime("%H:%M"),
        }
        about = applicant_name(files[appointment.application_id]) if appointment.application_id else ""
        entries.append(Entry(at=appointment.created_at, what=what, who=staff_name(appointment.created_by), about=about))
        if appointment.cancelled_at:
            entries.append(
                Entry(at=appointment.cancelled_at, what=_("Cancelled: %(what)s") % {"what": what}, who="", about=about)
            )
    return entries


def _moment(moment: datetime) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


def _subject(notification: Notification) -> str:
    if notification.subject:
        return notification.subject
    kind = KINDS.get(notification.kind)
    try:
        return kind.subject(notification.context) if kind else _("A message")
    except (KeyError, TypeError, ValueError):
        return _("A message")


def _notification_entries(pairing: Pairing, conventions: list[Convention], files: dict) -> list[Entry]:
    keys = [about_key(pairing), *(about_key(c) for c in conventions)]
    found = (
        Notification.objects.filter(Q(about__in=keys) | Q(application__in=list(files)))
        .select_related("user")
        .order_by("queued_at", "pk")
    )
    by_person = {application.person_id: applicant_name(application) for application in files.values()}
    channels = _labels(Notification._meta.get_field("channel").choices)
    entries = []
    for notification in found:
        if notification.user_id:
            to = staff_name(notification.user)
        elif notification.person_id:
            to = by_person.get(notification.person_id, _("another person"))
        else:
            to = pgettext("a person", "anonymised")
        if notification.status == NotificationStatus.SENT:
            status = _("sent on %(when)s") % {"when": _moment(notification.sent_at or notification.queued_at)}
        elif notification.status == NotificationStatus.FAILED:
            status = _("failed: %(why)s") % {"why": notification.failure}
        else:
            status = _("waiting to be sent")
        entries.append(
            Entry(
                at=notification.queued_at,
                what=_subject(notification),
                who=_("to %(whom)s") % {"whom": to},
                why=f"{channels.get(notification.channel, notification.channel)}, {status}",
            )
        )
    return entries


def conversation_facts(pairing: Pairing) -> ConversationFacts:
    """Counts and dates of the pairing's conversation; never a message's text."""
    messages = Message.objects.filter(conversation__pairing=pairing)
    totals = messages.aggregate(
        messages=Count("pk"),
        by_staff=Count("pk", filter=Q(author_user__isnull=False)),
        by_applicants=Count("pk", filter=Q(author_person__isnull=False)),
        hidden=Count("pk", filter=Q(hidden_at__isnull=False)),
        first_at=Min("created_at"),
        last_at=Max("created_at"),
    )
    if not totals["messages"]:
        return ConversationFacts()
    months = (
        messages.annotate(month=TruncMonth("created_at"))
        .values("month")
        .annotate(
            by_staff=Count("pk", filter=Q(author_user__isnull=False)),
            by_applicants=Count("pk", filter=Q(author_person__isnull=False)),
        )
        .order_by("month")
    )
    return ConversationFacts(
        **totals,
        by_erased_authors=totals["messages"] - totals["by_staff"] - totals["by_applicants"],
        reports=MessageReport.objects.filter(message__conversation__pairing=pairing).count(),
        attachments=messages.aggregate(n=Count("attachments"))["n"],
        attachment_openings=AttachmentOpening.objects.filter(
            attachment__message__conversation__pairing=pairing
        ).count(),
        months=[
            MonthOfMessages(
                month=row["month"].date() if isinstance(row["month"], datetime) else row["month"],
                by_staff=row["by_staff"],
                by_applicants=row["by_applicants"],
            )
            for row in months
        ],
    )


def _sorted(entries: list[Entry]) -> list[Entry]:
    return sorted(entries, key=lambda entry: entry.at)


def pairing_dossier(*, pairing: Pairing | int, user) -> Dossier:
    """The dossier of a pairing, for whoever sees both its files (else ``PairingNotFound``)."""
    pk = pairing.pk if isinstance(pairing, Pairing) else pairing
    pairing = (
        Pairing.objects.select_related("host", "guest", "created_by").filter(pk=pk).first() if pk is not None else None
    )
    if pairing is None or not access.may_view_pairing(user, pairing):
        raise PairingNotFound()
    files = {pairing.host_id: pairing.host, pairing.guest_id: pairing.guest}
    people = {Party.HOST: applicant_name(pairing.host), Party.GUEST: applicant_name(pairing.guest)}
    conventions = list(
        pairing.conventions.select_related("host_version__template", "guest_version__template")
        .prefetch_related("steps__user", "steps__certificate")
        .order_by("created_at", "pk")
    )
    sections = {
        "pairing": _pairing_entries(pairing, people),
        "files": _file_entries(files),
        "appointments": _appointment_entries(pairing, files),
        "documents": _document_entries(files),
        "conventions": _convention_entries(conventions, people),
        "follow_up": _follow_up_entries(pairing),
        "notifications": _notification_entries(pairing, conventions, files),
    }
    return Dossier(
        pairing=pairing,
        state=pairing.get_state_display(),
        made_at=timezone.now(),
        made_for=staff_name(user),
        sections=[Section(key, str(SECTIONS[key]), _sorted(entries)) for key, entries in sections.items()],
        conversation=conversation_facts(pairing),
    )
