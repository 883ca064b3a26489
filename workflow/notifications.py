"""One way to reach a person: :func:`notify`.

A notification has a *kind* (what it says), a recipient (a :class:`Person`, or a staff member),
the object it is about and an occasion (a transition, a link, a day). :func:`notify` picks the
channels from the kind and the person's preferences, records one :class:`Notification` per
channel (once: asking again for the same kind, object, occasion and recipient does nothing) and
queues its delivery through django-q2 once the transaction commits. Subjects and bodies are
templates per kind in ``site/templates/notifications/``, rendered in the recipient's language.

Other apps plug in what only they know: the documents app renders letters (:func:`register_sender`
for the post) and makes signing codes at the moment of sending, so that no code is ever stored
in clear (:func:`register_preparer`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, models, transaction
from django.template.loader import TemplateDoesNotExist, get_template, render_to_string
from django.utils import timezone, translation
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .enums import ApplicationState, Channel, NotificationStatus
from .models import Application, Notification, Person

APPLICATION_SUBJECTS = {
    ApplicationState.SUBMITTED: _("We have received your application"),
    ApplicationState.IN_REVIEW: _("Your application is being reviewed"),
    ApplicationState.INTERVIEW_SCHEDULED: _("Your advisor will meet you"),
    ApplicationState.HOME_VISIT_DONE: _("Thank you for welcoming your advisor"),
    ApplicationState.APPROVED: _("Your application is approved"),
    ApplicationState.REJECTED: _("About your application"),
    ApplicationState.SENT_BACK: _("Your application needs completing"),
    ApplicationState.WITHDRAWN: _("Your application is withdrawn"),
}

APPLICATION_BODIES = {
    ApplicationState.SUBMITTED: _(
        "Thank you. Your application has reached the association of your area. An advisor will contact you soon."
    ),
    ApplicationState.IN_REVIEW: _("An advisor of the association is now reviewing your application."),
    ApplicationState.INTERVIEW_SCHEDULED: _(
        "Your advisor would like to meet you and will contact you to agree on a date."
    ),
    ApplicationState.HOME_VISIT_DONE: _("Thank you for welcoming your advisor. The review of your file continues."),
    ApplicationState.APPROVED: _(
        "Good news: your application is approved. Your advisor will now look for the right person for you."
    ),
    ApplicationState.REJECTED: _("We are sorry: your application was rejected."),
    ApplicationState.SENT_BACK: _("Your application is missing something. Please complete it from your space."),
    ApplicationState.WITHDRAWN: _("Your application has been withdrawn, as requested."),
}

PAIRING_SUBJECTS = {
    "pairing.proposed": _("A proposal of homesharing for you"),
    "pairing.accepted": _("Your homesharing is accepted on both sides"),
    "pairing.declined": _("About the proposal of homesharing"),
    "pairing.meeting_scheduled": _("Your meeting is scheduled"),
    "pairing.trial_started": _("Your trial period starts"),
    "pairing.convention_drafted": _("Your convention is ready"),
    "pairing.signing_opened": _("Your convention is ready to be signed"),
    "pairing.cancelled": _("Your homesharing is cancelled"),
    "pairing.activated": _("Your convention is signed: your homesharing is active"),
    "pairing.notice_given": _("Notice was given to end your homesharing"),
    "pairing.ended": _("Your homesharing has come to its end"),
    "pairing.terminated": _("Your homesharing has ended early"),
    "pairing.convention_refused": _("The convention was not signed: it will be drafted again"),
}

ALL = (Channel.EMAIL, Channel.SMS, Channel.POST)


@dataclass(frozen=True)
class Summary:
    """A message in plain words: what it means for the reader, and what they should do now.

    A letter shows it in a box at the top, so that someone who reads little knows at a glance.
    """

    meaning: str
    to_do: str


def _summary(meaning, to_do) -> Summary:
    return Summary(str(meaning), str(to_do))


NOTHING_FOR_NOW = _("Nothing for now. We will write to you when there is news.")
CALL_IF_QUESTIONS = _("If you have a question, call your association.")

#: application state → (what it means, what to do), in plain words.
APPLICATION_SUMMARIES = {
    ApplicationState.SUBMITTED: (
        _("Your application has reached the association of your area."),
        _("Nothing for now. An advisor will call you or write to you soon."),
    ),
    ApplicationState.IN_REVIEW: (
        _("An advisor is reading your application."),
        _("Nothing for now. The advisor may call you with questions."),
    ),
    ApplicationState.INTERVIEW_SCHEDULED: (
        _("Your advisor wants to meet you."),
        _("Wait for their call, and choose a day together."),
    ),
    ApplicationState.HOME_VISIT_DONE: (_("The visit of your home is done."), NOTHING_FOR_NOW),
    ApplicationState.APPROVED: (
        _("Your application is accepted."),
        _("Nothing for now. Your advisor is looking for the right person for you."),
    ),
    ApplicationState.REJECTED: (_("Your application is not accepted."), CALL_IF_QUESTIONS),
    ApplicationState.SENT_BACK: (
        _("Your application is not complete yet."),
        _("Add what is missing in your space, or call your association: they can help you."),
    ),
    ApplicationState.WITHDRAWN: (
        _("Your application is stopped, as you asked."),
        _("Nothing to do. You can apply again whenever you like."),
    ),
}

#: pairing event → (what it means, what to do), in plain words.
PAIRING_SUMMARIES = {
    "pairing.proposed": (
        _("Your advisor has found someone you could share a home with."),
        _("Read the proposal and say yes or no in your space, or call your association to answer."),
    ),
    "pairing.accepted": (
        _("You and the other person have both said yes."),
        _("Nothing for now. Your advisor will call you to arrange a meeting."),
    ),
    "pairing.declined": (
        _("This proposal will not go ahead."),
        _("Nothing to do. Your advisor keeps looking for the right person for you."),
    ),
    "pairing.meeting_scheduled": (
        _("A meeting with the other person is arranged."),
        _("Go to the meeting. If you cannot come, call your association."),
    ),
    "pairing.trial_started": (
        _("You are starting a trial period of living together."),
        _("Tell your advisor how it goes, good or bad."),
    ),
    "pairing.convention_drafted": (
        _("Your agreement (the convention) has been written."),
        _("Nothing for now. We will write to you when you can sign it."),
    ),
    "pairing.signing_opened": (
        _("Your agreement (the convention) is ready to be signed."),
        _("Read it and sign it in your space. If you need help, call your association."),
    ),
    "pairing.cancelled": (_("The homesharing will not go ahead."), CALL_IF_QUESTIONS),
    "pairing.activated": (
        _("Everyone has signed: your homesharing has officially started."),
        _("Keep a copy of the convention. Your advisor will call you from time to time to see how it goes."),
    ),
    "pairing.notice_given": (
        _("Notice was given: your homesharing will end soon."),
        _("Agree on the day of leaving together. If you need help, call your association."),
    ),
    "pairing.ended": (
        _("Your homesharing is over."),
        _("Nothing to do. Thank you. Call your association if you would like to start again."),
    ),
    "pairing.terminated": (
        _("Your homesharing ended earlier than planned."),
        _("Call your association if you have a question or need help."),
    ),
    "pairing.convention_refused": (
        _("The agreement was not signed. It will be written again."),
        _("Nothing for now. Your advisor will contact you."),
    ),
}

#: The summaries of kinds declared by other apps (their appointments, their questionnaires, their
#: messages): kind → function(context) returning its :class:`Summary`.
SUMMARIES: dict[str, Callable[[dict], Summary]] = {
    "appointment.invitation": lambda c: _summary(
        _("Your advisor has arranged an appointment with you."),
        _("Note the date, time and place written below. If you cannot come, call your association."),
    ),
    "appointment.changed": lambda c: _summary(
        _("Your appointment has changed."),
        _("Note the new date, time and place written below. If you cannot come, call your association."),
    ),
    "appointment.cancelled": lambda c: _summary(
        _("Your appointment will not take place."),
        _("Nothing to do. Your advisor will suggest another date if needed."),
    ),
    "appointment.reminder": lambda c: _summary(
        _("This is a reminder of your appointment."),
        _("Note the date, time and place written below. If you cannot come, call your association."),
    ),
    "pairing.wellbeing_due": lambda c: _summary(
        _("We would like to know how you feel: three short questions."),
        _("Answer in your space, or tell your advisor at your next visit."),
    ),
    "conversation.unread": lambda c: _summary(
        _("Your association has written to you."),
        _("Read the message and answer it in your space."),
    ),
    "mandate.accepted": lambda c: _summary(
        _("A proxy may now act on WeShare for the person who chose them, within the rights agreed."),
        _(
            "Nothing to do. Everything the proxy does is written in a journal, and the mandate can be stopped at any time."
        ),
    ),
    "mandate.revoked": lambda c: _summary(
        _("The mandate has stopped: the proxy can no longer act for the person."),
        _("Nothing to do. If this is a mistake, call your association."),
    ),
    "mandate.expiring": lambda c: _summary(
        _("The mandate ends in a few days."),
        _("If it should go on, give a new mandate in your space, or call your association."),
    ),
    "mandate.journal": lambda c: _summary(
        _("This is the list of what your proxy did for you last month."),
        _("Read the list. If something is wrong, call your association straight away."),
    ),
    "assisted.consent_code_post": lambda c: _summary(
        _("Your advisor helped you fill in your application. This letter gives you a code to say you agree."),
        _("If you agree, read the code to your advisor. Give it to nobody else."),
    ),
    "convention.signing_code_letter": lambda c: _summary(
        _("This letter gives you a code to sign your homesharing agreement (the convention) with your advisor."),
        _(
            "Bring this letter to the association, or keep it for your advisor's next visit, and type the code "
            "yourself. Show it to nobody else."
        ),
    ),
}


@dataclass(frozen=True)
class Kind:
    """What a kind of notification says, and how it may travel.

    ``channels`` are the ones it may use, in the order tried when the person prefers none of
    them; ``in_space`` also shows it in the applicant's space. ``subject`` takes the stored
    context and returns the subject line.
    """

    name: str
    subject: Callable[[dict], str]
    channels: tuple[str, ...] = ALL
    in_space: bool = False
    #: Goes through one channel only (a code: a second one would replace the first).
    one_channel: bool = False
    #: Templates under ``notifications/``; ``<template>.sms.txt`` is used for text messages when present.
    template: str = ""
    #: Takes the stored context and returns the message in plain words (:class:`Summary`); a kind
    #: that may go by post has one, shown at the top of the letter.
    summary: Callable[[dict], Summary] | None = None

    @property
    def body_template(self) -> str:
        return f"notifications/{self.template or self.name}.txt"


def _count_subject(singular: str, plural: str):
    def subject(context: dict) -> str:
        count = len(context.get("lines", []))
        return ngettext(singular, plural, count) % {"count": count}

    return subject


KINDS = {
    kind.name: kind
    for kind in (
        Kind(
            "application.changed",
            lambda c: str(APPLICATION_SUBJECTS[c["state"]]),
            in_space=True,
            summary=lambda c: _summary(*APPLICATION_SUMMARIES[c["state"]]),
        ),
        Kind(
            "applicant.confirm_email",
            lambda c: str(_("Confirm your email address to send your application")),
            channels=(Channel.EMAIL,),
            template="applicant.link",
        ),
        Kind(
            "applicant.sign_in",
            lambda c: str(_("Your link to sign in to your space")),
            channels=(Channel.EMAIL,),
            template="applicant.link",
        ),
        Kind(
            "applicant.email_changed",
            lambda c: str(_("The email address of your application was changed")),
            channels=(Channel.EMAIL,),
        ),
        Kind(
            "pairing.changed",
            lambda c: str(PAIRING_SUBJECTS[c["action"]]),
            in_space=True,
            summary=lambda c: _summary(*PAIRING_SUMMARIES[c["action"]]),
        ),
        Kind(
            "convention.signing_code",
            lambda c: str(_("Your code to sign the convention")),
            channels=(Channel.EMAIL, Channel.SMS),
            one_channel=True,
        ),
        Kind(
            "staff.erasure_requested",
            lambda c: str(_("An applicant asks for the erasure of their data")),
            channels=(Channel.EMAIL,),
        ),
        Kind(
            "staff.waiting_files",
            _count_subject("%(count)d file is waiting for you", "%(count)d files are waiting for you"),
            channels=(Channel.EMAIL,),
        ),
        Kind(
            "staff.check_ins_due",
            _count_subject("%(count)d check-in is due", "%(count)d check-ins are due"),
            channels=(Channel.EMAIL,),
        ),
    )
}

#: kind → function(notification) returning context only known when sending (e.g. a fresh code).
_PREPARERS: dict[str, Callable[[Notification], dict]] = {}
#: kind → function(notification) returning the files an email carries: [(filename, bytes, mimetype)].
_ATTACHMENTS: dict[str, Callable[[Notification], list[tuple[str, bytes, str]]]] = {}
#: channel → function(notification, subject, body) that delivers it; email, SMS and the space are built in.
_SENDERS: dict[str, Callable[[Notification, str, str], str]] = {}


def register_preparer(kind: str, preparer: Callable[[Notification], dict]) -> None:
    _PREPARERS[kind] = preparer


def register_kind(kind: Kind) -> None:
    """Apps above this one declare the kinds they send (an appointment, a signature awaited)."""
    KINDS[kind.name] = kind


def register_attachments(kind: str, attachments: Callable[[Notification], list[tuple[str, bytes, str]]]) -> None:
    """Files made when an email of ``kind`` leaves (an invitation's ``.ics``), never stored."""
    _ATTACHMENTS[kind] = attachments


def register_sender(channel: str, sender: Callable[[Notification, str, str], str]) -> None:
    _SENDERS[channel] = sender


class NotDelivered(Exception):
    """A channel could not deliver: recorded on the notification, and tried again later."""


register_preparer("application.changed", lambda n: {"message": APPLICATION_BODIES[n.context["state"]]})


def plain_summary(notification: Notification) -> Summary | None:
    """What ``notification`` means and what its reader should do, in plain words, in the active
    language; None for a kind that has no summary (or a context it does not know)."""
    spec = KINDS.get(notification.kind)
    summary = (spec.summary if spec is not None else None) or SUMMARIES.get(notification.kind)
    if summary is None:
        return None
    try:
        return summary(notification.context)
    except KeyError:
        return None


def about_key(obj: models.Model | str) -> str:
    if isinstance(obj, str):
        return obj
    return f"{obj._meta.label_lower}:{obj.pk}"


def channels_for(person: Person, kind: Kind) -> list[str]:
    """The person's preferred channels this kind may use and that can reach them; else the first
    of the kind's that can. A kind shown in the applicant's space is always shown there too."""
    chosen = [c for c in person.preferred_channels or [] if c in kind.channels and person.reachable_by(c)]
    if not chosen:
        chosen = [c for c in kind.channels if person.reachable_by(c)][:1]
    if kind.one_channel:
        chosen = chosen[:1]
    if kind.in_space and person.anonymised_at is None:
        chosen.append(Channel.SPACE)
    return list(dict.fromkeys(chosen))


def notify(
    recipient,
    kind: str,
    context: dict | None = None,
    *,
    about: models.Model | str,
    occasion: str | int = "",
    application: Application | None = None,
    address: str = "",
    language: str = "",
) -> list[Notification]:
    """Tell ``recipient`` (a :class:`Person` or a staff user) something of ``kind``, once.

    ``context`` must be JSON (ids, words, URLs; never a secret). ``address`` forces the email
    address (a link that confirms a new address goes to that address). Delivery is queued after
    the surrounding transaction commits; nothing is sent if it rolls back.
    """
    spec = KINDS[kind]
    if isinstance(recipient, Person):
        channels = [Channel.EMAIL] if address else channels_for(recipient, spec)
        key, person, user = f"person:{recipient.pk}", recipient, None
        language = language or recipient.language
    else:
        channels = [Channel.EMAIL] if (address or recipient.email) else []
        key, person, user = f"user:{recipient.pk}", None, recipient
        language = language or settings.LANGUAGE_CODE
    made = []
    for channel in channels:
        try:
            with transaction.atomic():
                notification, created = Notification.objects.get_or_create(
                    kind=kind,
                    about=about_key(about),
                    occasion=str(occasion),
                    recipient=key,
                    channel=channel,
                    defaults={
                        "person": person,
                        "user": user,
                        "application": application,
                        "language": language,
                        "context": context or {},
                        "address": address if channel == Channel.EMAIL else "",
                    },
                )
        except IntegrityError:
            continue  # asked at the same moment by another process: theirs is queued
        if created:
            made.append(notification)
            transaction.on_commit(lambda pk=notification.pk: queue_delivery(pk))
    return made


def queue_delivery(notification_id: int) -> None:
    from django_q.tasks import async_task

    async_task(
        "workflow.tasks.deliver_notification",
        notification_id,
        task_name=f"notification-{notification_id}",
        group="notifications",
    )


def _render(notification: Notification, extra: dict) -> tuple[str, str, str]:
    """Subject, body and SMS text, in the notification's language."""
    spec = KINDS[notification.kind]
    context = {
        **notification.context,
        **extra,
        "notification": notification,
        "person": notification.person,
        "user": notification.user,
        "application": notification.application,
    }
    if notification.user is not None:
        context["name"] = notification.user.get_full_name() or notification.user.get_username()
    elif notification.application is not None:
        context["name"] = notification.application.first_name
    with translation.override(notification.language):
        # Under the reader's language, so that the links open the pages in it.
        context["space_url"] = public_url("applicant_space")
        context["action_url"] = action_url(notification)
        subject = spec.subject(notification.context)
        context["subject"] = subject
        body = render_to_string(spec.body_template, context)
        sms_template = spec.body_template.removesuffix(".txt") + ".sms.txt"
        try:
            sms = get_template(sms_template).render(context).strip()
        except TemplateDoesNotExist:
            sms = f"WeShare: {subject}. {context['action_url']}"
    return subject, body, sms


#: Pairing events after which the reader acts on the convention rather than on the proposal.
CONVENTION_ACTIONS = frozenset(
    {"pairing.signing_opened", "pairing.activated", "pairing.notice_given", "pairing.ended", "pairing.terminated"}
)


def _about_id(notification: Notification, label: str) -> int | None:
    found_label, _sep, pk = notification.about.partition(":")
    return int(pk) if found_label == label and pk.isdigit() else None


def action_url(notification: Notification) -> str:
    """The page where the reader of ``notification`` acts: their file in the space, their
    proposal, their convention. Built from ids only (the context and ``about``), by URL name,
    so that this app needs none of the apps that define those pages."""
    kind, context = notification.kind, notification.context
    if kind == "application.changed" and notification.application_id:
        return f"{public_url('applicant_space')}#application-{notification.application_id}"
    if kind == "convention.signing_code" and context.get("convention_id"):
        return public_url("applicant_convention", context["convention_id"])
    if kind == "pairing.changed" and (pairing_id := _about_id(notification, "pairings.pairing")):
        convention_id = context.get("convention_id")
        if convention_id is None and context.get("action") in CONVENTION_ACTIONS and notification.application:
            application = notification.application
            pairings = application.pairings_as_host if application.kind == "host" else application.pairings_as_guest
            found = pairings.filter(pk=pairing_id, conventions__isnull=False).values_list(
                "conventions__pk", "conventions__state", "conventions__created_at"
            )
            past_draft = sorted((made, pk) for pk, state, made in found if state != "draft")
            convention_id = past_draft[-1][1] if past_draft else None
        if convention_id:
            return public_url("applicant_convention", convention_id)
        return public_url("applicant_pairing", pairing_id)
    return public_url("applicant_space")


def public_url(name: str, *args) -> str:
    from django.urls import reverse

    return settings.PUBLIC_BASE_URL.rstrip("/") + reverse(name, args=args)


def admin_url(name: str, *args) -> str:
    from django.urls import reverse

    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(name, args=args)


def _send_email(notification: Notification, subject: str, body: str) -> str:
    target = notification.address or (
        notification.person.email if notification.person is not None else notification.user.email
    )
    if not target:
        raise NotDelivered(_("No email address to send to."))
    message = EmailMessage(f"WeShare — {subject}", body, settings.DEFAULT_FROM_EMAIL, [target])
    attachments = _ATTACHMENTS.get(notification.kind)
    for filename, content, mimetype in attachments(notification) if attachments else []:
        message.attach(filename, content, mimetype)
    message.send()
    return target


def _send_sms(notification: Notification, subject: str, body: str) -> str:
    number = notification.person.mobile if notification.person is not None else ""
    if not number:
        raise NotDelivered(_("No mobile phone number to send to."))
    sms_backend().send(number, body)
    return number


def _show_in_space(notification: Notification, subject: str, body: str) -> str:
    return ""


def sms_backend():
    return import_string(settings.SMS_BACKEND)()


def deliver(notification_id: int) -> str:
    """Send one notification through its channel, once; record when, or why it failed.

    Runs under the notification's row lock: a second run (a redelivered task) finds it sent and
    does nothing. A failure is recorded; :func:`retry_failed` queues it again later.
    """
    with transaction.atomic():
        notification = (
            Notification.objects.select_for_update(of=("self",))
            .select_related("person", "user", "application")
            .filter(pk=notification_id)
            .first()
        )
        if notification is None:
            return "gone"
        if notification.status == NotificationStatus.SENT:
            return "already sent"
        if notification.person is not None and notification.person.anonymised_at is not None:
            notification.status = NotificationStatus.FAILED
            notification.failed_at = timezone.now()
            notification.failure = str(_("The person's data was erased."))
            notification.save(update_fields=["status", "failed_at", "failure"])
            return "erased"
        notification.attempts += 1
        preparer = _PREPARERS.get(notification.kind)
        extra = preparer(notification) if preparer else {}
        subject, body, sms = _render(notification, extra)
        senders = {Channel.EMAIL: _send_email, Channel.SMS: _send_sms, Channel.SPACE: _show_in_space, **_SENDERS}
        try:
            sender = senders[notification.channel]
            sent_to = sender(notification, subject, sms if notification.channel == Channel.SMS else body)
        except Exception as error:  # noqa: BLE001 - any failure of a channel is recorded, then tried again
            notification.status = NotificationStatus.FAILED
            notification.failed_at = timezone.now()
            notification.failure = str(error)[:1000] or error.__class__.__name__
            notification.subject = subject[:250]
            notification.save(update_fields=["status", "failed_at", "failure", "attempts", "subject"])
            return "failed"
        notification.status = NotificationStatus.SENT
        notification.sent_at = timezone.now()
        notification.address = sent_to or notification.address
        notification.subject = subject[:250]
        notification.failure = ""
        notification.save(update_fields=["status", "sent_at", "address", "subject", "failure", "attempts"])
        return "sent"


#: A failed notification is tried again by :func:`retry_failed`, at most this many times in all.
MAX_ATTEMPTS = 5


def retry_failed() -> int:
    """Every few minutes: queue again the notifications whose last try failed, a little later
    after each failure (5, 10, 20, 40 minutes). Returns how many were queued."""
    now = timezone.now()
    due = [
        n.pk
        for n in Notification.objects.filter(status=NotificationStatus.FAILED, attempts__lt=MAX_ATTEMPTS)
        .exclude(person__anonymised_at__isnull=False)
        .only("pk", "attempts", "failed_at")
        if n.failed_at is None or now - n.failed_at >= timedelta(minutes=5 * 2 ** (n.attempts - 1))
    ]
    for pk in due:
        queue_delivery(pk)
    return len(due)


def notifications_about(obj: models.Model) -> models.QuerySet:
    """The notifications about a file (its own and its pairings') or any other object, newest first."""
    if isinstance(obj, Application):
        found = Notification.objects.filter(application=obj)
    else:
        found = Notification.objects.filter(about=about_key(obj))
    return found.select_related("person", "user").order_by("-queued_at", "-pk")


def space_messages(person_ids) -> models.QuerySet:
    """What the applicant's space shows as messages: the notifications meant to be seen there."""
    return Notification.objects.filter(
        person_id__in=person_ids, channel=Channel.SPACE, status=NotificationStatus.SENT
    ).order_by("-sent_at")


def notifications_forget(person: Person) -> None:
    """On erasure: keep that a message was sent, never to whom or what it said."""
    Notification.objects.filter(person=person).update(address="", context={}, subject="")
