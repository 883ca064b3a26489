"""A proxy who holds no file of their own still has the association to call on every page: the
one that accompanies the file they act on, for as long as their mandate stands."""

from django.urls import reverse

from workflow.mandates import mandate_revoke

from .factories import ApplicationFactory, association_covering
from .factories_mandates import mandate_between, senior_file, signed_in_as
from .test_every_page_of_the_space_gives_the_associations_phone import contact_band

PHONE = "05 57 00 11 22"
HOURS = "Le mardi et le jeudi, de 14 h à 17 h"


def _senior_with_a_reachable_association():
    application = senior_file(territory=ApplicationFactory().territory)
    association = association_covering(application.territory)
    association.phone, association.opening_hours = PHONE, HOURS
    association.save()
    return application, association


def test_a_proxy_without_a_file_sees_the_phone_of_the_association_of_the_person_they_help(client):
    application, association = _senior_with_a_reachable_association()
    mandate = mandate_between(application, rights=["follow"])
    signed_in_as(client, mandate.proxy_id)

    band = contact_band(client.get(reverse("applicant_space")))

    assert association.name in band
    assert PHONE in band and HOURS in band


def test_once_the_mandate_is_revoked_the_proxy_no_longer_sees_it(client):
    application, _association = _senior_with_a_reachable_association()
    mandate = mandate_between(application, rights=["follow"])
    mandate_revoke(mandate_id=mandate.pk, person_id=application.person_id)
    signed_in_as(client, mandate.proxy_id)

    page = client.get(reverse("applicant_space")).content.decode()

    assert PHONE not in page
