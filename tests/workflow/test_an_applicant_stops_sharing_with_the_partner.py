"""A young person whose file a partner follows (they came through its referral link and agreed)
reads so in their space, and may stop it: a page first says what will happen, the confirmation
is posted, and from then on the partner no longer sees the file. The audit trail says so, by ids.
Only the file's own applicant can do it."""

import pytest
from django.urls import reverse
from django.utils import translation

from audit.models import AuditEvent
from workflow import access
from workflow.applicant_session import SESSION_KEY
from workflow.audit_views import event_in_words
from workflow.references import application_reference

from .factories import ApplicationFactory, OrganisationFactory, partner_referent, referred, set_state

PARTNER_NAME = "Université de Bordeaux — RI"


@pytest.fixture
def partner():
    return OrganisationFactory(partner=True, name=PARTNER_NAME)


@pytest.fixture
def application(partner):
    application = set_state(ApplicationFactory(territory__country=partner.country, language="fr"), "in_review")
    return referred(application, partner)


@pytest.fixture(autouse=True)
def english():
    # The pages are read in English, their addresses under /en/.
    with translation.override("en"):
        yield


def sign_in(client, application):
    session = client.session
    session[SESSION_KEY] = {"person_id": application.person_id}
    session.save()


def test_the_space_says_who_follows_the_file_and_links_to_the_confirmation(client, application):
    sign_in(client, application)

    page = client.get(reverse("applicant_space")).content.decode()

    assert (
        "Université de Bordeaux — RI follows the progress of your application "
        "(its state and dates, never your documents)."
    ) in page
    url = reverse("applicant_stop_sharing", args=[application.pk])
    assert f'href="{url}"' in page and "Stop sharing with Université de Bordeaux — RI" in page
    assert f'action="{url}"' not in page


def test_a_file_no_partner_follows_shows_no_such_panel(client, partner):
    application = set_state(ApplicationFactory(territory__country=partner.country), "in_review")
    sign_in(client, application)

    page = client.get(reverse("applicant_space")).content.decode()

    assert reverse("applicant_stop_sharing", args=[application.pk]) not in page
    assert PARTNER_NAME not in page


def test_opening_the_confirmation_page_says_what_will_happen_and_changes_nothing(client, application, partner):
    referent = partner_referent(partner)
    sign_in(client, application)

    response = client.get(reverse("applicant_stop_sharing", args=[application.pk]))

    assert response.status_code == 200
    body = response.content.decode()
    assert "What will happen" in body and 'name="csrfmiddlewaretoken"' in body
    assert "Yes, stop sharing with Université de Bordeaux — RI" in body
    application.refresh_from_db()
    assert application.referred_by == partner
    assert application in access.applications_referred_to(referent)


def test_confirming_stops_the_sharing_and_the_partner_no_longer_sees_the_file(client, application, partner):
    referent = partner_referent(partner)
    referrals = reverse("oversight_partner_referrals")
    client.force_login(referent)
    assert application_reference(application) in client.get(referrals).content.decode()
    client.logout()
    sign_in(client, application)
    assert list(access.applications_referred_to(referent)) == [application]

    response = client.post(reverse("applicant_stop_sharing", args=[application.pk]), follow=True)

    assert response.redirect_chain[-1][0] == reverse("applicant_space")
    body = response.content.decode()
    assert "Université de Bordeaux — RI ne suit plus votre dossier." in body
    assert "follows the progress of your application" not in body
    application.refresh_from_db()
    assert application.referred_by is None and application.referral_consent_at is None
    assert application.state == "in_review"  # the file itself goes on
    assert not access.applications_referred_to(referent).exists()
    client.force_login(referent)
    assert application_reference(application) not in client.get(referrals).content.decode()


def test_the_audit_trail_records_it_by_ids_in_words(client, application, partner):
    sign_in(client, application)

    client.post(reverse("applicant_stop_sharing", args=[application.pk]))

    event = AuditEvent.objects.get(action="application.referral_withdrawn")
    assert event.application_id == application.pk
    assert event.actor == f"applicant:{application.person_id}"
    assert event.data == {"partner": partner.pk}
    assert PARTNER_NAME not in str(event.data) and application.email not in str(event.data)
    assert event_in_words(event.action) == "stopped sharing the file with the partner"


def test_posting_again_once_stopped_changes_nothing_and_says_so(client, application):
    sign_in(client, application)
    client.post(reverse("applicant_stop_sharing", args=[application.pk]))

    url = reverse("applicant_stop_sharing", args=[application.pk])
    response = client.post(url, follow=True)
    page = client.get(url).content.decode()

    assert "Your application is not shared with any partner." in response.content.decode()
    assert AuditEvent.objects.filter(action="application.referral_withdrawn").count() == 1
    assert "not shared with any partner" in page and f'action="{url}"' not in page


def test_nobody_else_stops_the_sharing_of_someone_elses_file(client, application, partner):
    other = ApplicationFactory(territory__country=partner.country)
    sign_in(client, other)
    url = reverse("applicant_stop_sharing", args=[application.pk])

    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    client.logout()
    assert client.post(url).status_code == 404  # nobody signed in
    application.refresh_from_db()
    assert application.referred_by == partner


def test_the_confirmation_needs_the_csrf_token(application):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    sign_in(client, application)

    response = client.post(reverse("applicant_stop_sharing", args=[application.pk]))

    assert response.status_code == 403
    application.refresh_from_db()
    assert application.referred_by is not None
