"""A wrong code typed on the advisor's device is counted and committed before the refusal: the
code is spent after five, and each failure is an audit event of the signer's file."""

import pytest

from audit.models import AuditEvent
from documents.conventions.services import FAILURES_PER_HOUR, convention_sign_in_person
from documents.exceptions import CodeInvalid, CodeSpent, TooManyCodeAttempts
from documents.models import Convention, SigningCode

from .factories_in_person import check_identity, printed_code


def wrong(code: str) -> str:
    return f"{(int(code) + 1) % 10**6:06d}"


def sign(convention, advisor, code):
    return convention_sign_in_person(
        convention_id=convention.pk, party="guest", code=code, by=advisor, consent=True, place="office", present="x"
    )


def test_five_wrong_codes_spend_the_printed_code_and_each_is_recorded(convention, advisor, tmp_path):
    guest = convention.pairing.guest
    check_identity(convention, "guest", advisor)
    code = printed_code(convention, "guest", advisor, tmp_path)

    for _attempt in range(5):
        with pytest.raises(CodeInvalid):
            sign(convention, advisor, wrong(code))
    with pytest.raises(CodeSpent):
        sign(convention, advisor, code)

    assert SigningCode.objects.get(convention=convention).attempts == 5
    events = AuditEvent.objects.filter(action="convention.code_refused", application_id=guest.pk)
    assert events.count() == 6
    assert all(e.data["in_person"] is True and e.user_id == advisor.pk for e in events)
    assert Convention.objects.get(pk=convention.pk).state == "rendered"


def test_a_signer_who_keeps_guessing_on_the_advisors_device_is_paused(convention, advisor, tmp_path):
    check_identity(convention, "guest", advisor)
    for _round in range(FAILURES_PER_HOUR // 5):
        code = printed_code(convention, "guest", advisor, tmp_path)
        for _attempt in range(5):
            with pytest.raises(CodeInvalid):
                sign(convention, advisor, wrong(code))

    with pytest.raises(TooManyCodeAttempts):
        sign(convention, advisor, printed_code(convention, "guest", advisor, tmp_path))


def test_wrong_codes_over_http_are_counted_though_the_page_refuses(committing_client, convention, advisor, tmp_path):
    from django.urls import reverse

    check_identity(convention, "guest", advisor)
    code = printed_code(convention, "guest", advisor, tmp_path)
    committing_client.force_login(advisor)
    url = reverse("convention_in_person_sign", args=[convention.pk]) + "?party=guest"
    form = {"party": "guest", "consent": "on", "place": "office", "present": "Le conseiller"}

    answers = [committing_client.post(url, {**form, "code": wrong(code)}).status_code for _ in range(2)]

    assert answers == [400, 400]
    assert SigningCode.objects.get(convention=convention).attempts == 2
