"""Once the guest, the host and the association have signed, every officer of the pension office
overseeing the pairing is emailed, once, a link that opens the convention's signing page."""

from urllib.parse import urlsplit

from django.core import mail
from django.test import TestCase
from django.urls import reverse

from documents.conventions.services import convention_sign, signature_awaited_notify
from tests.workflow.factories import OrganisationFactory, StaffMembershipFactory, TerritoryFactory
from workflow.models import Notification
from workflow.notifications import admin_url

from .conftest import app_code, emailed_code

KIND = "staff.signature_awaited"


def sign(convention, party, *, user=None):
    pairing = convention.pairing
    application = {"guest": pairing.guest, "host": pairing.host}.get(party)
    code = emailed_code(convention, application) if application else app_code(user)
    with TestCase.captureOnCommitCallbacks(execute=True):
        return convention_sign(convention_id=convention.pk, party=party, code=code, user=user, application=application)


def test_every_officer_of_the_office_is_told_once_the_association_has_signed(convention, advisor, officer, territory):
    colleague = StaffMembershipFactory(organisation=officer.memberships.get().organisation, role="pension_officer").user
    elsewhere = TerritoryFactory(department=True, country=territory.country)
    other_office = OrganisationFactory(pension_office=True, country=territory.country)
    elsewhere.parent.pension_office = other_office
    elsewhere.parent.save()
    stranger = StaffMembershipFactory(organisation=other_office, role="pension_officer").user

    sign(convention, "guest")
    sign(convention, "host")
    assert not Notification.objects.filter(kind=KIND).exists()

    sign(convention, "association", user=advisor)

    link = admin_url("convention_admin", convention.pk)
    sent = Notification.objects.filter(kind=KIND)
    assert sorted(n.user_id for n in sent) == sorted([officer.pk, colleague.pk])
    assert {n.occasion for n in sent} == {str(convention.pk)}
    assert {n.context["url"] for n in sent} == {link}
    for person in (officer, colleague):
        (email,) = [m for m in mail.outbox if m.to == [person.email] and link in m.body]
        assert convention.reference in email.body
        assert f"{convention.pairing.host.first_name} {convention.pairing.host.last_name}" in email.body
    assert not [m for m in mail.outbox if m.to in ([stranger.email], [advisor.email]) and link in m.body]


def test_the_link_opens_the_signing_page_of_the_officer(client, convention, advisor, officer):
    sign(convention, "guest")
    sign(convention, "host")
    sign(convention, "association", user=advisor)
    link = Notification.objects.get(kind=KIND, user=officer).context["url"]
    client.force_login(officer)

    page = client.get(urlsplit(link).path)

    assert urlsplit(link).path == reverse("convention_admin", args=[convention.pk])
    assert page.status_code == 200
    assert page.context["my_turn"] is True
    assert page.context["party"] == "pension_office"


def test_the_officers_are_told_once_per_convention(convention, advisor, officer):
    sign(convention, "guest")
    sign(convention, "host")
    sign(convention, "association", user=advisor)

    with TestCase.captureOnCommitCallbacks(execute=True):
        again = signature_awaited_notify(convention=convention)

    assert again == 0
    assert Notification.objects.filter(kind=KIND, user=officer).count() == 1
