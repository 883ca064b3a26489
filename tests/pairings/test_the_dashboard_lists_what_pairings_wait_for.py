"""The dashboard lists what the pairings one leads wait for: proposals without an answer, the
convention one's organisation signs next, check-ins due within a week and notices running; each
line links to where the work is done."""

from datetime import timedelta

from django.urls import reverse
from wagtail.users.models import UserProfile

from documents.models import Convention
from pairings import tasklist
from pairings.models import CheckIn, Pairing
from pairings.services import pairing_propose

from .conftest import approved


def in_english(user):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


def test_a_proposal_waits_for_the_answers_of_both_people(client, territory, advisor):
    pairing = pairing_propose(host=approved("host", territory), guest=approved("guest", territory), by=advisor)
    client.force_login(in_english(advisor))

    page = client.get(reverse("wagtailadmin_home")).content.decode()

    assert list(tasklist.proposals_waiting_for_an_answer(advisor)) == [pairing]
    proposals = page[page.index('id="proposals-waiting-heading"') : page.index('id="signatures-heading"')]
    assert "answer awaited from the host and the guest" in proposals
    assert reverse("pairings_pairing:inspect", args=[pairing.pk]) in proposals


def test_the_signature_is_asked_of_the_organisation_whose_turn_it_is(client, signing, advisor, officer):
    convention = Convention.objects.get(pairing=signing)

    Convention.objects.filter(pk=convention.pk).update(state="signed_by_host")
    assert [(p, c.pk, party) for p, c, party in tasklist.signatures_to_give(advisor)] == [
        (signing, convention.pk, "association")
    ]
    assert tasklist.signatures_to_give(officer) == []

    Convention.objects.filter(pk=convention.pk).update(state="signed_by_association")
    assert tasklist.signatures_to_give(advisor) == []
    client.force_login(in_english(officer))
    page = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "to sign for the pension office" in page
    assert reverse("convention_admin", args=[convention.pk]) in page


def test_a_pension_officer_with_nothing_to_sign_gets_no_pairings_panel(client, signing, officer):
    client.force_login(officer)

    page = client.get(reverse("wagtailadmin_home")).content.decode()

    assert 'id="pairings-to-follow-heading"' not in page


def test_check_ins_due_within_a_week_and_notices_running(client, active, advisor, today):
    CheckIn.objects.all().delete()
    late = CheckIn.objects.create(pairing=active, kind="first_week", due_on=today - timedelta(days=2))
    soon = CheckIn.objects.create(pairing=active, kind="monthly", due_on=today + timedelta(days=5))
    CheckIn.objects.create(pairing=active, kind="monthly", due_on=today + timedelta(days=30))
    Pairing.objects.filter(pk=active.pk).update(notice_given_on=today, planned_end=today + timedelta(days=30))
    client.force_login(in_english(advisor))

    page = client.get(reverse("wagtailadmin_home")).content.decode()

    assert list(tasklist.check_ins_due(advisor)) == [late, soon]
    assert list(tasklist.notices_running(advisor)) == [active]
    check_ins = page[page.index('id="check-ins-due-heading"') : page.index('id="notices-running-heading"')]
    assert "late since" in check_ins and "due on" in check_ins
    assert "the pair parts on" in page[page.index('id="notices-running-heading"') :]
