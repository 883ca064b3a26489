"""The four parties sign in order, each after a fresh code; the last signature seals and activates."""

import pytest

from documents.conventions import authority
from documents.conventions.services import convention_refuse, convention_sign, read_pdf
from documents.exceptions import CodeInvalid, DocumentNotFound, NotYourTurn
from documents.models import Convention
from documents.signing import verify
from pairings.models import Pairing
from workflow.exceptions import ReasonRequired

from .conftest import app_code, emailed_code, sign_all


def test_the_four_parties_sign_in_order_and_the_pairing_becomes_active(convention, advisor, officer):
    sealed = sign_all(convention, advisor, officer)

    assert sealed.state == "sealed"
    assert Pairing.objects.get(pk=convention.pairing_id).state == "active"
    report = verify(read_pdf(sealed), authority.validation_context)
    assert report.ok and report.level == "B-LTA"
    assert [s.role for s in report.signatures] == ["Guest", "Host", "Association", "Pension office"]
    assert [s.signer for s in report.signatures][:2] == ["Giulia Bianchi", "Monique Durand"]
    steps = list(sealed.steps.values_list("action", "party"))
    assert steps == [
        ("rendered", ""),
        ("signed", "guest"),
        ("signed", "host"),
        ("signed", "association"),
        ("signed", "pension_office"),
        ("sealed", ""),
    ]
    hashes = list(sealed.steps.values_list("sha256_before", "sha256_after"))
    assert all(after == hashes[i + 1][0] for i, (_before, after) in enumerate(hashes[:-1]))


def test_signing_out_of_order_is_refused(convention, advisor):
    pairing = convention.pairing

    with pytest.raises(NotYourTurn):
        convention_sign(
            convention_id=convention.pk,
            party="host",
            code=emailed_code(convention, pairing.host),
            application=pairing.host,
        )
    with pytest.raises(NotYourTurn):
        convention_sign(convention_id=convention.pk, party="association", code=app_code(advisor), user=advisor)
    assert Convention.objects.get(pk=convention.pk).state == "rendered"


def test_a_fresh_one_time_code_is_required(convention, advisor):
    guest = convention.pairing.guest

    with pytest.raises(CodeInvalid):
        convention_sign(convention_id=convention.pk, party="guest", code="", application=guest)
    code = emailed_code(convention, guest)
    with pytest.raises(CodeInvalid):
        convention_sign(
            convention_id=convention.pk, party="guest", code=f"{(int(code) + 1) % 10**6:06d}", application=guest
        )
    convention_sign(convention_id=convention.pk, party="guest", code=code, application=guest)
    host = convention.pairing.host
    with pytest.raises(CodeInvalid):  # the guest's code is spent and was never the host's
        convention_sign(convention_id=convention.pk, party="host", code=code, application=host)
    convention_sign(convention_id=convention.pk, party="host", code=emailed_code(convention, host), application=host)
    with pytest.raises(CodeInvalid):
        convention_sign(convention_id=convention.pk, party="association", code="000000", user=advisor)


def test_nobody_else_may_sign_for_a_party(convention, officer):
    with pytest.raises(DocumentNotFound):
        convention_sign(convention_id=convention.pk, party="guest", code="123456", application=convention.pairing.host)
    with pytest.raises(DocumentNotFound):
        convention_sign(convention_id=convention.pk, party="association", code=app_code(officer), user=officer)


def test_a_party_refusing_with_a_reason_sends_the_pairing_back_to_drafting(convention):
    guest = convention.pairing.guest

    with pytest.raises(ReasonRequired):
        convention_refuse(convention_id=convention.pk, party="guest", reason=" ", application=guest)
    convention_refuse(
        convention_id=convention.pk, party="guest", reason="La contribution est fausse.", application=guest
    )

    pairing = Pairing.objects.get(pk=convention.pairing_id)
    assert Convention.objects.get(pk=convention.pk).state == "refused"
    assert pairing.state == "convention_drafted"
    assert pairing.transitions.last().comment == "La contribution est fausse."


def test_the_pension_office_cannot_activate_without_the_sealed_convention(convention, officer):
    from pairings.services import pairing_act
    from workflow.exceptions import TransitionRefused

    with pytest.raises(TransitionRefused):
        pairing_act(pairing_id=convention.pairing_id, action="activate", by=officer)
