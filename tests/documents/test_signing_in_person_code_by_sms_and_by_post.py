"""The code to sign in person may also reach the signer by text message, during the visit, or on a
code sheet posted by letter, valid long enough for the post: both are made when they leave."""

from datetime import timedelta

import pytest
from django.utils import translation

from documents.conventions.services import InPersonRefused, convention_sign_in_person, signing_code_deliver
from documents.models import Letter, SigningCode
from workflow import sms
from workflow.models import Notification

from .factories_in_person import check_identity, posted_code, texted_code, with_mobile, with_postal_address


@pytest.fixture(autouse=True)
def _messages_in_english():
    """The refusals are read in English here; the pages give them in the reader's language."""
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def _empty_sms_outbox():
    sms.outbox.clear()


def sign_as_guest(convention, advisor, code):
    return convention_sign_in_person(
        convention_id=convention.pk,
        party="guest",
        code=code,
        by=advisor,
        consent=True,
        place="office",
        present="Le conseiller",
    )


def test_the_guest_signs_in_person_with_a_code_sent_by_text_message(convention, advisor):
    guest = with_mobile(convention.pairing.guest)
    check_identity(convention, "guest", advisor, document_type="residence_permit", place="office")

    code = texted_code(convention, "guest", advisor)
    signed = sign_as_guest(convention, advisor, code)

    assert sms.outbox[-1].to == "+33612345678" and convention.reference in sms.outbox[-1].body
    assert signed.state == "signed_by_guest"
    stored = SigningCode.objects.get(convention=convention, application=guest)
    assert stored.delivery == "sms" and stored.used_at is not None
    notification = Notification.objects.get(kind="convention.signing_code_sms")
    assert notification.channel == "sms" and code not in str(notification.context)
    assert signed.steps.get(action="signed").code_delivery == "sms"


def test_a_text_message_is_refused_when_the_file_has_no_mobile(convention, advisor):
    from workflow.models import Person

    Person.objects.filter(pk=convention.pairing.guest.person_id).update(mobile="")
    check_identity(convention, "guest", advisor)

    with pytest.raises(InPersonRefused, match="mobile"):
        signing_code_deliver(convention_id=convention.pk, party="guest", delivery="sms", by=advisor)

    assert not SigningCode.objects.filter(convention=convention).exists()
    assert sms.outbox == []


def test_a_code_sheet_posted_by_letter_waits_in_the_print_queue_and_signs_nine_days_later(
    convention, advisor, clock, tmp_path, private_storage
):
    guest = with_postal_address(convention.pairing.guest)
    check_identity(convention, "guest", advisor)

    code = posted_code(convention, "guest", advisor, tmp_path)
    clock.shift(timedelta(days=9))
    signed = sign_as_guest(convention, advisor, code)

    letter = Letter.objects.get(notification__kind="convention.signing_code_letter")
    assert letter.notification.channel == "post" and letter.notification.application == guest
    assert code not in str(letter.notification.context) and code not in letter.notification.subject
    stored = SigningCode.objects.get(convention=convention, application=guest)
    assert stored.delivery == "letter" and stored.expires_at - stored.created_at == timedelta(days=10)
    assert signed.state == "signed_by_guest"
    assert signed.steps.get(action="signed").code_delivery == "letter"


def test_a_posted_code_no_longer_signs_after_ten_days(convention, advisor, clock, tmp_path, private_storage):
    from documents.exceptions import CodeInvalid

    with_postal_address(convention.pairing.guest)
    check_identity(convention, "guest", advisor)
    code = posted_code(convention, "guest", advisor, tmp_path)

    clock.shift(timedelta(days=10, minutes=1))
    with pytest.raises(CodeInvalid):
        sign_as_guest(convention, advisor, code)


def test_a_letter_is_refused_when_the_file_has_no_postal_address(convention, advisor):
    check_identity(convention, "guest", advisor)

    with pytest.raises(InPersonRefused, match="postal address"):
        signing_code_deliver(convention_id=convention.pk, party="guest", delivery="letter", by=advisor)

    assert not Notification.objects.filter(kind="convention.signing_code_letter").exists()
