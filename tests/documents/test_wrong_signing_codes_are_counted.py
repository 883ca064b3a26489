"""Every wrong code typed before a signature is counted and recorded, even though the signature is refused.

Applicants' emailed codes are spent after five wrong tries; staff authenticator codes keep
django-otp's throttle; each failure is an audit event, and a person's failures are capped per hour.
"""

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from audit.models import AuditEvent
from documents.conventions.services import FAILURES_PER_HOUR, convention_sign
from documents.exceptions import CodeInvalid, CodeSpent, TooManyCodeAttempts
from documents.models import Convention, SigningCode

from .conftest import app_code, emailed_code


def wrong(code: str) -> str:
    return f"{(int(code) + 1) % 10**6:06d}"


def sign_as_guest(convention, code):
    guest = convention.pairing.guest
    return convention_sign(convention_id=convention.pk, party="guest", code=code, application=guest)


def test_the_right_code_is_refused_after_five_wrong_ones(convention):
    code = emailed_code(convention, convention.pairing.guest)

    for _attempt in range(5):
        with pytest.raises(CodeInvalid):
            sign_as_guest(convention, wrong(code))
    with pytest.raises(CodeSpent):
        sign_as_guest(convention, code)

    assert SigningCode.objects.get(convention=convention).attempts == 5
    assert Convention.objects.get(pk=convention.pk).state == "rendered"


def test_each_wrong_code_is_an_audit_event_of_its_file(convention):
    guest = convention.pairing.guest
    code = emailed_code(convention, guest)

    for _attempt in range(3):
        with pytest.raises(CodeInvalid):
            sign_as_guest(convention, wrong(code))

    events = AuditEvent.objects.filter(action="convention.code_refused", application_id=guest.pk)
    assert events.count() == 3
    assert {e.data["party"] for e in events} == {"guest"}


def test_a_new_code_works_after_a_spent_one(convention):
    first = emailed_code(convention, convention.pairing.guest)
    for _attempt in range(5):
        with pytest.raises(CodeInvalid):
            sign_as_guest(convention, wrong(first))

    signed = sign_as_guest(convention, emailed_code(convention, convention.pairing.guest))

    assert signed.state == "signed_by_guest"


def test_a_person_who_keeps_guessing_is_paused_whatever_the_code(convention):
    for _round in range(FAILURES_PER_HOUR // 5):
        code = emailed_code(convention, convention.pairing.guest)
        for _attempt in range(5):
            with pytest.raises(CodeInvalid):
                sign_as_guest(convention, wrong(code))

    with pytest.raises(TooManyCodeAttempts):
        sign_as_guest(convention, emailed_code(convention, convention.pairing.guest))


def test_a_wrong_authenticator_code_keeps_the_devices_throttle_and_is_recorded(convention, advisor):
    pairing = convention.pairing
    sign_as_guest(convention, emailed_code(convention, pairing.guest))
    convention_sign(
        convention_id=convention.pk, party="host", code=emailed_code(convention, pairing.host), application=pairing.host
    )

    with pytest.raises(CodeInvalid):
        convention_sign(convention_id=convention.pk, party="association", code=wrong(app_code(advisor)), user=advisor)
    # The right code right after a wrong one waits for the throttle's delay.
    with pytest.raises(CodeInvalid):
        convention_sign(convention_id=convention.pk, party="association", code=app_code(advisor), user=advisor)

    assert TOTPDevice.objects.get(user=advisor).throttling_failure_count >= 1
    assert AuditEvent.objects.filter(action="convention.code_refused", user_id=advisor.pk).count() == 2
    assert Convention.objects.get(pk=convention.pk).state == "signed_by_host"


def signed_in_client(application, address):
    from django.test import Client

    from workflow.applicant_session import SESSION_KEY

    client = Client(REMOTE_ADDR=address)
    session = client.session
    session[SESSION_KEY] = {"person_id": application.person_id}
    session.save()
    return client


def test_forty_wrong_codes_over_http_are_stopped_per_client_and_per_person(convention, rate_limits_on):
    from django.urls import reverse

    guest = convention.pairing.guest
    code = emailed_code(convention, guest)
    url = reverse("applicant_convention", args=[convention.pk])
    first = signed_in_client(guest, "198.51.100.1")

    answers = [first.post(url, {"step": "sign", "code": wrong(code)}).status_code for _ in range(40)]
    from_elsewhere = signed_in_client(guest, "203.0.113.9").post(url, {"step": "sign", "code": code})

    assert answers[:10] == [400] * 10
    assert set(answers[10:]) == {429}
    assert from_elsewhere.status_code == 429
    assert SigningCode.objects.get(convention=convention).attempts == 5
    assert Convention.objects.get(pk=convention.pk).state == "rendered"
