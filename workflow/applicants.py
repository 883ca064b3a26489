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
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .access import vetting_staff_for
from .answers import STATISTICS_ANSWERS, answers_clean
from .enums import CAN_BE_SUBMITTED_STATES, ApplicationKind, ApplicationState, Channel, OrganisationKind
from .exceptions import LinkAlreadyUsed, LinkExpired, LinkInvalid, TransitionRefused
from .models import ApplicantLink, Application, Country, Notification, Organisation, Person, Territory
from .notifications import admin_url, notifications_forget, notify, register_preparer
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
        # Apps above erase what they hold of the file (its conversations' texts).
        from wagtail import hooks

        for hook in hooks.get_hooks("application_anonymised"):
            hook(application)
        person = Person.objects.select_for_update().get(pk=application.person_id)
        if not person.applications.filter(anonymised_at__isnull=True).exists():
            _person_anonymise(person)
        from audit import chain as audit

        audit.record("application.anonymised", obj=application, application_id=application.pk, data={"reason": reason})
        return application


def _person_anonymise(person: Person) -> None:
    """Once none of their files names them: no channel left, nothing said to them kept."""
    person.email = ""
    person.email_confirmed_at = None
    person.mobile = ""
    person.postal_address = ""
    person.postcode = ""
    person.city = ""
    person.anonymised_at = timezone.now()
    person.save()
    notifications_forget(person)


def _person_contacts_update(person: Person, application: Application) -> None:
    """What the form says of how to reach them: the mobile phone, the language, a host's address."""
    person.language = application.language
    if application.phone:
        person.mobile = application.phone
    answers = application.answers or {}
    if application.kind == ApplicationKind.HOST and answers.get("address"):
        person.postal_address = str(answers["address"])
        person.postcode = str(answers.get("postcode", ""))
        person.city = str(answers.get("city", ""))
    if not person.preferred_channels:
        person.preferred_channels = [Channel.EMAIL]
    person.save()


#: Answers that say nothing about who the person is, kept for the programme's statistics.
ANONYMOUS_ANSWERS = STATISTICS_ANSWERS


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
    someone else's page) starts a new file instead of rewriting theirs, and the first step sent
    again with the draft's address (a fresh page, another tab) continues the draft.
    """
    fields = {name: identity[name] for name in IDENTITY_FIELDS if name in identity}
    extra = answers_clean(kind, {k: v for k, v in identity.items() if k not in IDENTITY_FIELDS})
    existing = Application.objects.filter(form_key=form_key).first()
    if existing is not None and existing.pk != draft_id:
        form_key, existing = uuid4(), None
    if existing is None and draft_id is not None:
        # The same person starting again in the same browser continues their draft rather than
        # opening a second file; another address in the same browser is another person's file.
        draft = Application.objects.filter(
            pk=draft_id, kind=kind, country=country, state__in=CAN_BE_SUBMITTED_STATES
        ).first()
        if draft is not None and draft.email.strip().lower() == str(fields.get("email", "")).strip().lower():
            existing = draft
    if existing is None:
        try:
            with transaction.atomic():
                person = Person.objects.create(email=fields.get("email", ""), language=fields.get("language", "fr"))
                application = Application.objects.create(
                    person=person,
                    form_key=form_key,
                    kind=kind,
                    country=country,
                    territory=territory,
                    consented_at=timezone.now(),
                    answers={k: v for k, v in extra.items() if k != "consent"},
                    **fields,
                )
                consent_record(application)
                _person_contacts_update(person, application)
                return application
        except IntegrityError:
            # The same browser sent the first step twice at once: both land on one file.
            existing = Application.objects.get(form_key=form_key)
    return application_save_answers(application_id=existing.pk, answers=extra, identity=fields, territory=territory)


def referral_partner(*, code: str | None, country: Country) -> Organisation | None:
    """The partner of ``country`` whose referral link carries ``code``, or None for any other code
    (unknown, another country's, malformed): a wrong code is ignored, whatever it is."""
    code = (code or "").strip()
    if not code or len(code) > Organisation._meta.get_field("referral_code").max_length:
        return None
    return Organisation.objects.filter(kind=OrganisationKind.PARTNER, referral_code=code, country=country).first()


def application_referral_set(*, application_id: int, code: str | None, consent: bool) -> Application:
    """Record, on a file still being written, whether the partner whose referral link brought the
    applicant follows it: only with a valid code and the applicant's consent (kept word for word
    with the other consents); otherwise no partner follows it."""
    from .forms import referral_consent_text
    from .models import ConsentRecord

    with transaction.atomic():
        application = Application.objects.select_for_update().get(pk=application_id)
        if application.state not in CAN_BE_SUBMITTED_STATES:
            raise TransitionRefused(_("This application has already been sent; it can no longer be changed here."))
        partner = referral_partner(code=code, country=application.country)
        if partner is None or not consent or application.kind != ApplicationKind.GUEST:
            partner = None
        if partner is not None and application.referred_by_id == partner.pk:
            return application
        application.referred_by = partner
        application.referral_consent_at = timezone.now() if partner is not None else None
        application.save(update_fields=["referred_by", "referral_consent_at", "updated_at"])
        if partner is not None:
            with translation.override(application.language):
                text = str(referral_consent_text(partner))
            ConsentRecord.objects.create(
                application=application, notice_version=settings.PRIVACY_NOTICE_VERSION, text=text
            )
        return application


def application_referral_withdraw(*, application_id: int) -> Application:
    """The applicant no longer wants the partner to follow their file: it stops at once, and the
    audit trail says so (the file, its applicant and the partner, by id)."""
    from audit import chain as audit

    with transaction.atomic():
        application = Application.objects.select_for_update().get(pk=application_id)
        if application.referred_by_id is None:
            return application
        partner_id = application.referred_by_id
        application.referred_by = None
        application.referral_consent_at = None
        application.save(update_fields=["referred_by", "referral_consent_at", "updated_at"])
        audit.record(
            "application.referral_withdrawn",
            actor=audit.applicant_actor(application.person_id) if application.person_id else "",
            obj=application,
            application_id=application.pk,
            data={"partner": partner_id},
        )
        return application


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
        application.answers = {**application.answers, **answers_clean(application.kind, answers)}
        application.save()
        _person_contacts_update(Person.objects.select_for_update().get(pk=application.person_id), application)
        return application


def _change_email(application: Application, new_email: str) -> None:
    """Inside the file's lock: cancel the open links, forget the confirmation, tell the old address.

    A person whose address was never confirmed simply has the new one; a person whose address
    was confirmed keeps it (and is told there) until the new one is confirmed in turn.
    """
    from audit import chain as audit

    was_confirmed = application.email_confirmed_at is not None
    cancelled = ApplicantLink.objects.filter(
        application=application, used_at__isnull=True, cancelled_at__isnull=True
    ).update(cancelled_at=timezone.now())
    application.email = new_email
    application.email_confirmed_at = None
    person = Person.objects.select_for_update().get(pk=application.person_id)
    if person.email_confirmed_at is None:
        person.email = new_email
        person.save(update_fields=["email"])
    audit.record(
        "application.email_changed",
        obj=application,
        application_id=application.pk,
        data={"was_confirmed": was_confirmed, "links_cancelled": cancelled},
    )
    if was_confirmed and person.email_confirmed_at is not None:
        notify(
            person,
            "applicant.email_changed",
            about=application,
            occasion=f"{timezone.now().isoformat()}-{cancelled}",
            application=application,
        )


#: Stands for the token in a link's address until the link is made, at the moment of sending.
TOKEN_PLACEHOLDER = "__token__"  # noqa: S105 - a marker, not a secret


def applicant_link_send(*, application: Application, purpose: str, build_url: Callable[[str], str]) -> None:
    """Email a one-time link to the file's address, in the applicant's language, after commit.

    The link itself (its token, of which only the hash is kept) is made when the message leaves,
    by :func:`_make_link`, so that no usable token is ever stored.
    """
    kind = "applicant.confirm_email" if purpose == ApplicantLink.Purpose.CONFIRM_EMAIL else "applicant.sign_in"
    notify(
        application.person,
        kind,
        {"purpose": purpose, "url_template": build_url(TOKEN_PLACEHOLDER)},
        about=application,
        occasion=uuid4().hex,
        application=application,
        address=application.email,
    )


def _make_link(notification) -> dict:
    """When a link's message leaves: the link, for the address it goes to."""
    token = secrets.token_urlsafe(32)
    purpose = notification.context["purpose"]
    ApplicantLink.objects.create(
        application_id=notification.application_id,
        email=notification.address,
        purpose=purpose,
        token_hash=_hash(token),
        expires_at=timezone.now() + LINK_LIFETIMES[purpose],
    )
    return {"url": notification.context["url_template"].replace(TOKEN_PLACEHOLDER, token)}


register_preparer("applicant.confirm_email", _make_link)
register_preparer("applicant.sign_in", _make_link)


def applicant_link_use(*, token: str, purpose: str) -> Application:
    """Spend a one-time link. Confirming the email submits the file to its association.

    A link works only for the file it was issued for and while that file still has the address
    it was sent to: a draft whose address was changed since cannot be entered with it.
    """
    with transaction.atomic():
        link = (
            ApplicantLink.objects.select_for_update(of=("self",))
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
            _person_confirm(application)
            if application.state in CAN_BE_SUBMITTED_STATES:
                application = application_applicant_act(application_id=application.pk, action="submit")
        application.refresh_from_db()
        return application


def _person_confirm(application: Application) -> None:
    """The file's address is proven. The file joins the person who already holds that confirmed
    address (one person, several files over the years); else its own person now holds it."""
    email = application.email.strip()
    holder = (
        Person.objects.select_for_update()
        .filter(email__iexact=email, email_confirmed_at__isnull=False, anonymised_at__isnull=True)
        .exclude(pk=application.person_id)
        .order_by("pk")
        .first()
    )
    if holder is None:
        Person.objects.filter(pk=application.person_id).update(email=email, email_confirmed_at=timezone.now())
        return
    former = application.person_id
    Application.objects.filter(pk=application.pk).update(person=holder)
    Notification.objects.filter(person_id=former).update(person=holder, recipient=f"person:{holder.pk}")
    if not Application.objects.filter(person_id=former).exists():
        Person.objects.filter(pk=former).delete()
    application.person = holder


def applicant_sign_in_request(*, email: str, build_url: Callable[[str], str]) -> None:
    """Send a sign-in link to the person who holds this confirmed address, else to the latest
    draft filled in with it, if there is one.

    The caller says the same thing whether or not a file exists, so that nobody learns from
    the answer who applied.
    """
    email = email.strip()
    files = Application.objects.filter(email__iexact=email, anonymised_at__isnull=True).exclude(
        state=ApplicationState.ARCHIVED
    )
    # The confirmed holder first: a draft anyone could have typed this address into comes last.
    application = (
        files.filter(person__email__iexact=email, person__email_confirmed_at__isnull=False)
        .order_by("-created_at")
        .first()
        or files.order_by("-created_at").first()
    )
    if application is not None:
        applicant_link_send(application=application, purpose=ApplicantLink.Purpose.SIGN_IN, build_url=build_url)


def application_export(application: Application) -> dict:
    """Everything the platform holds about a file, for the applicant to download; apps above add
    what they hold (the messages the applicant wrote) through the hook ``application_export_parts``."""
    from wagtail import hooks

    export = _export(application)
    for hook in hooks.get_hooks("application_export_parts"):
        export.update(hook(application))
    return export


def _export(application: Application) -> dict:
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
            "referred_by": application.referred_by.name if application.referred_by_id else None,
            "referral_consent_at": application.referral_consent_at.isoformat()
            if application.referral_consent_at
            else None,
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
        file_url = admin_url("workflow_application:inspect", application.pk)
        for user in vetting_staff_for(application.territory):
            notify(
                user,
                "staff.erasure_requested",
                {"file_url": file_url},
                about=application,
                application=application,
                language=application.country.main_language,
            )
        return application
