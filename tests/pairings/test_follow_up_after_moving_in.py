"""Once the pair moves in, the advisor is reminded of check-ins and records them, incidents and amendments."""

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.urls import reverse

from pairings.models import Amendment, CheckIn, FollowUpNote
from pairings.tasks import remind_advisors_of_check_ins
from tests.workflow.factories import StaffMembershipFactory, TerritoryFactory, association_covering


def test_moving_in_plans_a_check_in_after_a_week_then_every_month_until_the_end(signing, today, end):
    check_ins = list(signing.check_ins.values_list("due_on", "kind"))

    assert signing.moved_in_on == today
    assert check_ins[0] == (today + timedelta(days=7), "first_week")
    assert [kind for _day, kind in check_ins[1:]] == ["monthly"] * (len(check_ins) - 1)
    assert 6 <= len(check_ins) - 1 <= 7  # about 200 days of stay
    assert all(day <= end for day, _kind in check_ins)


def test_advisors_are_reminded_of_a_due_check_in_once(signing, advisor, today, as_the_worker):
    with time_machine.travel(today + timedelta(days=7)):
        first = as_the_worker(remind_advisors_of_check_ins)
        second = as_the_worker(remind_advisors_of_check_ins)

    assert (first, second) == (1, 0)
    assert [m.to for m in mail.outbox] == [[advisor.email]]
    assert reverse("pairings_pairing:inspect", args=[signing.pk]) in mail.outbox[0].body


def test_the_advisor_records_a_check_in_from_the_pairing_page(client, signing, advisor):
    client.force_login(advisor)
    check_in = signing.check_ins.first()
    url = reverse("pairings_pairing:inspect", args=[signing.pk])

    empty = client.post(url, {"form": "check_in", "check_in": check_in.pk, "notes": "  "})
    done = client.post(url, {"form": "check_in", "check_in": check_in.pk, "notes": "Tout va bien, repas partagés."})
    twice = client.post(url, {"form": "check_in", "check_in": check_in.pk, "notes": "Encore"})

    assert (empty.status_code, done.status_code, twice.status_code) == (400, 302, 409)
    check_in.refresh_from_db()
    assert (check_in.notes, check_in.done_by) == ("Tout va bien, repas partagés.", advisor)
    assert "Tout va bien" in client.get(url).content.decode()


def test_incidents_mediations_and_amendments_are_recorded_and_shown(client, active, advisor, today):
    client.force_login(advisor)
    url = reverse("pairings_pairing:inspect", args=[active.pk])

    incident = client.post(url, {"form": "note", "kind": "incident", "text": "Bruit tard le soir."})
    mediation = client.post(url, {"form": "note", "kind": "mediation", "text": "Rencontre à trois, accord trouvé."})
    amendment = client.post(
        url,
        {
            "form": "amendment",
            "effective_on": (today + timedelta(days=30)).isoformat(),
            "text": "Participation ramenée à 60 €.",
        },
    )
    bad_date = client.post(url, {"form": "amendment", "effective_on": "31/02/2026", "text": "x"})
    page = client.get(url).content.decode()

    assert [r.status_code for r in (incident, mediation, amendment, bad_date)] == [302, 302, 302, 400]
    assert list(FollowUpNote.objects.values_list("kind", flat=True)) == ["mediation", "incident"]
    assert Amendment.objects.get().text == "Participation ramenée à 60 €."
    for text in ("Bruit tard le soir.", "Rencontre à trois", "Participation ramenée à 60 €."):
        assert text in page


def test_other_staff_cannot_write_in_a_pairings_follow_up(client, active, officer):
    stranger = StaffMembershipFactory(organisation=association_covering(TerritoryFactory(department=True))).user
    url = reverse("pairings_pairing:inspect", args=[active.pk])
    note = {"form": "note", "kind": "note", "text": "Intrusion"}

    client.force_login(stranger)
    assert client.post(url, note).status_code == 404
    client.force_login(officer)
    assert client.get(url).status_code == 200
    assert client.post(url, note).status_code == 403
    assert not FollowUpNote.objects.exists()
    assert not CheckIn.objects.filter(done_at__isnull=False).exists()


@pytest.mark.parametrize("state", ["proposed", "ended"])
def test_amendments_are_refused_when_the_pair_does_not_live_together(client, active, advisor, state, today):
    type(active).objects.filter(pk=active.pk).update(state=state)
    client.force_login(advisor)

    response = client.post(
        reverse("pairings_pairing:inspect", args=[active.pk]),
        {"form": "amendment", "effective_on": today.isoformat(), "text": "Nouvelle participation"},
    )

    assert response.status_code == 409
    assert not Amendment.objects.exists()
