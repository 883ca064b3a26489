"""A host without a smartphone signs on the advisor's device: after the check of their identity
document, the advisor prints a code sheet and hands it over; the host types the printed code and
signs with their own certificate, which the signed PDF names."""

from io import BytesIO

import pytest
from pyhanko.pdf_utils.reader import PdfFileReader

from audit.models import AuditEvent
from documents.conventions.services import (
    convention_sign,
    convention_sign_in_person,
    read_pdf,
    signing_code_deliver,
)
from documents.models import Convention, ConventionStep, SignerCertificate, SigningCode

from .conftest import emailed_code
from .factories_in_person import CODE_LINE, check_identity, pdf_text, printed_code


@pytest.fixture
def hosts_turn(convention):
    guest = convention.pairing.guest
    convention_sign(convention_id=convention.pk, party="guest", code=emailed_code(convention, guest), application=guest)
    return Convention.objects.get(pk=convention.pk)


def sign_in_person(convention, advisor, code, **fields):
    values = {"consent": True, "place": "home_visit", "present": "La conseillère et la fille de Mme Durand", **fields}
    return convention_sign_in_person(convention_id=convention.pk, party="host", code=code, by=advisor, **values)


def test_the_host_signs_in_person_with_the_printed_code_and_their_own_certificate(
    hosts_turn, advisor, tmp_path, private_storage
):
    check = check_identity(hosts_turn, "host", advisor)
    code = printed_code(hosts_turn, "host", advisor, tmp_path)

    signed = sign_in_person(hosts_turn, advisor, code)

    assert signed.state == "signed_by_host"
    host = hosts_turn.pairing.host
    certificate = SignerCertificate.objects.get(application=host, party="host")
    reader = PdfFileReader(BytesIO(read_pdf(signed)))
    host_signature = reader.embedded_signatures[1]
    assert host_signature.signer_cert.subject.native["common_name"] == "Monique Durand"
    assert host_signature.signer_cert.sha256.hex() == certificate.fingerprint
    step = ConventionStep.objects.get(convention=signed, action="signed", party="host")
    assert (step.code_delivery, step.identity_check, step.place, step.user) == ("sheet", check, "home_visit", advisor)
    assert step.certificate == certificate and step.signer_name == "Monique Durand"
    event = AuditEvent.objects.filter(action="convention.signed").latest("pk")
    assert event.data["in_person"] is True and event.data["delivery"] == "sheet"
    assert event.data["identity_check"] == check.pk and event.user_id == advisor.pk
    assert event.application_id == host.pk
    assert event.data["certificate"] == certificate.fingerprint


def test_the_sheet_shows_the_code_its_expiry_and_the_reference_in_large_type(hosts_turn, advisor, tmp_path):
    check_identity(hosts_turn, "host", advisor)

    pdf = signing_code_deliver(convention_id=hosts_turn.pk, party="host", delivery="sheet", by=advisor)

    text = pdf_text(pdf, tmp_path)
    assert pdf.startswith(b"%PDF")
    assert CODE_LINE.search(text)
    assert hosts_turn.reference in text and "Monique Durand" in text and "Giulia Bianchi" in text
    stored = SigningCode.objects.get(convention=hosts_turn, application=hosts_turn.pairing.host)
    assert stored.delivery == "sheet" and stored.identity_check is not None
    expiry = stored.expires_at.astimezone().strftime("%H:%M")
    assert expiry in text


def test_the_printed_code_is_never_stored_in_clear(hosts_turn, advisor, tmp_path):
    from workflow.models import Notification

    check_identity(hosts_turn, "host", advisor)
    code = printed_code(hosts_turn, "host", advisor, tmp_path)

    stored = SigningCode.objects.get(convention=hosts_turn, application=hosts_turn.pairing.host)
    assert code not in stored.code_hash
    assert all(code not in str(event.data) for event in AuditEvent.objects.all())
    assert all(code not in str(n.context) + n.subject for n in Notification.objects.all())


def test_a_printed_code_signs_only_on_the_advisors_device_and_an_emailed_one_only_from_the_space(
    hosts_turn, advisor, tmp_path
):
    from documents.exceptions import CodeInvalid

    host = hosts_turn.pairing.host
    check_identity(hosts_turn, "host", advisor)
    printed = printed_code(hosts_turn, "host", advisor, tmp_path)

    with pytest.raises(CodeInvalid):
        convention_sign(convention_id=hosts_turn.pk, party="host", code=printed, application=host)
    emailed = emailed_code(hosts_turn, host)
    with pytest.raises(CodeInvalid):
        sign_in_person(hosts_turn, advisor, emailed)

    assert sign_in_person(hosts_turn, advisor, printed).state == "signed_by_host"
