"""Files an advisor fills in for a person: by phone, during a home visit, at the office or from paper.

The advisor uses the public form's own steps (:mod:`workflow.forms`), with the email address
optional; each answer keeps who entered it (``Application.answer_authors``). Before the file is
sent, the person agrees to it, in words kept exactly as they read or heard them
(:class:`~workflow.models.AssistedConsent`): with a code sent to them by text message or by post,
or printed on a sheet handed to them, which they read back to the advisor; or by signing a paper
form whose scan is kept in the file's private documents. The file is then sent as if they had
sent it themselves. When they sign in to their space later, the file is theirs: it records when
they took it over, and their space shows what was entered for them.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import timedelta

from django import forms
from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from audit import chain as audit

from . import access
from .answers import answers_clean
from .applicants import IDENTITY_FIELDS, application_save_answers
from .enums import CAN_BE_SUBMITTED_STATES, ApplicationKind, AssistanceChannel, Channel, ConsentMethod, DocumentKind
from .exceptions import ActionNotPermitted, ApplicationNotFound, ReasonRequired, TransitionRefused, WorkflowError
from .forms import STEPS, Step, StepForm, extra_questions_for
from .models import Application, AssistedConsent, Person, Territory
from .notifications import Kind, notify, register_kind, register_preparer
from .services import application_applicant_act
from .wording import in_sentence

#: Wrong codes typed for one consent before it is spent and a new one must be asked.
CONSENT_CODE_ATTEMPTS = 5
#: How long a code stays valid, by how it reaches the person.
CONSENT_CODE_VALIDITY = {
    ConsentMethod.SMS: timedelta(minutes=30),
    ConsentMethod.POST: timedelta(days=21),
    ConsentMethod.CODE_READ_OUT: timedelta(hours=1),
}
#: Methods whose consent is a code the person reads back to the advisor.
CODE_METHODS = (ConsentMethod.SMS, ConsentMethod.POST, ConsentMethod.CODE_READ_OUT)
#: Scans that can carry the person's signature under the consent text.
SIGNED_SCAN_KINDS = (DocumentKind.CONSENT_FORM, DocumentKind.PAPER_APPLICATION)
#: Fields the advisor's first step adds for a guest, to reach them by post.
POSTAL_FIELDS = ("postal_address", "postal_postcode", "postal_city")


class ConsentCodeRefused(WorkflowError):
    default_message = gettext_lazy(
        "This code is not the one sent to the person. Ask them to read it again, figure by figure, and type it."
    )


class ConsentCodeSpent(WorkflowError):
    default_message = gettext_lazy(
        "Too many wrong codes, or the code has expired. Send a new code to the person and ask them to read it back."
    )


register_kind(
    Kind(
        "assisted.consent_code_sms",
        lambda c: str(_("Your code to agree to your application")),
        channels=(Channel.SMS,),
        one_channel=True,
        template="assisted.consent_code",
    )
)
register_kind(
    Kind(
        "assisted.consent_code_post",
        lambda c: str(_("Your code to agree to your application")),
        channels=(Channel.POST,),
        one_channel=True,
        template="assisted.consent_code",
    )
)
CODE_KINDS = {ConsentMethod.SMS: "assisted.consent_code_sms", ConsentMethod.POST: "assisted.consent_code_post"}


def _hash_code(code: str) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), f"assisted-consent:{code}".encode(), hashlib.sha256).hexdigest()


def _new_code() -> str:
    return f"{secrets.randbelow(10**6):06d}"


def _by(user) -> str:
    return f"user:{user.pk}"


# -- the words agreed to ---------------------------------------------------------------------------


def consent_wording(*, kind: str, language: str, association_name: str) -> str:
    """What the person agrees to before a file filled in for them is sent, in their language.

    The same words are printed on the paper application form, read to the person and kept with
    their consent.
    """
    with translation.override(language):
        return _(
            "I agree that %(association)s records the answers of my application as a %(kind)s, entered for me "
            "by one of its advisors, and sends it to be examined. I agree that the association of my area and "
            "the pension office process my data to examine my application, as described in the privacy notice. "
            "I can read my answers in my own space and ask for them to be corrected at any time."
        ) % {"association": association_name, "kind": in_sentence(ApplicationKind(kind).label)}


def association_of_territory(territory: Territory):
    """The association that handles a territory's files (the nearest one up the territories)."""
    return territory.accompanying_association() if territory is not None else None


def wording_for(application: Application) -> str:
    association = association_of_territory(application.territory)
    return consent_wording(
        kind=application.kind,
        language=application.language,
        association_name=association.name if association else str(_("the association of my area")),
    )


# -- the advisor's form: the public form's steps -------------------------------------------------


def advisor_step_form(
    step: Step, *, country, kind: str, number: int, by, data=None, initial=None, files_territory=None
) -> StepForm:
    """A step of the public form as the advisor fills it in: the email is optional and the consent
    is asked separately (with its exact words) before the file is sent; on the first step, the
    area is one the advisor vets, and a guest's postal address may be given."""
    extra = {"extra_questions": extra_questions_for(country, kind)} if number == len(STEPS[kind]) else {}
    form = step.form_class(data, initial=initial, country=country, kind=kind, **extra)
    form.fields.pop("consent", None)
    if "email" in form.fields:
        form.fields["email"].required = False
        form.fields["email"].help_text = _(
            "Optional. Without an address, the person receives their messages by text message or by post."
        )
    if "phone" in form.fields:
        form.fields["phone"].label = _("Mobile phone")
        form.fields["phone"].help_text = _("For the code by text message and the messages about the file.")
    if "territory" in form.fields:
        vetted = access.territories_vetted_by(by).filter(country=country)
        form.fields["territory"].queryset = form.fields["territory"].queryset.filter(pk__in=vetted.values("pk"))
        if files_territory is not None and initial is None and data is None:
            form.initial["territory"] = files_territory.pk
    if number == 1 and kind == ApplicationKind.GUEST:
        form.fields["postal_address"] = forms.CharField(
            label=_("Postal address (optional)"),
            widget=forms.Textarea(attrs={"rows": 2}),
            required=False,
            max_length=250,
            help_text=_("To send letters and a code by post."),
        )
        form.fields["postal_postcode"] = forms.CharField(label=_("Postcode"), required=False, max_length=12)
        form.fields["postal_city"] = forms.CharField(label=_("Town or city"), required=False, max_length=100)
    return form


def advisor_initial(application: Application, number: int) -> dict:
    initial = STEPS[application.kind][number - 1].form_class.initial_from(application)
    if number == 1:
        person = application.person
        initial.update(postal_address=person.postal_address, postal_postcode=person.postcode, postal_city=person.city)
    return initial


def advisor_unfinished_step(application: Application, *, by) -> int | None:
    """The first step of the advisor's form whose stored answers are missing or no longer valid."""
    for number, step in enumerate(STEPS[application.kind], start=1):
        data = {k: v for k, v in advisor_initial(application, number).items() if v is not None}
        form = advisor_step_form(
            step, country=application.country, kind=application.kind, number=number, by=by, data=data
        )
        if not form.is_valid():
            return number
    return None


def step_parts(form: StepForm) -> dict:
    """A valid step of the advisor's form as the services take it: the identity fields, the
    answers (JSON-friendly, as the public form stores them), the area and a postal address."""
    data = form.cleaned_data
    answers = form.answers()
    return {
        "identity": {k: data[k] for k in IDENTITY_FIELDS if k in data},
        "answers": {
            k: v for k, v in answers.items() if k not in IDENTITY_FIELDS and k not in POSTAL_FIELDS and k != "territory"
        },
        "territory": data.get("territory"),
        "postal": {k: data[k] for k in POSTAL_FIELDS if k in data},
    }


def _contacts(person: Person, *, phone: str, postal: dict) -> None:
    if phone:
        person.mobile = phone
    if any(postal.get(k) for k in POSTAL_FIELDS):
        person.postal_address = postal.get("postal_address", "")
        person.postcode = postal.get("postal_postcode", "")
        person.city = postal.get("postal_city", "")
    if not person.email and Channel.EMAIL in (person.preferred_channels or []):
        person.preferred_channels = [c for c in person.preferred_channels if c != Channel.EMAIL]
    if not person.preferred_channels:
        # Without an address, messages go by text message if there is a mobile number, else by post.
        person.preferred_channels = [Channel.SMS] if person.mobile else [Channel.POST]
        if person.email:
            person.preferred_channels = [Channel.EMAIL]
    person.save()


def _authors(application: Application, names, by) -> None:
    now = timezone.now().isoformat()
    application.answer_authors = {**application.answer_authors, **{name: {"by": _by(by), "at": now} for name in names}}


def _may_assist(by, application: Application) -> None:
    """Whoever vets the file's territory fills it in; a draft begun online is out of sight (and
    reach) until its address is confirmed, unless an advisor opened it."""
    if not access.may_vet(by, application):
        raise ApplicationNotFound()
    if application.assisted_by_id is None and not access.may_view(by, application):
        raise ApplicationNotFound()


def assisted_application_start(
    *,
    by,
    kind: str,
    via: str,
    identity: dict,
    answers: dict,
    territory: Territory | None,
    postal: dict | None = None,
    person_id: int | None = None,
) -> Application:
    """An advisor opens a draft file for a person from the first step of the form (cleaned data).

    The person is new, or one of the advisor's territories already knows them (``person_id``: one
    of their files is vetted by the advisor). No email address is needed: the file keeps an empty
    one, and messages reach the person by text message or by post.
    """
    if kind not in ApplicationKind.values or via not in AssistanceChannel.values:
        raise TransitionRefused(_("Choose whether the file is a host's or a guest's, and how it is filled in."))
    if territory is None or not access.territories_vetted_by(by).filter(pk=territory.pk).exists():
        raise ActionNotPermitted(_("Choose an area whose files you vet."))
    answers = answers_clean(kind, answers)
    postal = dict(postal or {})
    with transaction.atomic():
        if person_id is not None:
            person = Person.objects.select_for_update().filter(pk=person_id, anonymised_at__isnull=True).first()
            known = person is not None and any(access.may_vet(by, a) for a in person.applications.all())
            if not known:
                raise ApplicationNotFound()
        else:
            person = Person.objects.create(email=identity.get("email") or "", language=identity.get("language", "fr"))
        application = Application.objects.create(
            person=person,
            kind=kind,
            country=territory.country,
            territory=territory,
            first_name=identity["first_name"],
            last_name=identity["last_name"],
            email=identity.get("email") or "",
            phone=identity.get("phone") or "",
            birth_date=identity["birth_date"],
            language=identity.get("language") or person.language,
            answers=answers,
            assisted_by=by,
            assisted_via=via,
        )
        _authors(application, [*identity, "territory", *answers], by)
        if kind == ApplicationKind.HOST and answers.get("address"):
            postal = {
                "postal_address": answers["address"],
                "postal_postcode": answers.get("postcode", ""),
                "postal_city": answers.get("city", ""),
            }
        application.save(update_fields=["answer_authors"])
        person.language = application.language
        if identity.get("email") and not person.email:
            person.email = identity["email"]
        _contacts(person, phone=application.phone, postal=postal)
        audit.record(
            "application.assisted_started",
            user=by,
            obj=application,
            application_id=application.pk,
            data={"via": via, "kind": kind, "answers": sorted([*identity, "territory", *answers])},
        )
        return application


def assisted_answers_save(
    *,
    application_id: int,
    by,
    identity: dict | None = None,
    answers: dict | None = None,
    territory: Territory | None = None,
    postal: dict | None = None,
    via: str = "",
) -> Application:
    """An advisor saves a step of a file they fill in for its applicant; each answer that changed
    records that the advisor entered it, and when."""
    identity, answers, postal = dict(identity or {}), dict(answers or {}), dict(postal or {})
    with transaction.atomic():
        application = Application.objects.select_for_update().filter(pk=application_id).first()
        if application is None:
            raise ApplicationNotFound()
        _may_assist(by, application)
        if application.state not in CAN_BE_SUBMITTED_STATES:
            raise TransitionRefused(_("This file has already been sent; it can no longer be changed here."))
        if territory is not None and not access.territories_vetted_by(by).filter(pk=territory.pk).exists():
            raise ActionNotPermitted(_("Choose an area whose files you vet."))
        before_answers = dict(application.answers)
        before_identity = {name: getattr(application, name) for name in IDENTITY_FIELDS}
        before_territory = application.territory_id
        application = application_save_answers(
            application_id=application.pk, answers=answers, identity=identity, territory=territory
        )
        changed = [n for n in identity if before_identity.get(n) != getattr(application, n)]
        changed += [n for n in answers if before_answers.get(n) != application.answers.get(n)]
        if territory is not None and territory.pk != before_territory:
            changed.append("territory")
        unauthored = [n for n in [*identity, *answers] if n not in application.answer_authors]
        _authors(application, dict.fromkeys([*changed, *unauthored]), by)
        fields = ["answer_authors"]
        if application.assisted_by_id is None:
            application.assisted_by = by
            fields.append("assisted_by")
        if via in AssistanceChannel.values and via != application.assisted_via:
            application.assisted_via = via
            fields.append("assisted_via")
        elif not application.assisted_via:
            application.assisted_via = AssistanceChannel.PHONE
            fields.append("assisted_via")
        application.save(update_fields=fields)
        person = Person.objects.select_for_update().get(pk=application.person_id)
        if application.kind == ApplicationKind.HOST and application.answers.get("address"):
            postal = {
                "postal_address": application.answers["address"],
                "postal_postcode": application.answers.get("postcode", ""),
                "postal_city": application.answers.get("city", ""),
            }
        _contacts(person, phone=application.phone, postal=postal)
        audit.record(
            "application.assisted_answers_saved",
            user=by,
            obj=application,
            application_id=application.pk,
            data={"answers": sorted(set(changed))},
        )
        return application


# -- consent ------------------------------------------------------------------------------------


def _ready_to_send(application: Application, by) -> None:
    if application.state not in CAN_BE_SUBMITTED_STATES:
        raise TransitionRefused(_("This file has already been sent."))
    unfinished = advisor_unfinished_step(application, by=by)
    if unfinished is not None:
        raise ReasonRequired(
            _("Step %(number)s of the form is not complete: complete it before asking for the consent.")
            % {"number": unfinished}
        )


def assisted_ready_to_send(*, application_id: int, by) -> None:
    """Refuse, with what to do, a file that cannot be sent yet (asked before a scan is stored)."""
    application = Application.objects.filter(pk=application_id).first()
    if application is None:
        raise ApplicationNotFound()
    _may_assist(by, application)
    _ready_to_send(application, by)


def _locked_for(application_id: int, by) -> Application:
    application = Application.objects.select_for_update().filter(pk=application_id).first()
    if application is None:
        raise ApplicationNotFound()
    _may_assist(by, application)
    return application


def _cancel_open(application: Application) -> None:
    AssistedConsent.objects.filter(application=application, given_at__isnull=True, cancelled_at__isnull=True).update(
        cancelled_at=timezone.now()
    )


def assisted_consent_request(*, application_id: int, method: str, by) -> tuple[AssistedConsent, str]:
    """Ask the person's consent to a complete file, by a code they will read back to the advisor.

    ``SMS`` and ``POST`` send the code to the person's mobile or postal address (the code is made
    when the message leaves and only its hash is kept); ``CODE_READ_OUT`` makes the code now, for
    the sheet the advisor prints and hands to the person during a visit, and returns it (it is
    shown on that sheet only). Any code asked before is cancelled.
    """
    if method not in CODE_METHODS:
        raise TransitionRefused(_("Choose how the code reaches the person."))
    with transaction.atomic():
        application = _locked_for(application_id, by)
        _ready_to_send(application, by)
        person = application.person
        if method == ConsentMethod.SMS and not person.reachable_by(Channel.SMS):
            raise ReasonRequired(
                _("Give the person's mobile phone number in step 1 to send them a code by text message.")
            )
        if method == ConsentMethod.POST and not person.reachable_by(Channel.POST):
            raise ReasonRequired(_("Give the person's postal address and town in step 1 to send them a code by post."))
        _cancel_open(application)
        consent = AssistedConsent.objects.create(
            application=application,
            method=method,
            wording=wording_for(application),
            language=application.language,
            requested_by=by,
        )
        code = ""
        if method == ConsentMethod.CODE_READ_OUT:
            code = _new_code()
            consent.code_hash = _hash_code(code)
            consent.code_expires_at = timezone.now() + CONSENT_CODE_VALIDITY[method]
            consent.save(update_fields=["code_hash", "code_expires_at"])
        else:
            notify(
                person,
                CODE_KINDS[method],
                {"consent_id": consent.pk},
                about=application,
                occasion=f"consent-{consent.pk}",
                application=application,
            )
        audit.record(
            "application.assisted_consent_requested",
            user=by,
            obj=application,
            application_id=application.pk,
            data={"method": method, "consent": consent.pk},
        )
        return consent, code


def _make_code(notification) -> dict:
    """When the code's message leaves: a fresh code for the consent still awaited, its hash kept."""
    consent = (
        AssistedConsent.objects.select_for_update()
        .filter(pk=notification.context["consent_id"], given_at__isnull=True, cancelled_at__isnull=True)
        .first()
    )
    if consent is None:
        from .notifications import NotDelivered

        raise NotDelivered(_("This consent was given or cancelled since: no code to send."))
    code = _new_code()
    consent.code_hash = _hash_code(code)
    consent.code_expires_at = timezone.now() + CONSENT_CODE_VALIDITY[ConsentMethod(consent.method)]
    consent.save(update_fields=["code_hash", "code_expires_at"])
    association = association_of_territory(notification.application.territory)
    return {
        "code": code,
        "wording": consent.wording,
        "valid_until": timezone.localtime(consent.code_expires_at),
        "association": association,
    }


for _kind in CODE_KINDS.values():
    register_preparer(_kind, _make_code)


def _give(application: Application, consent: AssistedConsent, by) -> Application:
    """The person agreed: keep the words, send the file as theirs, record who helped."""
    from django.conf import settings as conf

    from .models import ConsentRecord

    now = timezone.now()
    consent.given_at = now
    consent.save(update_fields=["given_at"])
    _cancel_open(application)
    Application.objects.filter(pk=application.pk).update(consented_at=now)
    ConsentRecord.objects.create(
        application=application, notice_version=conf.PRIVACY_NOTICE_VERSION, text=consent.wording
    )
    audit.record(
        "application.assisted_consent_given",
        user=by,
        obj=application,
        application_id=application.pk,
        data={"method": consent.method, "consent": consent.pk, "document": consent.document_id},
    )
    return application_applicant_act(application_id=application.pk, action="submit")


def assisted_consent_confirm(*, application_id: int, code: str, by) -> Application:
    """The advisor types the code the person read back: right, the file is sent; wrong, the
    attempt is counted (and committed) before the refusal; after five, the code is spent.

    Runs in a transaction of its own; must not be called inside another.
    """
    code = (code or "").strip().replace(" ", "")
    refusal: WorkflowError | None = None
    with transaction.atomic(durable=True):
        application = _locked_for(application_id, by)
        if application.state not in CAN_BE_SUBMITTED_STATES:
            raise TransitionRefused(_("This file has already been sent."))
        consent = (
            AssistedConsent.objects.select_for_update()
            .filter(application=application, method__in=CODE_METHODS, given_at__isnull=True, cancelled_at__isnull=True)
            .exclude(code_hash="")
            .order_by("-requested_at", "-pk")
            .first()
        )
        if consent is None or consent.code_expires_at is None or consent.code_expires_at <= timezone.now():
            refusal = ConsentCodeSpent()
        elif consent.attempts >= CONSENT_CODE_ATTEMPTS:
            refusal = ConsentCodeSpent()
        elif not code.isdigit() or not hmac.compare_digest(consent.code_hash, _hash_code(code)):
            consent.attempts += 1
            consent.save(update_fields=["attempts"])
            refusal = ConsentCodeSpent() if consent.attempts >= CONSENT_CODE_ATTEMPTS else ConsentCodeRefused()
        if refusal is not None:
            audit.record(
                "application.assisted_consent_refused",
                user=by,
                obj=application,
                application_id=application.pk,
                data={"consent": consent.pk if consent else None, "spent": isinstance(refusal, ConsentCodeSpent)},
            )
        else:
            application = _give(application, consent, by)
    if refusal is not None:
        raise refusal
    return application


def assisted_consent_record_paper(*, application_id: int, document_id: int, by) -> Application:
    """The person signed the consent on paper (the consent form, or the paper application form
    that carries the same words); its scan, a private document of the file, is kept with it."""
    with transaction.atomic():
        application = _locked_for(application_id, by)
        _ready_to_send(application, by)
        if not application.supporting_documents.filter(pk=document_id, kind__in=SIGNED_SCAN_KINDS).exists():
            raise ReasonRequired(_("Add the scan of the signed form to this file first."))
        _cancel_open(application)
        consent = AssistedConsent.objects.create(
            application=application,
            method=ConsentMethod.PAPER,
            wording=wording_for(application),
            language=application.language,
            document_id=document_id,
            requested_by=by,
        )
        return _give(application, consent, by)


def assisted_paper_scan_kept(*, application_id: int, document_id: int, by) -> Application:
    """A paper application form came back: the file records that it came on paper, with its scan."""
    with transaction.atomic():
        application = _locked_for(application_id, by)
        if not application.supporting_documents.filter(pk=document_id, kind=DocumentKind.PAPER_APPLICATION).exists():
            raise ReasonRequired(_("Add the scan of the paper form to this file first."))
        application.assisted_via = AssistanceChannel.PAPER
        if application.assisted_by_id is None:
            application.assisted_by = by
        application.save(update_fields=["assisted_via", "assisted_by"])
        audit.record(
            "application.paper_form_kept",
            user=by,
            obj=application,
            application_id=application.pk,
            data={"document": document_id},
        )
        return application


def assisted_taken_over(*, person_id: int) -> int:
    """The person signed in: the files an advisor filled in for them are now in their hands.
    Records the moment once per file; returns how many files were taken over now."""
    taken = 0
    with transaction.atomic():
        files = Application.objects.select_for_update().filter(
            person_id=person_id, assisted_by__isnull=False, taken_over_at__isnull=True
        )
        now = timezone.now()
        for application in files:
            application.taken_over_at = now
            application.save(update_fields=["taken_over_at"])
            audit.record(
                "application.taken_over",
                actor=audit.applicant_actor(person_id),
                obj=application,
                application_id=application.pk,
            )
            taken += 1
    return taken


# -- what the file says of it ------------------------------------------------------------------


def answers_entered_for(application: Application) -> list[dict]:
    """The answers entered by staff for the person, with who and when, under the form's labels."""
    from django.contrib.auth import get_user_model

    labels = {}
    for number, step in enumerate(STEPS[application.kind], start=1):
        form = step.form_class(country=application.country, kind=application.kind)
        for name, field in form.fields.items():
            labels[name] = (number, str(step.title), str(field.label))
    staff_ids = {
        int(entry["by"].split(":")[1])
        for entry in application.answer_authors.values()
        if str(entry.get("by", "")).startswith("user:")
    }
    users = {user.pk: user for user in get_user_model().objects.filter(pk__in=staff_ids)}
    rows = []
    for name, entry in application.answer_authors.items():
        by = str(entry.get("by", ""))
        if not by.startswith("user:"):
            continue
        user = users.get(int(by.split(":")[1]))
        number, step_title, label = labels.get(name, (99, "", name))
        rows.append(
            {
                "name": name,
                "step": number,
                "step_title": step_title,
                "label": label,
                "by": (user.get_full_name() or user.get_username()) if user else _("a former advisor"),
                "at": timezone.datetime.fromisoformat(entry["at"]) if entry.get("at") else None,
            }
        )
    return sorted(rows, key=lambda row: (row["step"], row["label"]))


def consent_given(application: Application) -> AssistedConsent | None:
    return application.assisted_consents.filter(given_at__isnull=False).order_by("-given_at").first()
