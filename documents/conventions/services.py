"""Conventions from drafting to the seal: render once, sign in order after a fresh code, seal, activate.

Every function locks the convention (or the pairing) row, checks who acts, changes state only
through the model's transitions, and records each step with the file's fingerprint before and
after. The pairing moves on through :mod:`pairings.services`.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from pyhanko.sign.general import SigningError as PdfSigningError

from audit import chain as audit
from pairings.enums import PairingState
from pairings.models import Pairing
from workflow import access
from workflow.enums import Channel, StaffRole
from workflow.models import StaffMembership
from workflow.notifications import Kind, admin_url, notify, register_kind, register_preparer

from .. import crypto, signing
from ..enums import SIGNING_ORDER as SIGNING_ORDER_PARTIES
from ..enums import ConventionState, SigningParty
from ..exceptions import (
    CodeInvalid,
    CodeSpent,
    DocumentError,
    DocumentNotFound,
    NotYourTurn,
    SigningRefused,
    TooManyCodeAttempts,
)
from ..models import (
    CodeDelivery,
    Convention,
    ConventionStep,
    ConventionTemplate,
    IdentityCheck,
    IdentityDocumentType,
    SignerCertificate,
    SigningCode,
    SigningPlace,
)
from . import authority, rendering

logger = logging.getLogger(__name__)

CODE_VALIDITY = timedelta(minutes=10)
CODE_ATTEMPTS = 5
#: Wrong codes a person may type in an hour, over all their codes, before signing is paused.
FAILURES_PER_HOUR = 10
FAILURE_WINDOW = timedelta(hours=1)
TRANSITIONS = {
    SigningParty.GUEST: "sign_as_guest",
    SigningParty.HOST: "sign_as_host",
    SigningParty.ASSOCIATION: "sign_as_association",
    SigningParty.PENSION_OFFICE: "sign_as_pension_office",
}


class NoTemplate(DocumentError):
    default_message = gettext_lazy("No convention template exists for this country yet.")


def _step(convention: Convention, *, applicant=None, **fields) -> ConventionStep:
    """One step of the file, in its audit sheet and in the audit trail (``applicant``: the file
    of the applicant who acted, named in the trail by its id). A signature in person names the
    advisor's account it was made on, the identity check and how the code was delivered."""
    step = ConventionStep.objects.create(convention=convention, **fields)
    user = fields.get("user")
    data = {
        "party": fields.get("party", ""),
        "sha256": fields.get("sha256_after", ""),
        "certificate": fields["certificate"].fingerprint if fields.get("certificate") else "",
    }
    if fields.get("code_delivery"):
        data["delivery"] = fields["code_delivery"]
    in_person = fields.get("identity_check") is not None
    if in_person:
        data.update(in_person=True, identity_check=fields["identity_check"].pk, place=fields.get("place", ""))
    audit.record(
        f"convention.{fields['action']}",
        user=user,
        actor=""
        if user is not None
        else (audit.applicant_actor(applicant.person_id) if applicant is not None else "system"),
        obj=convention,
        application_id=applicant.pk if in_person and applicant is not None else None,
        pairing_id=convention.pairing_id,
        data=data,
    )
    return step


class LanguageMissing(DocumentError):
    """A party would read the convention in a language the country has no template in."""

    default_message = gettext_lazy("A party's language has no convention template in this country.")


def convention_languages_missing(pairing: Pairing) -> list[str]:
    """The host's and the guest's languages (codes) in which the host's country has no convention
    template yet: each party signs a text in their own language, so drafting waits for them."""
    country = pairing.host.country
    have = set(ConventionTemplate.objects.filter(country=country).values_list("language", flat=True))
    return sorted({pairing.host.language, pairing.guest.language} - have)


def languages_missing_message(pairing: Pairing, missing: list[str]) -> str:
    """What the advisor reads: which languages lack a template, in which country."""
    names = dict(settings.LANGUAGES)
    return _(
        "%(country)s has no convention template in %(languages)s, the language of a party to this pairing. "
        "Ask your national officer to add it before drafting the convention."
    ) % {
        "country": pairing.host.country.name,
        "languages": ", ".join(str(names.get(code, code)) for code in missing),
    }


def _template_for(country, language: str) -> ConventionTemplate:
    found = ConventionTemplate.objects.filter(country=country, language=language).first()
    if found is None:
        raise NoTemplate()
    return found


def read_pdf(convention: Convention) -> bytes:
    with convention.pdf.storage.open(convention.pdf.name, "rb") as file:
        return crypto.decrypt(file.read())


def _store(convention: Convention, pdf: bytes) -> tuple[str, str]:
    name = convention.pdf.storage.save(
        f"conventions/{convention.reference}-{secrets.token_hex(6)}.bin", ContentFile(crypto.encrypt(pdf))
    )
    return name, signing.sha256(pdf)


def _reference(pairing: Pairing) -> str:
    return f"WS-{pairing.host.country.code}-{timezone.now():%Y}-{pairing.pk:06d}-{secrets.token_hex(2).upper()}"


def convention_render(*, pairing_id: int) -> Convention:
    """The pairing's current convention, rendered once: a second call returns the same one."""
    with transaction.atomic():
        pairing = (
            Pairing.objects.select_for_update(of=("self",))
            .select_related("host__country", "host__territory", "guest")
            .filter(pk=pairing_id)
            .first()
        )
        if pairing is None:
            raise DocumentNotFound()
        current = pairing.conventions.exclude(state=ConventionState.REFUSED).first()
        if current is not None and current.state != ConventionState.DRAFT:
            return current
        if current is None:
            country = pairing.host.country
            if not ConventionTemplate.objects.filter(country=country).exists():
                raise NoTemplate()
            missing = convention_languages_missing(pairing)
            if missing:
                # Never a convention a party cannot read: the advisor is told which text is missing.
                raise LanguageMissing(languages_missing_message(pairing, missing))
            host_template = _template_for(country, pairing.host.language)
            guest_template = _template_for(country, pairing.guest.language)
            current = Convention.objects.create(
                pairing=pairing,
                reference=_reference(pairing),
                token=secrets.token_urlsafe(32),
                host_version=host_template.versions.order_by("-number").first(),
                guest_version=guest_template.versions.order_by("-number").first(),
            )
        pdf, boxes = rendering.render(current)
        pdf = signing.add_signature_fields(pdf, boxes)
        name, digest = _store(current, pdf)
        current.render(pdf_name=name, sha256=digest)
        current.save()
        _step(current, action="rendered", sha256_after=digest, pdf_name=name)
        return current


def _may_sign(convention: Convention, party: str, *, user=None, application=None) -> bool:
    """Who may sign for ``party`` is said by :func:`workflow.access.may_sign_convention`."""
    return access.may_sign_convention(user, convention, party, application=application)


def _hash_code(code: str) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), code.encode(), hashlib.sha256).hexdigest()


def signing_code_send(*, convention_id: int, application) -> None:
    """Send an applicant a six-digit code valid for ten minutes, for their next signature.

    It goes by the channel they prefer (email or SMS), once the transaction commits. The code is
    made when the message leaves (:func:`_make_code`), so that it is never stored in clear.
    """
    convention = Convention.objects.select_related("pairing").filter(pk=convention_id).first()
    if convention is None or application.pk not in (convention.pairing.host_id, convention.pairing.guest_id):
        raise DocumentNotFound()
    notify(
        application.person,
        "convention.signing_code",
        {"convention_id": convention.pk},
        about=convention,
        occasion=uuid.uuid4().hex,
        application=application,
    )


def _make_code(notification) -> dict:
    """When the code's message leaves: a new code for this signer and convention, its hash kept."""
    convention = Convention.objects.get(pk=notification.context["convention_id"])
    code = f"{secrets.randbelow(10**6):06d}"
    SigningCode.objects.create(
        application_id=notification.application_id,
        convention=convention,
        code_hash=_hash_code(code),
        expires_at=timezone.now() + CODE_VALIDITY,
        delivery=CodeDelivery.SMS if notification.channel == Channel.SMS else CodeDelivery.EMAIL,
    )
    return {"code": code, "convention": convention}


register_preparer("convention.signing_code", _make_code)


def _failures_in_the_last_hour(*, user=None, application=None) -> int:
    from audit.models import AuditEvent

    since = timezone.now() - FAILURE_WINDOW
    events = AuditEvent.objects.filter(action="convention.code_refused", at__gte=since)
    if application is not None:
        # A host's or a guest's wrong codes, typed in their space or on an advisor's device.
        return events.filter(application_id=application.pk).count()
    return events.filter(user_id=user.pk).count()


def signing_code_check(
    *, convention: Convention, party: str, code: str, user=None, application=None, in_person: bool = False
) -> SigningCode | None:
    """Check the one-time code a party typed to sign; refuse with :class:`CodeInvalid` if it is wrong.

    Runs in a transaction of its own, committed before the refusal is raised, so that a wrong
    code is always counted: the code's attempts (spent after five), django-otp's throttle of the
    staff member's device, and an audit event per failure, which also caps each person's wrong
    codes per hour whatever the code. Must not be called inside another transaction.

    A host or a guest signing ``in_person`` (on their advisor's device, ``user``) types a code
    given after an identity check; from their space, a code they asked for there. Returns the
    applicant's code, now used (None for staff, who type their authenticator app's code).
    """
    code = (code or "").strip().replace(" ", "")
    refusal: CodeInvalid | None = None
    found = None
    with transaction.atomic(durable=True):
        if _failures_in_the_last_hour(user=None if application else user, application=application) >= (
            FAILURES_PER_HOUR
        ):
            raise TooManyCodeAttempts()
        if party in (SigningParty.GUEST, SigningParty.HOST):
            found = (
                SigningCode.objects.select_for_update()
                .filter(
                    application=application,
                    convention=convention,
                    used_at__isnull=True,
                    identity_check__isnull=not in_person,
                )
                .order_by("-created_at", "-pk")
                .first()
            )
            if found is None or found.expires_at <= timezone.now():
                refusal = CodeInvalid()
            elif found.attempts >= CODE_ATTEMPTS:
                refusal = CodeSpent()
            elif not hmac.compare_digest(found.code_hash, _hash_code(code)):
                found.attempts += 1
                found.save(update_fields=["attempts"])
                refusal = CodeSpent() if found.attempts >= CODE_ATTEMPTS else CodeInvalid()
            else:
                found.used_at = timezone.now()
                found.save(update_fields=["used_at"])
        else:
            from django_otp import match_token

            if not code or match_token(user, code) is None:
                refusal = CodeInvalid(_("This code from your authenticator app is not valid. Please try again."))
        if refusal is not None:
            audit.record(
                "convention.code_refused",
                user=user,
                actor="" if user is not None else audit.applicant_actor(application.person_id),
                obj=convention,
                application_id=application.pk if application is not None else None,
                pairing_id=convention.pairing_id,
                data={
                    "party": party,
                    "spent": isinstance(refusal, CodeSpent),
                    **({"in_person": True} if in_person else {}),
                },
            )
    if refusal is not None:
        raise refusal
    return found


def _certificate(party: str, *, user=None, application=None) -> SignerCertificate:
    if application is not None:
        found = SignerCertificate.objects.filter(application=application, party=party, revoked_at__isnull=True).first()
        if found:
            return found
        return authority.issue(
            party=party,
            name=f"{application.first_name} {application.last_name}",
            organisation=str(SigningParty(party).label),
            country=application.country.code,
            application=application,
        )
    found = SignerCertificate.objects.filter(user=user, party=party, revoked_at__isnull=True).first()
    if found:
        return found
    membership = (
        user.memberships.select_related("organisation__country").first() if hasattr(user, "memberships") else None
    )
    organisation = membership.organisation if membership else None
    return authority.issue(
        party=party,
        name=user.get_full_name() or user.get_username(),
        organisation=organisation.name if organisation else "WeShare",
        country=organisation.country.code if organisation else "",
        user=user,
    )


def _role_in(convention: Convention, party: str) -> str:
    """The party's role, in the language the convention is written in first (for the visible stamp)."""
    with translation.override(convention.host_version.template.language):
        return str(SigningParty(party).label)


def _signable(*, convention_id: int, party: str, user, application, lock: bool) -> Convention:
    """The convention, if this party may sign it now (locked when ``lock``)."""
    conventions = Convention.objects.select_for_update(of=("self",)) if lock else Convention.objects
    convention = (
        conventions.select_related("pairing__host__territory", "pairing__host__country", "pairing__guest")
        .filter(pk=convention_id)
        .first()
    )
    if convention is None or not _may_sign(convention, party, user=user, application=application):
        raise DocumentNotFound()
    if convention.pairing.state != PairingState.SIGNING:
        raise SigningRefused(_("The signatures are not open for this convention."))
    if convention.next_party() != party:
        raise NotYourTurn()
    return convention


def convention_sign(*, convention_id: int, party: str, code: str, user=None, application=None) -> Convention:
    """One party signs, in order, after a fresh one-time code; the last signature seals and activates.

    The code is checked first, in its own committed transaction (see :func:`signing_code_check`);
    then the convention is locked and every rule checked again before signing.
    """
    if party not in TRANSITIONS:
        raise SigningRefused()
    convention = _signable(convention_id=convention_id, party=party, user=user, application=application, lock=False)
    used = signing_code_check(convention=convention, party=party, code=code, user=user, application=application)
    return _sign_now(convention_id=convention_id, party=party, user=user, application=application, used=used)


def _sign_now(
    *, convention_id: int, party: str, user, application, used: SigningCode | None, place: str = "", present: str = ""
) -> Convention:
    """The signature itself, once the code is checked: the convention locked, every rule checked
    again, the party's own certificate (the applicant's for a host or a guest, even on an
    advisor's device), one step in the audit sheet."""
    with transaction.atomic():
        convention = _signable(
            convention_id=convention_id,
            party=party,
            user=None if application else user,
            application=application,
            lock=True,
        )
        certificate = _certificate(party, user=user, application=application)
        before = read_pdf(convention)
        context = authority.validation_context()
        try:
            with authority.signer_for(certificate) as signer:
                signed = signing.sign(
                    before,
                    field_name=rendering.field_name(party),
                    signer=signer,
                    role=_role_in(convention, party),
                    timestamper=authority.timestamper(),
                    context=context,
                )
        except PdfSigningError as error:
            # The signer's certificate did not validate: a refusal the signer can read, not a
            # server error; nothing is signed and the convention stays as it was.
            logger.exception("Convention %s: the %s's signature could not be made", convention.pk, party)
            raise SigningRefused() from error
        name, digest = _store(convention, signed)
        getattr(convention, TRANSITIONS[party])(pdf_name=name, sha256=digest)
        convention.save()
        _step(
            convention,
            action="signed",
            party=party,
            signer_name=certificate.subject_name,
            user=user,
            applicant_email=application.email if application else "",
            applicant=application,
            certificate=certificate,
            sha256_before=signing.sha256(before),
            sha256_after=digest,
            pdf_name=name,
            code_delivery=used.delivery if used is not None else "",
            identity_check=used.identity_check if used is not None else None,
            place=place,
            present=present,
        )
        if party == SigningParty.PENSION_OFFICE:
            _seal_and_activate(convention, signed, by=user)
        elif convention.next_party() == SigningParty.PENSION_OFFICE:
            signature_awaited_notify(convention=convention)
        return convention


register_kind(
    Kind(
        "staff.signature_awaited",
        lambda c: str(_("A convention awaits your signature")),
        channels=(Channel.EMAIL,),
    )
)


def pension_officers_for(convention: Convention):
    """The active officers, with an email address, of the pension office overseeing the pairing's
    territory (the host's, as :func:`workflow.access.may_countersign_pairing` says)."""
    office = convention.pairing.host.territory.effective_pension_office()
    if office is None:
        return StaffMembership.objects.none()
    return (
        StaffMembership.objects.filter(organisation=office, role=StaffRole.PENSION_OFFICER, user__is_active=True)
        .exclude(user__email="")
        .select_related("user")
        .order_by("user_id")
    )


def _staff_language(user, default: str) -> str:
    from wagtail.users.models import UserProfile

    return UserProfile.get_for_user(user).preferred_language or default


def signature_awaited_notify(*, convention: Convention) -> int:
    """Tell each officer of the pension office that the convention waits for their signature, once
    per convention, with a link that opens the signing page. Returns how many were told."""
    pairing = convention.pairing
    url = admin_url("convention_admin", convention.pk)
    told = 0
    seen = set()
    for membership in pension_officers_for(convention):
        officer = membership.user
        if officer.pk in seen:
            continue
        seen.add(officer.pk)
        told += len(
            notify(
                officer,
                "staff.signature_awaited",
                {"convention_id": convention.pk, "url": url},
                about=convention,
                occasion=convention.pk,
                language=_staff_language(officer, pairing.host.country.main_language),
            )
        )
    return told


def _awaited_convention(notification) -> dict:
    """When the message leaves: the convention and its pair, named at that moment (never stored)."""
    found = Convention.objects.select_related("pairing__host", "pairing__guest").filter(
        pk=notification.context.get("convention_id")
    )
    convention = found.first()
    if convention is None:
        return {}
    pairing = convention.pairing
    return {
        "convention": convention,
        "host_name": f"{pairing.host.first_name} {pairing.host.last_name}",
        "guest_name": f"{pairing.guest.first_name} {pairing.guest.last_name}",
    }


register_preparer("staff.signature_awaited", _awaited_convention)


def _seal_and_activate(convention: Convention, signed: bytes, *, by) -> None:
    """Validation data and a document timestamp; the pairing is activated only if every signature checks out."""
    from pairings.services import pairing_act

    sealed = signing.seal(signed, timestamper=authority.timestamper(), context=authority.validation_context())
    report = signing.verify(sealed, authority.validation_context)
    if not report.ok or len(report.signatures) != len(TRANSITIONS):
        raise SigningRefused(_("The signatures could not be verified: the convention was not sealed."))
    name, digest = _store(convention, sealed)
    convention.seal(pdf_name=name, sha256=digest)
    convention.save()
    _step(
        convention,
        action="sealed",
        sha256_before=signing.sha256(signed),
        sha256_after=digest,
        pdf_name=name,
        comment=report.level,
    )
    pairing_act(pairing_id=convention.pairing_id, action="activate", by=by)


def convention_refuse(*, convention_id: int, party: str, reason: str, user=None, application=None) -> Convention:
    """A party refuses to sign, with a reason: the convention is refused and the pairing goes back to drafting."""
    from pairings.services import pairing_convention_refused

    reason = (reason or "").strip()
    if not reason:
        from workflow.exceptions import ReasonRequired

        raise ReasonRequired(_("Please say why you do not sign: your advisor will read it."))
    with transaction.atomic():
        convention = (
            Convention.objects.select_for_update(of=("self",))
            .select_related("pairing")
            .filter(pk=convention_id)
            .first()
        )
        if convention is None or not _may_sign(convention, party, user=user, application=application):
            raise DocumentNotFound()
        if convention.next_party() != party:
            raise NotYourTurn()
        convention.refuse(party=party, reason=reason)
        convention.save()
        _step(
            convention,
            action="refused",
            party=party,
            user=user,
            applicant_email=application.email if application else "",
            applicant=application,
            sha256_before=convention.sha256,
            sha256_after=convention.sha256,
            pdf_name=convention.pdf.name,
            comment=reason,
        )
        pairing_convention_refused(pairing_id=convention.pairing_id, party=party, reason=reason, by=user)
        return convention


# Signing in person, without a smartphone: the advisor checks the signer's identity document,
# gives them a one-time code (by text message, on a printed sheet, or on a sheet sent by post),
# and the signer types it on the advisor's device to sign with their own certificate.

APPLICANT_PARTIES = (SigningParty.GUEST, SigningParty.HOST)
IN_PERSON_DELIVERIES = (CodeDelivery.SMS, CodeDelivery.SHEET, CodeDelivery.LETTER)
IN_PERSON_KINDS = {
    CodeDelivery.SMS: "convention.signing_code_sms",
    CodeDelivery.LETTER: "convention.signing_code_letter",
}


class InPersonRefused(SigningRefused):
    """What the advisor typed or chose cannot be recorded; the message says what to change."""


def in_person_code_validity(delivery: str) -> timedelta:
    """How long a code given in person stays valid: a text message for the visit
    (``SIGNING_CODE_SMS_MINUTES``, 30), a sheet handed over until the signer comes to the office
    (``SIGNING_CODE_SHEET_HOURS``, 72), a sheet sent by post long enough for the post
    (``SIGNING_CODE_LETTER_DAYS``, 10)."""
    if delivery == CodeDelivery.SMS:
        return timedelta(minutes=getattr(settings, "SIGNING_CODE_SMS_MINUTES", 30))
    if delivery == CodeDelivery.SHEET:
        return timedelta(hours=getattr(settings, "SIGNING_CODE_SHEET_HOURS", 72))
    return timedelta(days=getattr(settings, "SIGNING_CODE_LETTER_DAYS", 10))


def _applicant_of(convention: Convention, party: str):
    return convention.pairing.host if party == SigningParty.HOST else convention.pairing.guest


def _awaits(convention: Convention, party: str) -> bool:
    """Whether ``party`` has still to sign (it may be someone else's turn first)."""
    order = [p for p, _source, _target in SIGNING_ORDER_PARTIES]
    following = convention.next_party()
    return following is not None and order.index(party) >= order.index(following)


def in_person_parties(convention: Convention, user) -> list[str]:
    """The applicant parties ``user`` may help sign in person now: an advisor who manages the
    pairing, while the signatures are open and before that party has signed."""
    pairing = convention.pairing
    if pairing.state != PairingState.SIGNING or not access.may_manage_pairing(user, pairing):
        return []
    return [party for party in APPLICANT_PARTIES if _awaits(convention, party)]


def _in_person(*, convention_id: int, party: str, by, lock: bool):
    """The convention and the signer's file, if ``by`` may help this party sign in person now."""
    if party not in APPLICANT_PARTIES:
        raise InPersonRefused(_("Only the host and the guest sign in person with a code."))
    conventions = Convention.objects.select_for_update(of=("self",)) if lock else Convention.objects
    convention = (
        conventions.select_related("pairing__host__territory", "pairing__host__person", "pairing__guest__person")
        .filter(pk=convention_id)
        .first()
    )
    if convention is None or not access.may_manage_pairing(by, convention.pairing):
        raise DocumentNotFound()
    application = _applicant_of(convention, party)
    if not access.may_sign_convention(None, convention, party, application=application):
        raise DocumentNotFound()
    if convention.pairing.state != PairingState.SIGNING:
        raise SigningRefused(_("The signatures are not open for this convention."))
    if not _awaits(convention, party):
        raise InPersonRefused(_("This party has already signed the convention."))
    return convention, application


def _clean_choice(value: str, choices, message: str) -> str:
    if value not in choices.values:
        raise InPersonRefused(message)
    return value


def identity_check_record(
    *,
    convention_id: int,
    party: str,
    by,
    document_type: str,
    place: str,
    present: str,
    document_number_end: str = "",
) -> IdentityCheck:
    """The advisor records, face to face, which identity document the host or the guest showed
    (and, if wished, the last characters of its number), where, and who was present. A code for
    signing in person can be given only after this check."""
    document_type = _clean_choice(
        document_type, IdentityDocumentType, _("Choose the identity document the signer showed you.")
    )
    place = _clean_choice(place, SigningPlace, _("Say where you met the signer: at home or at the office."))
    present = (present or "").strip()
    if not present:
        raise InPersonRefused(_("Write who was present, for example: the advisor and the signer's daughter."))
    if len(present) > 500:
        raise InPersonRefused(_("Write who was present in 500 characters at most."))
    number = (document_number_end or "").strip().replace(" ", "")
    if number and not (len(number) <= 4 and number.isalnum()):
        raise InPersonRefused(_("Type at most the last four letters or digits of the document's number, or nothing."))
    with transaction.atomic():
        convention, application = _in_person(convention_id=convention_id, party=party, by=by, lock=True)
        check = IdentityCheck.objects.create(
            convention=convention,
            application=application,
            party=party,
            document_type=document_type,
            document_number_end=number.upper(),
            place=place,
            present=present,
            checked_by=by,
        )
        audit.record(
            "convention.identity_checked",
            user=by,
            obj=convention,
            application_id=application.pk,
            pairing_id=convention.pairing_id,
            data={"party": party, "identity_check": check.pk, "document_type": document_type, "place": place},
        )
        return check


def identity_check_latest(convention: Convention, party: str) -> IdentityCheck | None:
    """The last identity check of this party's signer for this convention."""
    return (
        IdentityCheck.objects.filter(convention=convention, party=party, application=_applicant_of(convention, party))
        .select_related("checked_by")
        .first()
    )


def _new_code(*, convention: Convention, application_id: int, delivery: str, check: IdentityCheck):
    """A fresh six-digit code for signing in person: only its hash is kept."""
    code = f"{secrets.randbelow(10**6):06d}"
    stored = SigningCode.objects.create(
        application_id=application_id,
        convention=convention,
        code_hash=_hash_code(code),
        expires_at=timezone.now() + in_person_code_validity(delivery),
        delivery=delivery,
        identity_check=check,
    )
    return code, stored


def signing_code_deliver(*, convention_id: int, party: str, delivery: str, by) -> bytes | None:
    """Give the host or the guest, after their identity check, a code to sign in person.

    By text message to their mobile, or by post (a letter in the association's print queue): the
    code is made when the message leaves. On a sheet handed over now: the code is made here and
    the sheet's PDF returned, to be printed at once and kept nowhere. Only the code's hash is stored.
    """
    delivery = _clean_choice(
        delivery,
        CodeDelivery,
        _("Choose how the signer receives the code: text message, printed sheet or letter."),
    )
    if delivery not in IN_PERSON_DELIVERIES:
        raise InPersonRefused(_("Choose how the signer receives the code: text message, printed sheet or letter."))
    with transaction.atomic():
        convention, application = _in_person(convention_id=convention_id, party=party, by=by, lock=True)
        check = identity_check_latest(convention, party)
        if check is None:
            raise InPersonRefused(_("Record the check of the signer's identity document first (step 1)."))
        person = application.person
        pdf = None
        if delivery == CodeDelivery.SMS:
            if person is None or not person.reachable_by(Channel.SMS):
                raise InPersonRefused(_("The file has no mobile phone number: print a code sheet instead."))
        elif delivery == CodeDelivery.LETTER:
            if person is None or not person.reachable_by(Channel.POST):
                raise InPersonRefused(_("The file has no postal address: hand over a printed code sheet instead."))
        audit.record(
            "convention.code_given",
            user=by,
            obj=convention,
            application_id=application.pk,
            pairing_id=convention.pairing_id,
            data={"party": party, "delivery": delivery, "identity_check": check.pk},
        )
        if delivery == CodeDelivery.SHEET:
            from .code_sheet import code_sheet_pdf

            code, stored = _new_code(
                convention=convention, application_id=application.pk, delivery=delivery, check=check
            )
            pdf = code_sheet_pdf(
                convention=convention, application=application, code=code, expires_at=stored.expires_at
            )
        else:
            notify(
                person,
                IN_PERSON_KINDS[delivery],
                {"convention_id": convention.pk, "identity_check_id": check.pk},
                about=convention,
                occasion=uuid.uuid4().hex,
                application=application,
            )
        return pdf


def _make_in_person_code(notification) -> dict:
    """When a text message or a letter with a code leaves: the code, made now, its hash kept."""
    delivery = CodeDelivery.SMS if notification.kind == IN_PERSON_KINDS[CodeDelivery.SMS] else CodeDelivery.LETTER
    convention = Convention.objects.get(pk=notification.context["convention_id"])
    check = IdentityCheck.objects.get(pk=notification.context["identity_check_id"])
    code, stored = _new_code(
        convention=convention, application_id=notification.application_id, delivery=delivery, check=check
    )
    return {"code": code, "convention": convention, "expires_at": stored.expires_at}


register_kind(
    Kind(
        IN_PERSON_KINDS[CodeDelivery.SMS],
        lambda c: str(_("Your code to sign the convention with your advisor")),
        channels=(Channel.SMS,),
        one_channel=True,
    )
)
register_kind(
    Kind(
        IN_PERSON_KINDS[CodeDelivery.LETTER],
        lambda c: str(_("Your code to sign the convention with your advisor")),
        channels=(Channel.POST,),
        one_channel=True,
    )
)
for _kind in IN_PERSON_KINDS.values():
    register_preparer(_kind, _make_in_person_code)


def convention_sign_in_person(
    *, convention_id: int, party: str, code: str, by, consent: bool, place: str, present: str
) -> Convention:
    """The host or the guest signs on their advisor's device (``by``), at home or at the office,
    with the code given after their identity check, and their own certificate.

    A wrong code is counted and committed before the refusal, as from the space. The audit
    sheet says that the signature was made in person, where, who was present, how the code was
    delivered and who checked which identity document.
    """
    place = _clean_choice(place, SigningPlace, _("Say where the signer signs: at home or at the office."))
    present = (present or "").strip()
    if not present:
        raise InPersonRefused(_("Write who is present, for example: the advisor and the signer's daughter."))
    if len(present) > 500:
        raise InPersonRefused(_("Write who is present in 500 characters at most."))
    if not consent:
        raise InPersonRefused(_("The signer ticks the box to say they have read the convention and sign it."))
    convention, application = _in_person(convention_id=convention_id, party=party, by=by, lock=False)
    convention = _signable(convention_id=convention_id, party=party, user=None, application=application, lock=False)
    used = signing_code_check(
        convention=convention, party=party, code=code, user=by, application=application, in_person=True
    )
    return _sign_now(
        convention_id=convention_id,
        party=party,
        user=by,
        application=application,
        used=used,
        place=place,
        present=present,
    )
