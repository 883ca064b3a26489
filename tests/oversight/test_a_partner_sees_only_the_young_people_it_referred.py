"""A partner (a university's international office) follows the young people who applied through
its referral link and agreed to it: figures on its home page (a count under 5 reads "moins de
5") and a list with their state and dates. Not another partner's, not those who did not tick
the box, not an unconfirmed draft; and no file, document or address through any other door."""

import itertools
import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from pairings.models import Pairing
from tests.workflow.factories import (
    ApplicationFactory,
    OrganisationFactory,
    TerritoryFactory,
    association_covering,
    partner_referent,
    referred,
    set_state,
)
from tests.workflow.test_applying_online import confirmation_link, fill, guest_steps
from workflow import access
from workflow.applicants import application_referral_withdraw
from workflow.models import Application, Country

#: How many referred young people stand where (what the partner's home page must show).
SPREAD = {"submitted": 6, "approved": 2, "paired": 1, "active": 5}


@pytest.fixture
def territory():
    territory = TerritoryFactory(department=True, name="Gironde test")
    association_covering(territory)
    return territory


@pytest.fixture
def partner(territory):
    return OrganisationFactory(partner=True, country=territory.country, name="Université de Bordeaux — RI")


@pytest.fixture
def referent(partner):
    return partner_referent(partner)


SURNAMES = itertools.count()


def guest(territory, state="submitted", **kwargs):
    # A last name no first name can contain, so the list can be shown not to print it.
    kwargs.setdefault("last_name", f"Nomdefamille{next(SURNAMES)}")
    return set_state(ApplicationFactory(territory=territory, country=territory.country, **kwargs), state)


def paired(application, state):
    host = guest(application.territory, "approved", host=True)
    pairing = Pairing.objects.create(host=host, guest=application, created_by=get_user_model().objects.first())
    Pairing.objects.filter(pk=pairing.pk).update(state=state)
    return pairing


@pytest.fixture
def referrals(territory, partner):
    """The partner's young people, where :data:`SPREAD` says."""
    files = {stage: [] for stage in SPREAD}
    for _ in range(SPREAD["submitted"]):
        files["submitted"].append(referred(guest(territory, "in_review"), partner))
    for _ in range(SPREAD["approved"]):
        files["approved"].append(referred(guest(territory, "approved"), partner))
    for _ in range(SPREAD["paired"]):
        application = referred(guest(territory, "approved"), partner)
        paired(application, "proposed")
        files["paired"].append(application)
    for _ in range(SPREAD["active"]):
        application = referred(guest(territory, "approved"), partner)
        paired(application, "active")
        files["active"].append(application)
    return files


@pytest.fixture
def others(territory):
    """Files the partner must never see: another partner's, one not consented, an unconfirmed draft."""
    other_partner = OrganisationFactory(partner=True, country=territory.country, name="Erasmus+ Bordeaux")
    theirs = [referred(guest(territory), other_partner) for _ in range(7)]
    unticked = guest(territory, first_name="Sansaccord")
    draft = guest(territory, "draft", first_name="Brouillon", email_confirmed_at=None)
    return {"other_partner": other_partner, "theirs": theirs, "unticked": unticked, "draft": draft}


def figures(html: str) -> dict:
    """The partner panel's figures: {label: text}."""
    table = re.search(r'<table[^>]*id="partner-referral-figures".*?</table>', html, re.S).group(0)
    rows = re.findall(r"<th scope=\"row\"><a [^>]*>(.*?)</a></th><td>(.*?)</td>", table, re.S)
    return {label.strip(): value.strip() for label, value in rows}


def test_the_partner_counts_its_referrals_by_stage_with_small_counts_hidden(client, referent, referrals, others):
    client.force_login(referent)

    response = client.get(reverse("wagtailadmin_home"))

    assert response.status_code == 200
    found = figures(response.content.decode())
    applied = sum(SPREAD.values())
    expected = {
        "submitted": str(SPREAD["submitted"]),
        "active": str(SPREAD["active"]),
        "approved": "moins de 5",
        "paired": "moins de 5",
    }
    values = list(found.values())
    # First the total, then the stages in order: being examined, approved, paired, living together, ended, closed.
    assert values[0] == str(applied)
    assert values[1:] == [
        expected["submitted"],
        expected["approved"],
        expected["paired"],
        expected["active"],
        "moins de 5",
        "moins de 5",
    ]


def test_the_list_shows_the_partners_young_people_with_state_and_dates_only(client, referent, referrals, others):
    client.force_login(referent)

    response = client.get(reverse("oversight_partner_referrals"))

    assert response.status_code == 200
    html = response.content.decode()
    table = re.search(r'<table[^>]*id="partner-referrals".*?</table>', html, re.S).group(0)
    mine = [application for stage in referrals.values() for application in stage]
    assert table.count("<tr>") - 1 == len(mine)
    for application in mine:
        assert f"WS-{application.created_at:%Y}-{application.pk:06d}" in table
        assert application.first_name in table
        # No last name, no address, no answer: the association keeps those.
        assert application.last_name not in table
        assert application.email not in table
    assert "Gironde test" in table
    for application in others["theirs"]:
        assert f"-{application.pk:06d}" not in table
    assert "Sansaccord" not in table
    assert "Brouillon" not in table


def test_the_list_filters_by_stage(client, referent, referrals):
    client.force_login(referent)

    table = client.get(reverse("oversight_partner_referrals"), {"stage": "active"}).content.decode()

    for application in referrals["active"]:
        assert f"-{application.pk:06d}" in table
    for application in referrals["submitted"]:
        assert f"-{application.pk:06d}" not in table
    # An unknown stage shows them all rather than an error.
    assert client.get(reverse("oversight_partner_referrals"), {"stage": "nonsense"}).status_code == 200


def test_the_rules_give_the_partner_its_referrals_and_no_file(referent, referrals, others):
    mine = {application.pk for stage in referrals.values() for application in stage}

    assert set(access.applications_referred_to(referent).values_list("pk", flat=True)) == mine
    assert not access.applications_visible_to(referent).exists()
    assert not access.may_open_files_area(referent)
    assert not access.may_search_audit(referent)
    assert not any(access.may_view(referent, application) for application in Application.objects.all())


def test_a_withdrawn_consent_takes_the_young_person_off_the_list(client, referent, referrals):
    gone = referrals["submitted"][0]
    application_referral_withdraw(application_id=gone.pk)
    client.force_login(referent)

    table = client.get(reverse("oversight_partner_referrals")).content.decode()

    assert f"-{gone.pk:06d}" not in table
    assert f"-{referrals['submitted'][1].pk:06d}" in table


def test_the_partner_opens_no_file_of_its_own_young_people(client, referent, referrals):
    client.force_login(referent)
    application = referrals["active"][0]

    assert client.get(reverse("workflow_application:inspect", args=[application.pk])).status_code in (403, 404)
    assert client.get(reverse("workflow_application:index")).status_code == 403


def test_the_partner_menu_and_home_show_only_its_own_pages(client, referent, referrals):
    client.force_login(referent)

    html = client.get(reverse("wagtailadmin_home")).content.decode()

    assert reverse("oversight_partner_referrals") in html
    assert 'id="partner-referrals-panel-section"' in html
    for elsewhere in ("workflow_application:index", "pairings_pairing:index", "conversations_inbox", "audit_trail"):
        assert f'"{reverse(elsewhere)}"' not in html, elsewhere
    assert "?ref=" not in html or referent.memberships.get().organisation.referral_code in html


def test_staff_who_are_not_partners_have_no_referrals_page(client, territory, referrals):
    advisor = association_covering(territory).memberships.create(
        user=get_user_model().objects.create_user("advisor.partner-test"), role="advisor"
    )
    client.force_login(advisor.user)

    assert client.get(reverse("oversight_partner_referrals")).status_code == 403
    assert (
        f'"{reverse("oversight_partner_referrals")}"' not in client.get(reverse("wagtailadmin_home")).content.decode()
    )


@pytest.fixture
def spanish_partner():
    partner = OrganisationFactory(partner=True, country=Country.objects.get(code="ES"), name="Oficina Erasmus+ UCM")
    return partner, partner_referent(partner)


def test_only_the_young_person_who_ticked_the_box_reaches_the_partner(committing_client, client, spanish_partner):
    from django.core import mail

    from cms_pages.models import ApplicationFormPage

    partner, referent = spanish_partner
    page = ApplicationFormPage.objects.get(kind="guest", locale__language_code="es", url_path__contains="/espana/")
    for email, ticked in (("con.acuerdo@example.org", True), ("sin.acuerdo@example.org", False)):
        committing_client.cookies.clear()
        committing_client.get(f"{page.url}?ref={partner.referral_code}")
        steps = guest_steps()
        steps[0] = {key: value for key, value in steps[0].items() if key != "form_key"} | {"email": email}
        if ticked:
            steps[0]["referral_consent"] = "on"
        fill(committing_client, page, steps)
        committing_client.post(confirmation_link(mail.outbox[-1]))

    agreed = Application.objects.get(email="con.acuerdo@example.org")
    declined = Application.objects.get(email="sin.acuerdo@example.org")
    assert agreed.state == declined.state == "submitted"
    assert list(access.applications_referred_to(referent)) == [agreed]
    client.force_login(referent)
    table = client.get(reverse("oversight_partner_referrals")).content.decode()
    assert f"-{agreed.pk:06d}" in table
    assert f"-{declined.pk:06d}" not in table


def test_the_partners_home_and_the_organisation_page_give_the_referral_links(client, spanish_partner):
    from cms_pages.models import ApplicationFormPage

    partner, referent = spanish_partner
    forms = ApplicationFormPage.objects.live().filter(kind="guest", url_path__contains="/espana/")
    expected = {f"{form.get_url()}?ref={partner.referral_code}" for form in forms}
    assert expected

    client.force_login(referent)
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(get_user_model().objects.get(username="admin"))
    edit = client.get(reverse("wagtailsnippets_workflow_organisation:edit", args=[partner.pk])).content.decode()

    for link in expected:
        assert link in home
        assert link in edit
