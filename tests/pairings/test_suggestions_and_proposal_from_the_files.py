"""Suggestions and proposals are made from approved files of the territory, with the country's rules."""

from datetime import timedelta
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

from pairings.selectors import guest_suggestions_for, territory_proposal, why
from tests.workflow.factories import ApplicationFactory, TerritoryFactory, set_state


def approved(kind, territory, **answers):
    today = timezone.localdate()
    base = {
        "languages": ["fr"],
        "evenings_per_week": 3,
        "contribution": "80",
        "budget": "120",
        "available_from": today.isoformat(),
        "available_until": (today + timedelta(days=400)).isoformat(),
        "start_date": (today + timedelta(days=5)).isoformat(),
        "end_date": (today + timedelta(days=300)).isoformat(),
        "pets_ok": True,
    }
    base.update(answers)
    extra = {"host": True} if kind == "host" else {}
    return set_state(
        ApplicationFactory(territory=territory, country=territory.country, answers=base, **extra), "approved"
    )


def test_a_host_is_suggested_the_approved_guests_of_their_territory_best_first():
    territory = TerritoryFactory(department=True)
    host = approved("host", territory, evenings_per_week=4)
    close = approved("guest", territory, evenings_per_week=4)
    far = approved("guest", territory, evenings_per_week=0)
    approved("guest", TerritoryFactory(department=True, country=territory.country))
    set_state(ApplicationFactory(territory=territory, country=territory.country), "in_review")

    suggestions = guest_suggestions_for(host)

    assert [g for g, _ in suggestions] == [close, far]


def test_the_proposal_pairs_each_person_once_and_the_command_prints_it():
    territory = TerritoryFactory(department=True, code="93")
    hosts = [approved("host", territory, evenings_per_week=n) for n in (1, 5)]
    guests = [approved("guest", territory, evenings_per_week=n) for n in (5, 1)]

    pairs = territory_proposal(territory)
    out = StringIO()
    call_command("match", "--territory", "93", "--country", territory.country.code, stdout=out, stderr=StringIO())

    assert {(h.pk, g.pk) for h, g, _ in pairs} == {(hosts[0].pk, guests[1].pk), (hosts[1].pk, guests[0].pk)}
    assert "2 pairs proposed" in out.getvalue()


def test_staff_can_ask_why_a_guest_is_not_suggested_for_a_host():
    territory = TerritoryFactory(department=True)
    host = approved("host", territory, contribution="140")
    guest = approved("guest", territory, budget="100")

    explanation = why(host, guest)

    assert not explanation["suggested"]
    assert [c["constraint"] for c in explanation["excluded_because"]] == ["budget"]


def test_the_command_proposes_the_pairs_on_behalf_of_an_advisor():
    from pairings.models import Pairing
    from tests.workflow.factories import StaffMembershipFactory, association_covering

    territory = TerritoryFactory(department=True, code="94")
    advisor = StaffMembershipFactory(organisation=association_covering(territory)).user
    approved("host", territory)
    approved("guest", territory)
    out = StringIO()

    call_command(
        "match",
        "--territory",
        "94",
        "--country",
        territory.country.code,
        "--apply",
        "--as",
        advisor.username,
        stdout=out,
        stderr=StringIO(),
    )

    assert Pairing.objects.filter(created_by=advisor, state="proposed").count() == 1
    assert "1 pairings proposed" in out.getvalue()


def test_apply_without_an_advisor_is_refused():
    import pytest
    from django.core.management import CommandError

    territory = TerritoryFactory(department=True, code="95")

    with pytest.raises(CommandError):
        call_command("match", "--territory", "95", "--country", territory.country.code, "--apply", stdout=StringIO())
