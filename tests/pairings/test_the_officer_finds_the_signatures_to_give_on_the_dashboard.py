"""A pension office's officer finds on the back office's home page each convention waiting for
their signature, and each line opens the signing page; an officer of another office sees none."""

from django.urls import reverse

from documents.models import Convention
from pairings import tasklist
from tests.workflow.factories import OrganisationFactory, StaffMembershipFactory, TerritoryFactory


def test_each_convention_awaiting_the_pension_office_opens_its_signing_page(client, signing, officer):
    convention = Convention.objects.get(pairing=signing)
    Convention.objects.filter(pk=convention.pk).update(state="signed_by_association")
    client.force_login(officer)

    page = client.get(reverse("wagtailadmin_home")).content.decode()

    assert [(p, c.pk, party) for p, c, party in tasklist.signatures_to_give(officer)] == [
        (signing, convention.pk, "pension_office")
    ]
    section = page[page.index('id="signatures-heading"') :]
    assert f'href="{reverse("convention_admin", args=[convention.pk])}"' in section
    assert convention.reference in section


def test_an_officer_of_another_office_has_nothing_to_sign(client, signing, territory):
    Convention.objects.filter(pairing=signing).update(state="signed_by_association")
    elsewhere = TerritoryFactory(department=True, country=territory.country)
    office = OrganisationFactory(pension_office=True, country=territory.country)
    elsewhere.parent.pension_office = office
    elsewhere.parent.save()
    stranger = StaffMembershipFactory(organisation=office, role="pension_officer").user

    assert tasklist.signatures_to_give(stranger) == []
