"""Mandates: a person lets a relative, a caregiver or a social worker act for them ("mandat").

A mandate is given by the person in their space (accepted at once) or prepared for them by an
advisor from the back office. The proxy is invited by an emailed link or by a code the advisor
hands over (only hashes are kept), takes it up with their name and address, and signs in with
their own links: a proxy never signs in as the person. The person accepts a mandate prepared for
them in their space, with a code sent by text message, or on a signed paper form. It then runs
for its duration; each right may be revoked on its own, the whole mandate in one step, and it
ends by itself, the person and the proxy being reminded a week before. Everything a proxy does is
written in the person's journal (:class:`~workflow.models.ProxyAction`) and in the audit trail
with both identities; the journal goes to the person every month they were acted for.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Callable, Iterable
from datetime import timedelta
from uuid import uuid4

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from audit import chain as audit

from . import access
from .enums import Channel, ConsentMethod, MandateDuration, MandateRight, ProxyRelation
from .exceptions import WorkflowError
from .models import ApplicantLink, Application, Mandate, MandateGrant, Person, ProxyAction
from .notifications import Kind, notify, public_url, register_kind, register_preparer
from .wording import in_sentence

#: How long each duration lasts, from the person's acceptance.
DURATIONS = {
    MandateDuration.DAY: timedelta(days=1),
    MandateDuration.MONTH: timedelta(days=30),
    MandateDuration.HALF_YEAR: timedelta(days=183),
    MandateDuration.YEAR: timedelta(days=365),
}
#: An invitation (link or code) not taken up within this time no longer works.
INVITATION_LIFETIME = timedelta(days=14)
#: The code the person types to accept, sent by text message.
ACCEPTANCE_CODE_LIFETIME = timedelta(minutes=30)
MAX_ACCEPTANCE_ATTEMPTS = 5
#: The person and the proxy are reminded this long before a mandate ends.
REMINDER_BEFORE = timedelta(days=7)
#: A proxy's sign-in link works once, for this long.
SIGN_IN_LINK_LIFETIME = timedelta(minutes=30)
#: Letters of the invitation code: no 0/O nor 1/I/L, easy to read out on the phone.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
TOKEN_PLACEHOLDER = "__token__"  # noqa: S105 - a placeholder in a URL, not a secret

#: The words the person agrees to; kept with the mandate.
WORDING = gettext_lazy(
    "I let %(proxy)s (%(relation)s) act for me on WeShare for %(duration)s: %(rights)s. "
    "They act under their own name and never sign for me. I can revoke this at any time."
)


class MandateRefused(WorkflowError):
    default_message = gettext_lazy("This mandate cannot be changed any more.")


class MandateNotFound(WorkflowError):
    default_message = gettext_lazy("This mandate does not exist or is not yours.")


class InvitationInvalid(WorkflowError):
    default_message = gettext_lazy(
        "This invitation does not work: check the code (8 letters and digits) or ask for a new one."
    )


class AcceptanceCodeInvalid(WorkflowError):
    default_message = gettext_lazy("This code is not the one we sent. Check it and type it again.")


class ProxyNotAllowed(WorkflowError):
    default_message = gettext_lazy("Your mandate does not let you do this. Ask the person to give you this right.")


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.strip().upper().replace(" ", "").replace("-", "").encode()).hexdigest()


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _i in range(8))


def rights_labels(rights: Iterable[str]) -> str:
    return ", ".join(in_sentence(MandateRight(right).label) for right in rights)


def wording_for(mandate: Mandate, rights: Iterable[str]) -> str:
    return str(WORDING) % {
        "proxy": mandate.proxy_name,
        "relation": in_sentence(ProxyRelation(mandate.proxy_relation).label),
        "duration": str(MandateDuration(mandate.duration).label),
        "rights": rights_labels(rights),
    }


def person_name(person: Person) -> str:
    """The person's name as their latest file gives it (a proxy has none: empty)."""
    application = person.applications.order_by("-created_at").first()
    return f"{application.first_name} {application.last_name}" if application else ""


def _clean_rights(rights: Iterable[str]) -> list[str]:
    chosen = [right for right in MandateRight.values if right in set(rights)]
    if not chosen:
        raise MandateRefused(_("Choose at least one thing the proxy may do."))
    return chosen


def _start(mandate: Mandate, *, method: str, now) -> None:
    mandate.accepted_at = now
    mandate.accepted_via = method
    mandate.starts_at = now
    mandate.expires_at = now + DURATIONS[mandate.duration]
    mandate.acceptance_code_hash = ""
    mandate.acceptance_code_expires_at = None
    mandate.wording = wording_for(mandate, mandate.rights())


def _audit(action: str, mandate: Mandate, *, user=None, actor: str = "", **data) -> None:
    audit.record(
        action,
        user=user,
        actor=actor,
        obj=mandate,
        data={"person_id": mandate.person_id, "proxy_id": mandate.proxy_id, **data},
    )


# -- giving a mandate ---------------------------------------------------------------------------


def mandate_create(
    *,
    person: Person,
    proxy_name: str,
    proxy_relation: str,
    duration: str,
    rights: Iterable[str],
    proxy_email: str = "",
    by_user=None,
) -> Mandate:
    """A mandate from ``person``: given by themselves in their space (``by_user`` None: accepted at
    once), or prepared for them by an advisor (``by_user``), which the person accepts later."""
    chosen = _clean_rights(rights)
    if duration not in MandateDuration.values:
        raise MandateRefused(_("Choose how long the mandate lasts."))
    if proxy_relation not in ProxyRelation.values:
        raise MandateRefused(_("Choose who the proxy is for you."))
    if not proxy_name.strip():
        raise MandateRefused(_("Write the proxy's first and last name."))
    now = timezone.now()
    with transaction.atomic():
        mandate = Mandate.objects.create(
            person=person,
            proxy_name=proxy_name.strip()[:200],
            proxy_relation=proxy_relation,
            proxy_email=proxy_email.strip(),
            duration=duration,
            created_by_user=by_user,
            created_at=now,
        )
        MandateGrant.objects.bulk_create(MandateGrant(mandate=mandate, right=right) for right in chosen)
        if by_user is None:
            _start(mandate, method=ConsentMethod.SPACE, now=now)
            mandate.save()
        _audit(
            "mandate.created",
            mandate,
            user=by_user,
            actor="" if by_user else audit.applicant_actor(person.pk),
            rights=chosen,
            duration=duration,
            accepted=by_user is None,
        )
    return mandate


def mandate_invitation_code(*, mandate_id: int, by_user=None, person_id: int | None = None) -> str:
    """A new invitation code for the proxy, shown once to whoever hands it over; only its hash is
    kept, and any earlier invitation stops working."""
    with transaction.atomic():
        mandate = _open_mandate(mandate_id, person_id=person_id)
        if mandate.proxy_id is not None:
            raise MandateRefused(_("The proxy has already taken up this mandate."))
        code = _new_code()
        mandate.invitation_hash = _hash(code)
        mandate.invitation_expires_at = timezone.now() + INVITATION_LIFETIME
        mandate.save(update_fields=["invitation_hash", "invitation_expires_at"])
        _audit(
            "mandate.invitation_code",
            mandate,
            user=by_user,
            actor="" if by_user else audit.applicant_actor(mandate.person_id),
        )
    return code


def mandate_invitation_send(*, mandate_id: int, build_url: Callable[[str], str], by_user=None, person_id=None) -> None:
    """Email the proxy a link to take up the mandate; the link is made when the message leaves."""
    with transaction.atomic():
        mandate = _open_mandate(mandate_id, person_id=person_id)
        if mandate.proxy_id is not None:
            raise MandateRefused(_("The proxy has already taken up this mandate."))
        if not mandate.proxy_email:
            raise MandateRefused(_("Add the proxy's email address to send them an invitation, or give them a code."))
        recipient = Person.objects.filter(email__iexact=mandate.proxy_email, anonymised_at__isnull=True).first()
        recipient = recipient or mandate.person
        notify(
            recipient,
            "mandate.invitation",
            {
                "mandate_id": mandate.pk,
                "url_template": build_url(TOKEN_PLACEHOLDER),
                "proxy_name": mandate.proxy_name,
                "person_name": person_name(mandate.person),
            },
            about=mandate,
            occasion=uuid4().hex,
            address=mandate.proxy_email,
            language=mandate.person.language,
        )
        _audit(
            "mandate.invitation_sent",
            mandate,
            user=by_user,
            actor="" if by_user else audit.applicant_actor(mandate.person_id),
        )


def _make_invitation(notification) -> dict:
    """When the invitation leaves: a fresh token, its hash kept on the mandate."""
    token = secrets.token_urlsafe(24)
    Mandate.objects.filter(pk=notification.context["mandate_id"], proxy__isnull=True).update(
        invitation_hash=_token_hash(token), invitation_expires_at=timezone.now() + INVITATION_LIFETIME
    )
    return {"url": notification.context["url_template"].replace(TOKEN_PLACEHOLDER, token), "name": ""}


def _open_mandate(mandate_id: int, *, person_id: int | None = None) -> Mandate:
    found = Mandate.objects.select_for_update().filter(pk=mandate_id)
    if person_id is not None:
        found = found.filter(person_id=person_id)
    mandate = found.first()
    if mandate is None:
        raise MandateNotFound()
    if mandate.status() in ("revoked", "expired"):
        raise MandateRefused()
    return mandate


def mandate_for_invitation(*, secret: str) -> Mandate:
    """The mandate an invitation link's token or a code opens; refused when spent or too old."""
    secret = (secret or "").strip()
    if not secret:
        raise InvitationInvalid()
    mandate = Mandate.objects.filter(invitation_hash__in=[_token_hash(secret), _hash(secret)]).first()
    if (
        mandate is None
        or mandate.proxy_id is not None
        or mandate.invitation_expires_at is None
        or mandate.invitation_expires_at <= timezone.now()
        or mandate.status() in ("revoked", "expired")
    ):
        raise InvitationInvalid()
    return mandate


def mandate_join(*, secret: str, name: str, email: str, build_url: Callable[[str], str]) -> Mandate:
    """The proxy takes up an invitation with its link or code, giving their name and address.

    The invitation is spent at once; the proxy is the person who holds this confirmed address, or
    a new person whose address a sign-in link sent now confirms. Until they open it, the proxy
    cannot act: the link proves the address is theirs."""
    name, email = name.strip(), email.strip()
    if not name:
        raise MandateRefused(_("Write your first and last name."))
    if "@" not in email:
        raise MandateRefused(_("Write your email address, such as name@example.org."))
    with transaction.atomic():
        found = mandate_for_invitation(secret=secret)
        mandate = Mandate.objects.select_for_update().get(pk=found.pk)
        if mandate.proxy_id is not None:
            raise InvitationInvalid()
        proxy = (
            Person.objects.filter(email__iexact=email, email_confirmed_at__isnull=False, anonymised_at__isnull=True)
            .order_by("pk")
            .first()
        )
        if proxy is None:
            proxy = Person.objects.create(email=email, language=mandate.person.language)
        if proxy.pk == mandate.person_id:
            raise MandateRefused(_("You cannot be your own proxy: the mandate is for someone else."))
        mandate.proxy = proxy
        mandate.proxy_name = name[:200]
        mandate.proxy_email = email
        mandate.proxy_joined_at = timezone.now()
        mandate.invitation_hash = None
        mandate.invitation_expires_at = None
        mandate.save()
        _audit("mandate.joined", mandate, actor=audit.applicant_actor(proxy.pk))
        proxy_sign_in_send(person=proxy, build_url=build_url, address=email)
    return mandate


# -- the person's acceptance ----------------------------------------------------------------------


def mandate_accept(*, mandate_id: int, person_id: int) -> Mandate:
    """The person accepts, in their space, a mandate prepared for them."""
    with transaction.atomic():
        mandate = _open_mandate(mandate_id, person_id=person_id)
        return _accept(mandate, method=ConsentMethod.SPACE, actor=audit.applicant_actor(person_id))


def _accept(mandate: Mandate, *, method: str, user=None, actor: str = "", document_id=None) -> Mandate:
    if mandate.accepted_at is not None:
        raise MandateRefused(_("This mandate is already accepted."))
    if not mandate.rights():
        raise MandateRefused(_("Every right of this mandate was revoked: prepare a new one."))
    _start(mandate, method=method, now=timezone.now())
    mandate.acceptance_document_id = document_id
    mandate.save()
    _audit("mandate.accepted", mandate, user=user, actor=actor, method=method, document_id=document_id)
    _tell_both(mandate, "mandate.accepted")
    return mandate


def mandate_acceptance_code_send(*, mandate_id: int, by_user) -> None:
    """An advisor sends the person a code by text message; the person reads it back to accept."""
    with transaction.atomic():
        mandate = _open_mandate(mandate_id)
        if mandate.accepted_at is not None:
            raise MandateRefused(_("This mandate is already accepted."))
        if not mandate.person.reachable_by(Channel.SMS):
            raise MandateRefused(_("The person has no mobile number: add one to their file, or use the paper form."))
        mandate.acceptance_attempts = 0
        mandate.save(update_fields=["acceptance_attempts"])
        notify(
            mandate.person,
            "mandate.acceptance_code",
            {"mandate_id": mandate.pk, "proxy_name": mandate.proxy_name},
            about=mandate,
            occasion=uuid4().hex,
        )
        _audit("mandate.acceptance_code_sent", mandate, user=by_user)


def _make_acceptance_code(notification) -> dict:
    code = f"{secrets.randbelow(10**6):06d}"
    Mandate.objects.filter(pk=notification.context["mandate_id"], accepted_at__isnull=True).update(
        acceptance_code_hash=_hash(code), acceptance_code_expires_at=timezone.now() + ACCEPTANCE_CODE_LIFETIME
    )
    return {"code": code}


def mandate_accept_by_code(*, mandate_id: int, code: str, by_user) -> Mandate:
    """The advisor types the code the person read back to them. A wrong code counts (saved before
    the refusal); after five, a new code must be sent."""
    with transaction.atomic():
        mandate = _open_mandate(mandate_id)
        if mandate.accepted_at is not None:
            raise MandateRefused(_("This mandate is already accepted."))
        usable = (
            mandate.acceptance_code_hash
            and mandate.acceptance_code_expires_at
            and mandate.acceptance_code_expires_at > timezone.now()
            and mandate.acceptance_attempts < MAX_ACCEPTANCE_ATTEMPTS
        )
        if not usable:
            raise AcceptanceCodeInvalid(_("This code no longer works: send a new code to the person."))
        if hmac.compare_digest(mandate.acceptance_code_hash, _hash(code or "")):
            return _accept(mandate, method=ConsentMethod.SMS, user=by_user)
    with transaction.atomic():
        Mandate.objects.filter(pk=mandate_id).update(acceptance_attempts=mandate.acceptance_attempts + 1)
        _audit("mandate.acceptance_code_wrong", mandate, user=by_user)
    raise AcceptanceCodeInvalid()


def mandate_accept_on_paper(*, mandate_id: int, by_user, document_id: int | None = None) -> Mandate:
    """The advisor records the paper form the person signed (its scan, if uploaded, by its id)."""
    with transaction.atomic():
        mandate = _open_mandate(mandate_id)
        return _accept(mandate, method=ConsentMethod.PAPER, user=by_user, document_id=document_id)


# -- revoking -------------------------------------------------------------------------------------


def mandate_revoke(*, mandate_id: int, person_id: int | None = None, by_user=None) -> Mandate:
    """End the whole mandate now, with every right (the person in their space, or an advisor)."""
    with transaction.atomic():
        mandate = _open_mandate(mandate_id, person_id=person_id)
        now = timezone.now()
        mandate.revoked_at = now
        mandate.invitation_hash = None
        mandate.save(update_fields=["revoked_at", "invitation_hash"])
        mandate.grants.filter(revoked_at__isnull=True).update(revoked_at=now)
        _audit(
            "mandate.revoked",
            mandate,
            user=by_user,
            actor="" if by_user else audit.applicant_actor(mandate.person_id),
        )
        if mandate.proxy_id:
            _tell_both(mandate, "mandate.revoked")
    return mandate


def mandate_right_revoke(*, mandate_id: int, right: str, person_id: int | None = None, by_user=None) -> Mandate:
    """Take one right back; the mandate ends when none is left."""
    with transaction.atomic():
        mandate = _open_mandate(mandate_id, person_id=person_id)
        grant = mandate.grants.select_for_update().filter(right=right, revoked_at__isnull=True).first()
        if grant is None:
            raise MandateRefused(_("This right is not part of the mandate any more."))
        grant.revoked_at = timezone.now()
        grant.save(update_fields=["revoked_at"])
        _audit(
            "mandate.right_revoked",
            mandate,
            user=by_user,
            actor="" if by_user else audit.applicant_actor(mandate.person_id),
            right=right,
        )
        if not mandate.rights():
            mandate.revoked_at = grant.revoked_at
            mandate.save(update_fields=["revoked_at"])
    return mandate


# -- acting as a proxy ----------------------------------------------------------------------------


def proxy_action_record(
    *,
    proxy_id: int,
    application: Application,
    right: str,
    action: str,
    summary: str,
    data: dict | None = None,
    details: dict | None = None,
) -> ProxyAction:
    """Write what a proxy did in the person's journal and in the audit trail, with both ids.
    ``details`` let the journal word the action again in its reader's language
    (:meth:`ProxyAction.description`); ``summary`` is the wording at the time.
    Refused when the proxy does not hold ``right`` on the file now."""
    mandate = access.proxy_mandate_for(proxy_id, application, right)
    if mandate is None:
        raise ProxyNotAllowed()
    made = ProxyAction.objects.create(
        mandate=mandate,
        person_id=application.person_id,
        proxy_id=proxy_id,
        application=application,
        right=right,
        action=action,
        summary=summary[:300],
        details=details or {},
    )
    audit.record(
        action,
        actor=audit.applicant_actor(proxy_id),
        obj=application,
        application_id=application.pk,
        data={
            "on_behalf_of": application.person_id,
            "proxy_id": proxy_id,
            "mandate_id": mandate.pk,
            "right": right,
            **(data or {}),
        },
    )
    return made


def journal(person_id: int):
    """What proxies did for the person, newest first."""
    return ProxyAction.objects.filter(person_id=person_id).select_related("mandate", "application")


# -- the proxy's own sign-in ----------------------------------------------------------------------


def proxy_sign_in_send(*, person: Person, build_url: Callable[[str], str], address: str = "") -> None:
    notify(
        person,
        "mandate.sign_in",
        {"url_template": build_url(TOKEN_PLACEHOLDER)},
        about=person,
        occasion=uuid4().hex,
        address=address or person.email,
    )


def _make_sign_in_link(notification) -> dict:
    token = secrets.token_urlsafe(32)
    ApplicantLink.objects.create(
        person_id=notification.person_id,
        email=notification.address,
        purpose=ApplicantLink.Purpose.SIGN_IN,
        token_hash=_token_hash(token),
        expires_at=timezone.now() + SIGN_IN_LINK_LIFETIME,
    )
    return {"url": notification.context["url_template"].replace(TOKEN_PLACEHOLDER, token), "name": ""}


def proxy_sign_in_request(*, email: str, build_url: Callable[[str], str]) -> None:
    """Send a sign-in link to a proxy who holds no file of their own (a file holder gets the
    applicant's link). Says nothing either way."""
    email = email.strip()
    proxies = Person.objects.filter(
        email__iexact=email, anonymised_at__isnull=True, mandates_held__isnull=False
    ).distinct()
    for proxy in proxies:
        if not proxy.applications.exists():
            proxy_sign_in_send(person=proxy, build_url=build_url, address=proxy.email)


def proxy_link_use(*, token: str) -> Person | None:
    """Spend a proxy's sign-in link: its person (their address now confirmed), or None when the
    token is no proxy's link (it may be an applicant's). Refused when spent or too old."""
    from .exceptions import LinkAlreadyUsed, LinkExpired, LinkInvalid

    with transaction.atomic():
        link = (
            ApplicantLink.objects.select_for_update()
            .filter(token_hash=_token_hash(token or ""), application__isnull=True, person__isnull=False)
            .first()
        )
        if link is None:
            return None
        if link.used_at is not None:
            raise LinkAlreadyUsed()
        if link.expires_at <= timezone.now() or link.cancelled_at is not None:
            raise LinkExpired()
        person = Person.objects.select_for_update().get(pk=link.person_id)
        if person.anonymised_at is not None or person.email.strip().lower() != link.email.strip().lower():
            raise LinkInvalid()
        link.used_at = timezone.now()
        link.save(update_fields=["used_at"])
        if person.email_confirmed_at is None:
            person.email_confirmed_at = link.used_at
            person.save(update_fields=["email_confirmed_at"])
        audit.record("mandate.proxy_signed_in", actor=audit.applicant_actor(person.pk))
    return person


# -- reminders and the monthly journal ------------------------------------------------------------


def _tell_both(mandate: Mandate, kind: str) -> None:
    context = {
        "mandate_id": mandate.pk,
        "proxy_name": mandate.proxy_name,
        "person_name": person_name(mandate.person),
        "expires_on": f"{timezone.localtime(mandate.expires_at):%Y-%m-%d}" if mandate.expires_at else "",
        "url": public_url("applicant_mandates"),
    }
    for recipient in (mandate.person, mandate.proxy):
        if recipient is not None and recipient.anonymised_at is None:
            notify(recipient, kind, context, about=mandate)


def mandates_remind_of_expiry(now=None) -> int:
    """Daily: the person and the proxy are told, once, that a mandate ends within a week. A
    one-day mandate is not reminded of (its end was said at acceptance)."""
    now = now or timezone.now()
    due = Mandate.objects.filter(
        accepted_at__isnull=False,
        revoked_at__isnull=True,
        expiry_reminded_at__isnull=True,
        expires_at__gt=now,
        expires_at__lte=now + REMINDER_BEFORE,
    ).exclude(duration=MandateDuration.DAY)
    count = 0
    for pk in due.values_list("pk", flat=True):
        with transaction.atomic():
            mandate = (
                Mandate.objects.select_for_update(of=("self",))
                .select_related("person", "proxy")
                .filter(pk=pk, expiry_reminded_at__isnull=True)
                .first()
            )
            if mandate is None:
                continue
            mandate.expiry_reminded_at = now
            mandate.save(update_fields=["expiry_reminded_at"])
            _tell_both(mandate, "mandate.expiring")
            count += 1
    return count


def mandates_send_monthly_journal(now=None) -> int:
    """Monthly: each person acted for during the past month receives the journal of it ("who
    acted for you"), through their channels (a letter by post for those who chose it); once a
    month, and not at all in a month without any action."""
    now = now or timezone.now()
    first_of_this_month = timezone.localtime(now).replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    start = (first_of_this_month - timedelta(days=1)).replace(day=1)
    month = f"{start:%Y-%m}"
    people = (
        ProxyAction.objects.filter(at__gte=start, at__lt=first_of_this_month)
        .values_list("person_id", flat=True)
        .distinct()
    )
    count = 0
    for person in Person.objects.filter(pk__in=list(people), anonymised_at__isnull=True):
        notify(person, "mandate.journal", {"month": month}, about=person, occasion=month)
        count += 1
    return count


def _journal_lines(notification) -> dict:
    """When the journal leaves: the month's actions, as they are then."""
    year, month = (int(part) for part in notification.context["month"].split("-"))
    actions = journal(notification.person_id).filter(at__year=year, at__month=month).order_by("at", "pk")
    with translation.override(notification.language):
        lines = [
            {"at": action.at, "proxy": action.mandate.proxy_name, "summary": action.description()} for action in actions
        ]
    return {"lines": lines, "name": person_name(notification.person) if notification.person else ""}


def _subject(text: str):
    return lambda context: str(text)


register_kind(
    Kind(
        "mandate.invitation",
        _subject(gettext_lazy("You are invited to act as a proxy on WeShare")),
        channels=(Channel.EMAIL,),
    )
)
register_kind(
    Kind(
        "mandate.sign_in",
        _subject(gettext_lazy("Your link to sign in to your space")),
        channels=(Channel.EMAIL,),
    )
)
register_kind(
    Kind(
        "mandate.acceptance_code",
        _subject(gettext_lazy("Your code to accept a mandate")),
        channels=(Channel.SMS,),
        one_channel=True,
    )
)
register_kind(Kind("mandate.accepted", _subject(gettext_lazy("A mandate is now in force")), in_space=True))
register_kind(Kind("mandate.revoked", _subject(gettext_lazy("A mandate was revoked")), in_space=True))
register_kind(Kind("mandate.expiring", _subject(gettext_lazy("A mandate ends in a few days")), in_space=True))
register_kind(Kind("mandate.journal", _subject(gettext_lazy("Who acted for you this month")), in_space=True))
register_preparer("mandate.invitation", _make_invitation)
register_preparer("mandate.acceptance_code", _make_acceptance_code)
register_preparer("mandate.sign_in", _make_sign_in_link)
register_preparer("mandate.journal", _journal_lines)
