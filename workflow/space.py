"""What the applicant's space shows of one file, in plain language: plain functions the views call.

The space is the applicant's home: what happened to their file and when, what happens next and
how long it usually takes, what is still missing, who accompanies them, and where their proposal,
pairing and convention are. Pairings, conventions and check-ins are read through the reverse
relations their apps define (``pairings_as_host``, ``conventions``, ``check_ins``), so that this
module needs nothing from the apps above it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from .answer_sheet import answer_groups
from .enums import ApplicationKind, ApplicationState, DocumentKind
from .models import Application, ApplicationRules, Organisation

#: What happened, said to the applicant, for each state a file reaches, in the words of the
#: state's name (approved, rejected, sent back…) that the space shows next to it.
HAPPENED = {
    ApplicationState.SUBMITTED: gettext_lazy("You sent your application"),
    ApplicationState.SENT_BACK: gettext_lazy("Your advisor asked you to complete your file"),
    ApplicationState.IN_REVIEW: gettext_lazy("An advisor started reviewing your file"),
    ApplicationState.INTERVIEW_SCHEDULED: gettext_lazy("Your advisor arranged to meet you"),
    ApplicationState.HOME_VISIT_DONE: gettext_lazy("Your advisor visited you at home"),
    ApplicationState.APPROVED: gettext_lazy("Your application was approved"),
    ApplicationState.REJECTED: gettext_lazy("Your application was rejected"),
    ApplicationState.WITHDRAWN: gettext_lazy("Your application was withdrawn"),
    ApplicationState.ARCHIVED: gettext_lazy("Your file was archived"),
}

#: What happens next, and how long it usually takes, for a file in each state.
NEXT = {
    ApplicationState.DRAFT: gettext_lazy(
        "Your application is not sent yet. Open the link we emailed you to confirm your address: "
        "your application then reaches the association of your area."
    ),
    ApplicationState.SENT_BACK: gettext_lazy(
        "Your advisor needs more from you. Read their message, send the missing documents below, "
        "then your advisor takes your file up again, usually within a week."
    ),
    ApplicationState.IN_REVIEW: gettext_lazy(
        "Your advisor checks your answers and documents, then calls you to arrange a meeting, usually within two weeks."
    ),
    ApplicationState.INTERVIEW_SCHEDULED: gettext_lazy(
        "Your advisor meets you (a host at home). A decision usually follows within two weeks of the meeting."
    ),
    ApplicationState.HOME_VISIT_DONE: gettext_lazy(
        "Your advisor writes their opinion. The decision usually follows within two weeks."
    ),
    ApplicationState.APPROVED: gettext_lazy(
        "Your advisor looks for the right person for you. It usually takes a few weeks, sometimes a few "
        "months, depending on who applies near you. You will receive a proposal by email."
    ),
    ApplicationState.REJECTED: gettext_lazy(
        "Your file is closed. Your advisor's message says why; you may contact your association with any question."
    ),
    ApplicationState.WITHDRAWN: gettext_lazy("Your file is closed, as you asked. You may apply again at any time."),
    ApplicationState.ARCHIVED: gettext_lazy("Your file is closed and kept for the time the law requires."),
}

#: What a pairing in each state means for the applicant, and what comes next.
PAIRING_NEXT = {
    "proposed": gettext_lazy("A proposal of homesharing is waiting for your answer."),
    "accepted": gettext_lazy("You have both accepted. Your advisor will arrange a meeting of you both."),
    "meeting_scheduled": gettext_lazy("Your advisor arranges a meeting of you both."),
    "trial": gettext_lazy("Your trial period is under way. Your advisor then prepares the convention."),
    "convention_drafted": gettext_lazy("Your advisor is preparing your convention."),
    "signing": gettext_lazy("Your convention is ready: read it and sign it when it is your turn."),
    "active": gettext_lazy("Your homesharing is active. Your advisor keeps in touch with you both."),
    "ended": gettext_lazy("Your homesharing has come to its end."),
    "terminated": gettext_lazy("Your homesharing has ended early."),
    "declined": gettext_lazy("This proposal was declined."),
    "cancelled": gettext_lazy("This homesharing was cancelled."),
}

#: The same, as a proxy reads them about the person they act for (never "you", which is them).
STARTED_FOR_PROXY = gettext_lazy("The application was started")
HAPPENED_FOR_PROXY = {
    ApplicationState.SUBMITTED: gettext_lazy("The application was sent"),
    ApplicationState.SENT_BACK: gettext_lazy("The advisor asked for the file to be completed"),
    ApplicationState.IN_REVIEW: gettext_lazy("An advisor started reviewing the file"),
    ApplicationState.INTERVIEW_SCHEDULED: gettext_lazy("The advisor arranged a meeting"),
    ApplicationState.HOME_VISIT_DONE: gettext_lazy("The advisor made the home visit"),
    ApplicationState.APPROVED: gettext_lazy("The application was approved"),
    ApplicationState.REJECTED: gettext_lazy("The application was rejected"),
    ApplicationState.WITHDRAWN: gettext_lazy("The application was withdrawn"),
    ApplicationState.ARCHIVED: gettext_lazy("The file was archived"),
}
NEXT_FOR_PROXY = {
    ApplicationState.DRAFT: gettext_lazy(
        "The application is not sent yet: it reaches the association once the email address is confirmed."
    ),
    ApplicationState.SENT_BACK: gettext_lazy(
        "The advisor needs more: read their message and send the missing documents; the advisor then "
        "takes the file up again, usually within a week."
    ),
    ApplicationState.IN_REVIEW: gettext_lazy(
        "The advisor checks the answers and documents, then calls to arrange a meeting, usually within two weeks."
    ),
    ApplicationState.INTERVIEW_SCHEDULED: gettext_lazy(
        "The advisor holds the meeting (a host's at home). A decision usually follows within two weeks."
    ),
    ApplicationState.HOME_VISIT_DONE: gettext_lazy(
        "The advisor writes their opinion. The decision usually follows within two weeks."
    ),
    ApplicationState.APPROVED: gettext_lazy(
        "The advisor looks for the right person. It usually takes a few weeks, sometimes a few months, "
        "depending on who applies nearby. A proposal will be sent by email."
    ),
    ApplicationState.REJECTED: gettext_lazy(
        "The file is closed. The advisor's message says why; the association answers any question."
    ),
    ApplicationState.WITHDRAWN: gettext_lazy(
        "The file is closed, as asked. A new application is possible at any time."
    ),
    ApplicationState.ARCHIVED: gettext_lazy("The file is closed and kept for the time the law requires."),
}
MATCHED_FOR_PROXY = gettext_lazy("The advisor has found someone: what comes next is under “Their homesharing” below.")

#: Pairing states after which nobody is looked for or accompanied any more under that pairing.
CLOSED_PAIRING_STATES = ("declined", "cancelled", "ended", "terminated")

#: What an approved file's space says once a person is proposed: the pairing says what comes next.
MATCHED = gettext_lazy(
    "Your advisor has found someone for you: what comes next is written under “Your homesharing” below."
)

#: Pairing states in which check-ins are planned.
FOLLOWED_PAIRING_STATES = ("trial", "signing", "convention_drafted", "active")

#: Documents a host or a guest may send even when the country requires none of them; the
#: country's required kinds (and a tenant host's landlord consent) are added to these.
#: The photo of the home visit is the advisor's, never asked of the applicant.
DOCUMENTS_FOR = {
    ApplicationKind.HOST: (
        DocumentKind.IDENTITY,
        DocumentKind.ADDRESS,
        DocumentKind.PENSION,
        DocumentKind.ROOM_PHOTO,
        DocumentKind.OTHER,
    ),
    ApplicationKind.GUEST: (DocumentKind.IDENTITY, DocumentKind.ENROLMENT, DocumentKind.OTHER),
}


@dataclass(frozen=True)
class Event:
    """One line of the timeline: a date and what happened."""

    on: date
    text: str


@dataclass(frozen=True)
class Offered:
    """A kind of document the upload form offers, and whether the file still needs it."""

    value: str
    label: str
    missing: bool


@dataclass
class Section:
    """A step of the application form, with the answers given to it."""

    title: str
    rows: list[tuple[str, str]] = field(default_factory=list)


def _day(moment) -> date:
    return timezone.localtime(moment).date() if timezone.is_aware(moment) else moment.date()


def timeline(application: Application, *, for_proxy: bool = False) -> list[Event]:
    """What happened to the file, oldest first, with dates; worded for the person's proxy when
    ``for_proxy``."""
    happened = HAPPENED_FOR_PROXY if for_proxy else HAPPENED
    started = STARTED_FOR_PROXY if for_proxy else _("You started your application")
    events = [Event(_day(application.created_at), str(started))]
    seen_submission = False
    for log in application.transitions.all():
        text = happened.get(log.to_state)
        if text is None:
            continue
        seen_submission = seen_submission or log.to_state == ApplicationState.SUBMITTED
        events.append(Event(_day(log.created_at), str(text)))
    if application.submitted_at and not seen_submission:
        events.insert(1, Event(_day(application.submitted_at), str(happened[ApplicationState.SUBMITTED])))
    return events


def what_next(application: Application, *, for_proxy: bool = False) -> str:
    """What happens next to the file and how long it usually takes; worded for the person's
    proxy when ``for_proxy``."""
    if application.state == ApplicationState.SUBMITTED:
        days = ApplicationRules.for_application(application).reminder_after_days
        if for_proxy:
            return ngettext(
                "An advisor of the association reads the file, usually within %(days)d day.",
                "An advisor of the association reads the file, usually within %(days)d days.",
                days,
            ) % {"days": days}
        return ngettext(
            "An advisor of your association reads your file, usually within %(days)d day.",
            "An advisor of your association reads your file, usually within %(days)d days.",
            days,
        ) % {"days": days}
    if application.state == ApplicationState.APPROVED and _has_live_pairing(application):
        return str(MATCHED_FOR_PROXY if for_proxy else MATCHED)
    return str((NEXT_FOR_PROXY if for_proxy else NEXT).get(application.state, ""))


def _has_live_pairing(application: Application) -> bool:
    related = (
        application.pairings_as_host if application.kind == ApplicationKind.HOST else application.pairings_as_guest
    )
    return related.exclude(state__in=CLOSED_PAIRING_STATES).exists()


def documents_offered(application: Application) -> list[Offered]:
    """The kinds of document the upload form offers for this file: those it still needs first,
    then the others that apply to a host or to a guest."""
    missing = list(dict.fromkeys(application.missing_documents()))
    if "required_documents" in application.rules_snapshot:
        required = list(application.rules_snapshot["required_documents"])
    else:
        required = list(ApplicationRules.for_application(application).required_documents or [])
    others = [kind for kind in DocumentKind.values if kind in required or kind in DOCUMENTS_FOR[application.kind]]
    ordered = missing + [kind for kind in others if kind not in missing]
    return [Offered(kind, str(DocumentKind(kind).label), kind in missing) for kind in ordered]


def association_of(application: Application) -> Organisation | None:
    """The association that accompanies the file: its territory's, else its region's."""
    return application.territory.accompanying_association()


def associations_to_call(applicant) -> list[Organisation]:
    """The associations a signed-in person may call (``applicant``, a
    :class:`~workflow.applicant_session.SignedInApplicant`): those accompanying their own files,
    newest first, then those accompanying the files they act on as a proxy; each once."""
    files = list(applicant.applications().select_related("territory__parent"))
    represented = applicant.represented_ids()
    if represented:
        files += (
            Application.objects.filter(pk__in=represented).select_related("territory__parent").order_by("-created_at")
        )
    associations = []
    for application in files:
        association = association_of(application)
        if association is not None and association not in associations:
            associations.append(association)
    return associations


def advisor_of(application: Application) -> str:
    """The name of the staff member who last acted on the file, as the applicant may read it."""
    log = (
        application.transitions.filter(user__isnull=False).select_related("user").order_by("-created_at", "-pk").first()
    )
    return log.user.get_full_name() if log is not None else ""


def answers_shown(application: Application) -> list[Section]:
    """The answers the applicant gave, under the form's step titles and labels, choices shown by
    their labels (the same sheet the advisor reads, :mod:`workflow.answer_sheet`); questions left
    empty are left out."""
    sections = []
    for group in answer_groups(application):
        rows = [(answer.label, answer.value) for answer in group.answers if answer.answered]
        if rows:
            sections.append(Section(group.title, rows))
    return sections


def pairings_of(application: Application) -> list:
    """The file's pairings, newest first, each with ``what_next``, ``convention`` (the latest
    one past its draft, if any) and ``upcoming_check_ins``."""
    related = (
        application.pairings_as_host if application.kind == ApplicationKind.HOST else application.pairings_as_guest
    )
    today = timezone.localdate()
    pairings = list(related.order_by("-pk"))
    for pairing in pairings:
        pairing.what_next = str(PAIRING_NEXT.get(pairing.state, ""))
        pairing.convention = pairing.conventions.exclude(state="draft").order_by("-created_at", "-pk").first()
        pairing.upcoming_check_ins = (
            list(pairing.check_ins.filter(done_at__isnull=True, due_on__gte=today).order_by("due_on")[:3])
            if pairing.state in FOLLOWED_PAIRING_STATES
            else []
        )
    return pairings


def space_page(request, applicant, *, status: int = 200):
    """The signed-in applicant's space, every file as a home. The space's own view answers with
    it, and so do the other apps' views that show it again with a refusal (an upload refused)."""
    from django.template.response import TemplateResponse
    from wagtail import hooks

    from .enums import CAN_BE_WITHDRAWN_STATES
    from .notifications import space_messages

    applications = list(applicant.applications().select_related("territory__parent", "country", "referred_by"))
    for application in applications:
        application.can_withdraw = application.state in CAN_BE_WITHDRAWN_STATES
        # The partner who follows the file's state and dates, with the applicant's consent.
        application.partner = application.referred_by if application.referral_consent_at else None
        application.offered = documents_offered(application)
        application.missing = [offered.label for offered in application.offered if offered.missing]
        application.timeline = timeline(application)
        application.what_next = what_next(application)
        application.association = association_of(application)
        application.advisor = advisor_of(application)
        application.pairings = pairings_of(application)
        application.answer_sections = answers_shown(application)
        # What apps above show in each file (its appointments…), as HTML.
        application.panels = [
            panel for hook in hooks.get_hooks("applicant_file_panels") for panel in hook(request, application)
        ]
    return TemplateResponse(
        request,
        "workflow/applicant_space.html",
        {
            "mode": "space",
            "applications": applications,
            "space_messages": space_messages([applicant.person_id])[:20],
        },
        status=status,
    )
