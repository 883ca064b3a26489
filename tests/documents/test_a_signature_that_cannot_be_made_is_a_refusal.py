"""When the signature itself cannot be made (the signer's certificate does not validate), the
signer is told so in their language and the convention stays as it was: no server error."""

import pytest
from django.utils import translation
from pyhanko.sign.general import SigningError

from documents.conventions import services
from documents.conventions.services import convention_sign
from documents.exceptions import SigningRefused
from documents.models import Convention

from .conftest import emailed_code


def test_a_certificate_that_does_not_validate_refuses_the_signature_and_changes_nothing(convention, monkeypatch):
    def refuse(*args, **kwargs):
        raise SigningError("The signer's certificate could not be validated")

    monkeypatch.setattr(services.signing, "sign", refuse)
    guest = convention.pairing.guest
    before = Convention.objects.get(pk=convention.pk)

    with pytest.raises(SigningRefused) as refusal:
        convention_sign(
            convention_id=convention.pk, party="guest", code=emailed_code(convention, guest), application=guest
        )

    with translation.override("en"):
        assert str(refusal.value.message) == "This signature is not possible now."
    after = Convention.objects.get(pk=convention.pk)
    assert (after.state, after.sha256, after.pdf.name) == (before.state, before.sha256, before.pdf.name)
    assert not after.steps.filter(action="signed").exists()
