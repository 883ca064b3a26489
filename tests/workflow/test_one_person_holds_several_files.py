"""An applicant is a person with an id: their files over the years are theirs, the session holds
that id, and a draft someone else typed their address into never joins them."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEvent
from workflow.applicant_session import SESSION_KEY
from workflow.applicants import applicant_link_use, application_anonymise
from workflow.models import ApplicantLink, Application, Person

from .factories import ApplicationFactory, set_state
from .test_applying_online import confirmation_link, fill, form_page, guest_steps


@pytest.fixture
def client(committing_client):
    return committing_client


def sign_in(client, email):
    client.post(reverse("applicant_space"), {"email": email})
    client.post(re.search(r"https?://\S+/my-application/link/\S+/", mail.outbox[-1].body).group(0))


def test_a_second_file_confirmed_from_the_same_address_joins_the_same_person(client):
    earlier = set_state(ApplicationFactory(email="ana@example.org", email_confirmed_at=timezone.now()), "archived")
    page = form_page("guest", "es")
    steps = guest_steps()
    steps[0]["email"] = "ana@example.org"

    fill(client, page, steps)
    newer = Application.objects.exclude(pk=earlier.pk).get(email="ana@example.org")
    assert newer.person_id != earlier.person_id  # not theirs until the address is proven
    client.post(confirmation_link(mail.outbox[-1]))

    newer.refresh_from_db()
    assert newer.person_id == earlier.person_id
    assert Person.objects.filter(email__iexact="ana@example.org").count() == 1


def test_the_session_holds_the_persons_id_and_shows_all_their_files(client):
    first = ApplicationFactory(email="ana@example.org", email_confirmed_at=timezone.now())
    second = ApplicationFactory(email="ana@example.org", person=first.person, kind="host")

    sign_in(client, "ana@example.org")

    assert client.session[SESSION_KEY] == {"person_id": first.person_id}
    page = client.get(reverse("applicant_space")).content.decode()
    assert f'id="application-{first.pk}"' in page and f'id="application-{second.pk}"' in page


def test_a_draft_someone_typed_your_address_into_stays_someone_else(client):
    yours = ApplicationFactory(email="ana@example.org", email_confirmed_at=timezone.now())
    typed = ApplicationFactory(email="ana@example.org")

    sign_in(client, "ana@example.org")

    assert typed.person_id != yours.person_id
    page = client.get(reverse("applicant_space")).content.decode()
    assert f'id="application-{typed.pk}"' not in page


def test_a_session_from_before_people_had_ids_is_signed_out(client):
    application = ApplicationFactory(email_confirmed_at=timezone.now())
    session = client.session
    session[SESSION_KEY] = {"application_ids": [application.pk]}
    session.save()

    page = client.get(reverse("applicant_space")).content.decode()

    assert f'id="application-{application.pk}"' not in page


def test_an_erased_person_keeps_no_way_to_be_reached_and_is_signed_out(client):
    application = ApplicationFactory(email="ana@example.org", email_confirmed_at=timezone.now(), phone="+33600000000")
    sign_in(client, "ana@example.org")

    application_anonymise(application_id=application.pk, reason="erasure")

    person = Person.objects.get(pk=application.person_id)
    assert (person.email, person.mobile, person.postal_address) == ("", "", "")
    assert person.anonymised_at is not None
    page = client.get(reverse("applicant_space")).content.decode()
    assert f'id="application-{application.pk}"' not in page


def test_a_person_may_have_no_email_address():
    person = Person.objects.create(mobile="+33600000000", preferred_channels=["sms"])
    application = ApplicationFactory(person=person, email="")

    assert application.person.email == ""
    assert not person.reachable_by("email") and person.reachable_by("sms")


def test_the_audit_trail_names_the_applicant_by_their_persons_id(client):
    application = ApplicationFactory(email="ana@example.org", email_confirmed_at=timezone.now())
    sign_in(client, "ana@example.org")

    client.get(reverse("applicant_export", args=[application.pk]))

    event = AuditEvent.objects.get(action="applicant.export")
    assert event.actor == f"applicant:{application.person_id}"


def test_a_sign_in_link_opens_the_space_of_the_person_of_its_file():
    application = ApplicationFactory(email="ana@example.org", email_confirmed_at=timezone.now())
    from workflow.applicants import _hash

    ApplicantLink.objects.create(
        application=application,
        email="ana@example.org",
        purpose="sign_in",
        token_hash=_hash("t0ken"),
        expires_at=timezone.now() + timezone.timedelta(minutes=5),
    )

    assert applicant_link_use(token="t0ken", purpose="sign_in").person_id == application.person_id
