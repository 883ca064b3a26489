"""A young person sent by a partner (a university's international office) arrives with the
partner's referral link: the form names the partner and asks, unticked, whether it may follow the
application. The file records the partner only with a valid code and the box ticked; an unknown
code, another country's, a host's form or an organisation posted by the browser record nothing."""

import re

import pytest
from django.utils import timezone

from cms_pages.models import ApplicationFormPage
from workflow.applicants import application_export, application_referral_withdraw
from workflow.models import Application, Country

from .factories import OrganisationFactory
from .test_applying_online import guest_steps

EMAIL = "lucia.martin@example.org"


@pytest.fixture
def page():
    return ApplicationFormPage.objects.get(kind="guest", locale__language_code="es", url_path__contains="/espana/")


@pytest.fixture
def partner():
    return OrganisationFactory(partner=True, country=Country.objects.get(code="ES"), name="Oficina Erasmus+ UCM")


def consent_box(html: str) -> str:
    """The referral consent's checkbox as the page renders it."""
    return re.search(r'<input[^>]*name="referral_consent"[^>]*>', html).group(0)


def first_step(**extra):
    return {**guest_steps()[0], **extra}


def test_a_partner_gets_an_unguessable_referral_code_of_its_own(partner):
    other = OrganisationFactory(partner=True, country=partner.country)
    association = OrganisationFactory(country=partner.country)

    assert len(partner.referral_code) >= 16
    assert partner.referral_code != other.referral_code
    assert association.referral_code is None


def test_the_form_names_the_partner_and_asks_unticked(client, page, partner):
    response = client.get(f"{page.url}?ref={partner.referral_code}")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Oficina Erasmus+ UCM" in html
    assert "checked" not in consent_box(html)


def test_with_the_box_ticked_the_file_records_the_partner_and_when(client, page, partner):
    client.get(f"{page.url}?ref={partner.referral_code}")

    # The step is sent to the form's address without the code: the session kept it.
    response = client.post(page.url, first_step(referral_consent="on"))

    assert response.status_code == 302
    application = Application.objects.get(email=EMAIL)
    assert application.referred_by == partner
    assert application.referral_consent_at == timezone.now()
    # What the applicant agreed to is kept word for word, and given back in their export.
    assert application.consents.filter(text__contains="Oficina Erasmus+ UCM").exists()
    assert application_export(application)["application"]["referred_by"] == "Oficina Erasmus+ UCM"


def test_the_code_is_kept_through_the_steps_and_the_check_page_names_the_partner(client, page, partner):
    client.get(f"{page.url}?ref={partner.referral_code}")
    client.post(page.url, first_step(referral_consent="on"))
    for number, data in enumerate(guest_steps()[1:], start=2):
        assert client.post(page.url + page.reverse_subpage("later_step", args=[number]), data).status_code == 302

    check = client.get(page.url + page.reverse_subpage("later_step", args=[len(guest_steps()) + 1]))

    assert check.status_code == 200
    assert "Oficina Erasmus+ UCM" in check.content.decode()
    # Coming back to the first step shows the box as the applicant left it.
    assert "checked" in consent_box(client.get(page.url + "?change=1").content.decode())


def test_without_the_box_ticked_nothing_is_recorded(client, page, partner):
    client.get(f"{page.url}?ref={partner.referral_code}")

    client.post(page.url, first_step())

    application = Application.objects.get(email=EMAIL)
    assert application.referred_by is None
    assert application.referral_consent_at is None


def test_unticking_the_box_later_removes_the_partner(client, page, partner):
    client.get(f"{page.url}?ref={partner.referral_code}")
    client.post(page.url, first_step(referral_consent="on"))

    client.post(page.url, first_step(changing="1"))

    application = Application.objects.get(email=EMAIL)
    assert application.referred_by is None
    assert application.referral_consent_at is None


@pytest.mark.parametrize("code", ["unknown-code-1234", "x" * 500, "' OR 1=1 --", ""])
def test_an_unknown_code_is_ignored_without_a_word(client, page, partner, code):
    plain = client.get(page.url).content.decode()

    response = client.get(page.url, {"ref": code})

    assert response.status_code == 200
    html = response.content.decode()
    assert "referral_consent" not in html
    assert "Oficina Erasmus+ UCM" not in html
    assert html.count("error") == plain.count("error")
    client.post(page.url, first_step(referral_consent="on"))
    assert Application.objects.get(email=EMAIL).referred_by is None


def test_another_countrys_partner_is_not_recognised(client, page):
    french = OrganisationFactory(partner=True, country=Country.objects.get(code="FR"), name="Université de Bordeaux")

    html = client.get(page.url, {"ref": french.referral_code}).content.decode()
    client.post(page.url, first_step(referral_consent="on"))

    assert "Université de Bordeaux" not in html
    assert Application.objects.get(email=EMAIL).referred_by is None


def test_an_organisation_posted_by_the_browser_is_never_trusted(client, page, partner):
    client.post(
        page.url,
        first_step(referral_consent="on", referred_by=partner.pk, ref=partner.referral_code),
    )

    assert Application.objects.get(email=EMAIL).referred_by is None


def test_a_hosts_form_ignores_the_code(client, partner):
    host_page = ApplicationFormPage.objects.get(kind="host", locale__language_code="es", url_path__contains="/espana/")

    html = client.get(host_page.url, {"ref": partner.referral_code}).content.decode()

    assert "Oficina Erasmus+ UCM" not in html
    assert "referral_consent" not in html


def test_the_applicant_may_withdraw_their_consent(client, page, partner):
    client.get(f"{page.url}?ref={partner.referral_code}")
    client.post(page.url, first_step(referral_consent="on"))
    application = Application.objects.get(email=EMAIL)

    application_referral_withdraw(application_id=application.pk)

    application.refresh_from_db()
    assert application.referred_by is None
    assert application.referral_consent_at is None
