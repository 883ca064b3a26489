"""A signer whose certificate is issued long after the platform last built its validation
context still signs: certificates are validated as of the signature, not as of that context."""

from datetime import timedelta

from django.utils import timezone

from documents.conventions import authority
from documents.conventions.services import convention_sign
from documents.models import Convention, SignerCertificate
from tests.conftest import FROZEN_AT

from .conftest import emailed_code


def test_a_guest_whose_certificate_is_issued_twenty_minutes_after_an_earlier_signature_signs(convention, clock):
    next_hour = FROZEN_AT.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
    clock.move_to(next_hour + timedelta(minutes=2))
    authority.validation_context()  # an earlier signature of the hour built one
    clock.shift(timedelta(minutes=20))
    guest = convention.pairing.guest
    assert not SignerCertificate.objects.filter(application=guest).exists()

    convention_sign(convention_id=convention.pk, party="guest", code=emailed_code(convention, guest), application=guest)

    assert Convention.objects.get(pk=convention.pk).state == "signed_by_guest"
    assert SignerCertificate.objects.get(application=guest).issued_at == timezone.now()
