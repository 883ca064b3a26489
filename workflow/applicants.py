"""What applicants do themselves: start a file from the public form, answer, confirm their email.

Identity is proven by one-time links sent to the applicant's address (only their hash is
stored); the views of the public site call these functions and nothing else.
"""

import hashlib
import secrets
from collections.abc import Callable
from datetime import timedelta
from uuid import UUID, uuid4

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .access import vetting_staff_for
from .enums import CAN_BE_SUBMITTED_STATES, ApplicationState
from .exceptions import LinkAlreadyUsed, LinkExpired, LinkInvalid, TransitionRefused
from .models import ApplicantLink, Application, Country, Territory
from .services import application_applicant_act

LINK_LIFETIMES = {
    ApplicantLink.Purpose.CONFIRM_EMAIL: timedelta(hours=48),
    ApplicantLink.Purpose.SIGN_IN: timedelta(minutes=30),
}
IDENTITY_FIELDS = ("first_name", "last_name", "email", "phone", "birth_date", "language")


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def consent_record(application: Application) -> None:
    """Keep the exact text and version of the privacy notice the applicant agreed to."""
    from .forms import IdentityForm
    from .models import ConsentRecord

    with translation.override(application.language):
        text = str(IdentityForm.base_fields["consent"].label)
    ConsentRecord.objects.create(application=application, notice_version=settings.PRIVACY_NOTICE_VERSION, text=text)


def application_anonymise(*, application_id: int, reason: str) -> Application:
    """Replace everything that identifies the applicant; the file's states and dates stay for statistics.

    Supporting documents are destroyed by the documents app (which calls this); signed
    conventions are kept there, as the law requires.
    """
    from datetime import date

    with transaction.atomic():
        application = Application.objects.select_for_update().get(pk=application_id)
        if application.anonymised_at is not None:
            return application
        application.first_name = "—"
        application.last_name = f"#{application.pk}"
        application.email = f"anonymised-{application.pk}@invalid.example"
        application.phone = ""
        application.birth_date = date(application.birth_date.year, 1, 1)
        kept = {k: v for k, v in application.answers.items() if k in ANONYMOUS_ANSWERS}
        application.answers = kept
        application.status_reason = ""
        application.form_key = None
        application.anonymised_at = timezone.now()
        application.save()
        application.consents.all().delete()
        ApplicantLink.objects.filter(application=application).delete()
        from audit import chain as audit

        audit.record("application.anonymised", obj=application, application_id=application.pk, data={"reason": reason})
        return application


#: Answers that say nothing about who the person is, kept for the programme's statistics.
ANONYMOUS_ANSWERS = {
    "programme",
    "languages",
    "evenings_per_week",
    "housing_status",
    "furnished",
    "budget",
    "contribution",
}


def application_start(
    *,
    form_key: UUID,
    kind: str,
    country: Country,
    territory: Territory,
    identity: dict,
    draft_id: int | None = None,
) -> Application:
    """The draft file of a public form, created once however often the first step is sent.

    ``draft_id`` is the file this browser started: a form key naming another file (copied from
    someone else's page) starts a new file instead of rewriting theirs.
    """
    fields = {name: identity[name] for name in IDENTITY_FIELDS if name in identity}
    extra = {k: v for k, v in identity.items() if k not in IDENTITY_FIELDS}
    existing = Application.objects.filter(form_key=form_key).first()
    if existing is not None and existing.pk != draft_id:
        form_key, existing = uuid4(), None
    if existing is None:
        try:
            with transaction.atomic():
                application = Application.objects.create(
                    form_key=form_key,
                    kind=kind,
                    country=country,
                    territory=territory,
                    consented_at=timezone.now(),
                    answers={k: v for k, v in extra.items() if k != "consent"},
                    **fields,
                )
                consent_record(application)
                return application
        except IntegrityError:
            # The same browser sent the first step twice at once: both land on one file.
            existing = Application.objects.get(form_key=form_key)
    return application_save_answers(application_id=existing.pk, answers=extra, identity=fields, territory=territory)


def application_save_answers(
    *, application_id: int, answers: dict, identity: dict | None = None, territory: Territory | None = None
) -> Application:
    """Merge a step's answers into a file the applicant may still change.

    A new email address cancels every link still open for the old one and must be confirmed
    again; if the old one was confirmed, it is told of the change.
    """
    with transaction.atomic():
        application = Application.objects.select_for_update().get(pk=application_id)
        if application.state not in CAN_BE_SUBMITTED_STATES:
            raise TransitionRefused(_("This application has already been sent; it can no longer be changed here."))
        identity = dict(identity or {})
        new_email = identity.pop("email", None)
        if new_email is not None and new_email.strip().lower() != application.email.strip().lower():
            _change_email(application, new_email.strip())
        for name, value in identity.items():
            setattr(application, name, value)
        if territory is not None:
            application.territory = territory
        application.answers = {**application.answers, **answers}
        application.save()
        return application


def _change_email(application: Application, new_email: str) -> None:
    """Inside the file's lock: cancel the open links, forget the confirmation, tell the old address."""
    from audit import chain as audit

    old_email, was_confirmed = application.email, application.email_confirmed_at is not None
    cancelled = ApplicantLink.objects.filter(
        application=application, used_at__isnull=True, cancelled_at__isnull=True
    ).update(cancelled_at=timezone.now())
    application.email = new_email
    application.email_confirmed_at = None
    audit.record(
        "application.email_changed",
        obj=application,
        application_id=application.pk,
        data={"was_confirmed": was_confirmed, "links_cancelled": cancelled},
    )
    if was_confirmed:
        language = application.language

        def tell_the_old_address() -> None:
            with translation.override(language):
                subject = _("The email address of your application was changed")
                url = settings.PUBLIC_BASE_URL.rstrip("/") + reverse("applicant_space")
                body = render_to_string("workflow/email/email_changed.txt", {"application": application, "url": url})
            send_mail(f"WeShare — {subject}", body, settings.DEFAULT_FROM_EMAIL, [old_email])

        transaction.on_commit(tell_the_old_address)


def applicant_link_send(*, application: Application, purpose: str, build_url: Callable[[str], str]) -> ApplicantLink:
    """Email a one-time link to the applicant, in their language, once the transaction commits."""
    token = secrets.token_urlsafe(32)
    link = ApplicantLink.objects.create(
        application=application,
        email=application.email,
        purpose=purpose,
        token_hash=_hash(token),
        expires_at=timezone.now() + LINK_LIFETIMES[purpose],
    )
    url = build_url(token)

    def send() -> None:
        with translation.override(application.language):
            subject = {
                ApplicantLink.Purpose.CONFIRM_EMAIL: _("Confirm your email address to send your application"),
                ApplicantLink.Purpose.SIGN_IN: _("Your link to sign in to your space"),
            }[purpose]
            body = render_to_string(
                "workflow/email/applicant_link.txt",
                {"application": application, "url": url, "purpose": purpose, "hours": LINK_LIFETIMES[purpose]},
            )
        send_mail(f"WeShare — {subject}", body, settings.DEFAULT_FROM_EMAIL, [link.email])

    transaction.on_commit(send)
    return link


def applicant_link_use(*, token: str, purpose: str) -> Application:
    """Spend a one-time link. Confirming the email submits the file to its association.

    A link works only for the file it was issued for and while that file still has the address
    it was sent to: a draft whose address was changed since cannot be entered with it.
    """
    with transaction.atomic():
        link = (
            ApplicantLink.objects.select_for_update()
            .select_related("application")
            .filter(token_hash=_hash(token or ""), purpose=purpose)
            .first()
        )
        if link is None or link.cancelled_at is not None or not link.email:
            raise LinkInvalid()
        if link.used_at is not None:
            raise LinkAlreadyUsed()
        if link.expires_at <= timezone.now():
            raise LinkExpired()
        application = Application.objects.select_for_update().get(pk=link.application_id)
        if application.email.strip().lower() != link.email.strip().lower():
            raise LinkInvalid()
        link.used_at = timezone.now()
        link.save(update_fields=["used_at"])
        if purpose == ApplicantLink.Purpose.CONFIRM_EMAIL:
            Application.objects.filter(pk=application.pk).update(email_confirmed_at=timezone.now())
            if application.state in CAN_BE_SUBMITTED_STATES:
                application = application_applicant_act(application_id=application.pk, action="submit")
        application.refresh_from_db()
        return application


def applicant_files(application: Application) -> list[int]:
    """The files a sign-in link for ``application`` opens: that file, and the files whose same
    address was confirmed by a link sent to it. Never a draft someone else typed the address into."""
    confirmed = Application.objects.filter(
        email__iexact=application.email.strip(), email_confirmed_at__isnull=False, anonymised_at__isnull=True
    ).values_list("pk", flat=True)
    return sorted({application.pk, *confirmed})


def applicant_sign_in_request(*, email: str, build_url: Callable[[str], str]) -> None:
    """Send a sign-in link to the latest file of this address, if there is one.

    The caller says the same thing whether or not a file exists, so that nobody learns from
    the answer who applied.
    """
    files = Application.objects.filter(email__iexact=email.strip(), anonymised_at__isnull=True).exclude(
        state=ApplicationState.ARCHIVED
    )
    # A confirmed file first: a draft anyone could have typed this address into comes last.
    application = (
        files.filter(email_confirmed_at__isnull=False).order_by("-created_at").first()
        or files.order_by("-created_at").first()
    )
    if application is not None:
        applicant_link_send(application=application, purpose=ApplicantLink.Purpose.SIGN_IN, build_url=build_url)


def application_export(application: Application) -> dict:
    """Everything the platform holds about a file, for the applicant to download."""
    return {
        "application": {
            "kind": application.kind,
            "state": application.state,
            "first_name": application.first_name,
            "last_name": application.last_name,
            "email": application.email,
            "phone": application.phone,
            "birth_date": application.birth_date.isoformat(),
            "language": application.language,
            "country": application.country.code,
            "territory": str(application.territory),
            "answers": application.answers,
            "created_at": application.created_at.isoformat(),
            "submitted_at": application.submitted_at.isoformat() if application.submitted_at else None,
            "consented_at": application.consented_at.isoformat() if application.consented_at else None,
            "consents": [
                {"notice_version": c.notice_version, "text": c.text, "given_at": c.given_at.isoformat()}
                for c in application.consents.all()
            ],
            "email_confirmed_at": application.email_confirmed_at.isoformat()
            if application.email_confirmed_at
            else None,
            "status_reason": application.status_reason,
        },
        "history": [
            {"when": log.created_at.isoformat(), "from": log.from_state, "to": log.to_state, "comment": log.comment}
            for log in application.transitions.all()
        ],
    }


def application_request_erasure(*, application_id: int) -> Application:
    """Record the applicant's request for erasure and tell the association, once."""
    with transaction.atomic():
        application = Application.objects.select_for_update().select_related("territory").get(pk=application_id)
        if application.erasure_requested_at is not None:
            return application
        application.erasure_requested_at = timezone.now()
        application.save(update_fields=["erasure_requested_at", "updated_at"])
        recipients = [user.email for user in vetting_staff_for(application.territory)]

        def tell_the_association() -> None:
            if not recipients:
                return
            with translation.override(application.country.main_language):
                subject = _("An applicant asks for the erasure of their data")
                body = render_to_string("workflow/email/erasure_requested.txt", {"application": application})
            send_mail(f"WeShare — {subject}", body, settings.DEFAULT_FROM_EMAIL, recipients)

        transaction.on_commit(tell_the_association)
        return application
