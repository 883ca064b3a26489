"""From a file's page, its advisor records how to reach the person (mobile, postal address,
preferred channels); the audit trail says what changed, never the values."""

from django.urls import reverse

from audit.models import AuditEvent
from workflow.models import Person

from .factories import ApplicationFactory, StaffMembershipFactory, TerritoryFactory, association_covering


def contact_url(application):
    return reverse("workflow_application:contact", args=[application.pk])


def test_the_advisor_chooses_the_post_for_a_person_and_letters_become_possible(client):
    application = ApplicationFactory(kind="host")
    advisor = StaffMembershipFactory(organisation=association_covering(application.territory)).user
    client.force_login(advisor)

    response = client.post(
        contact_url(application),
        {
            "mobile": "+33 6 12 34 56 78",
            "postal_address": "3 rue des Lilas",
            "postcode": "33000",
            "city": "Bordeaux",
            "preferred_channels": ["post"],
            "language": "fr",
        },
    )

    assert response.status_code == 302
    person = Person.objects.get(pk=application.person_id)
    assert (person.preferred_channels, person.city) == (["post"], "Bordeaux")
    assert person.reachable_by("post")
    event = AuditEvent.objects.get(action="person.contacts_changed")
    assert "Bordeaux" not in str(event.data) and "+33" not in str(event.data)
    assert "city" in event.data["changed"]
    page = client.get(reverse("workflow_application:inspect", args=[application.pk])).content.decode()
    assert "3 rue des Lilas" in page


def test_text_messages_without_a_mobile_number_are_refused_and_nothing_is_saved(client):
    application = ApplicationFactory()
    advisor = StaffMembershipFactory(organisation=association_covering(application.territory)).user
    client.force_login(advisor)

    response = client.post(contact_url(application), {"preferred_channels": ["sms"], "language": "fr"})

    assert response.status_code == 400
    assert "mobile" in response.content.decode().lower()
    assert Person.objects.get(pk=application.person_id).preferred_channels == ["email"]


def test_an_advisor_of_another_territory_finds_nothing(client):
    application = ApplicationFactory()
    elsewhere = TerritoryFactory(department=True, country=application.country)
    stranger = StaffMembershipFactory(organisation=association_covering(elsewhere)).user
    client.force_login(stranger)

    response = client.post(contact_url(application), {"preferred_channels": ["email"], "language": "fr"})

    assert response.status_code == 404
