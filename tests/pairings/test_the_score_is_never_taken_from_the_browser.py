"""The score of a proposed pairing, and whether it is manual, come from the matching engine.

Whatever the suggestions page or the global proposal posts (a score, or none), the pairing
records the engine's score; a pair outside the engine's suggestions needs a written reason,
and a suggested pair needs none.
"""

import pytest
from django.urls import reverse

from pairings.models import Pairing
from pairings.selectors import SUGGESTIONS_SHOWN, why
from tests.workflow.factories import StaffMembershipFactory, TerritoryFactory, association_covering

from .test_pairing_life import approved

FORGED = "100"


@pytest.fixture
def territory():
    return TerritoryFactory(department=True)


@pytest.fixture
def advisor(client, territory):
    user = StaffMembershipFactory(organisation=association_covering(territory)).user
    client.force_login(user)
    return user


@pytest.fixture
def host(territory):
    return approved("host", territory, evenings_per_week=1)


@pytest.fixture
def best(territory):
    """As many guests as the suggestions page shows, all of them a better fit than ``outside``."""
    return [approved("guest", territory, evenings_per_week=1) for _ in range(SUGGESTIONS_SHOWN)]


@pytest.fixture
def outside(territory, best):
    """A guest who breaks no rule but is neither among the host's suggestions nor in the global proposal."""
    return approved("guest", territory, evenings_per_week=5)


def suggestions(host):
    return reverse("pairings_pairing:suggestions", args=[host.pk])


def test_a_score_posted_from_the_suggestions_page_is_replaced_by_the_engines(client, advisor, host, best):
    response = client.post(suggestions(host), {"guest": best[0].pk, "score": FORGED})

    assert response.status_code == 302
    pairing = Pairing.objects.get()
    assert pairing.score == why(host, best[0])["score"] != float(FORGED)
    assert pairing.manual_reason == ""


def test_a_score_posted_from_the_global_proposal_is_replaced_by_the_engines(client, advisor, territory, host, best):
    url = reverse("pairings_pairing:proposal_for", args=[territory.pk])
    [pair] = client.get(url).context["pairs"]

    response = client.post(url, {"host": pair["host"].pk, "guest": pair["guest"].pk, "score": FORGED})

    assert response.status_code == 302
    pairing = Pairing.objects.get()
    assert pairing.score == pair["score"] == why(host, pair["guest"])["score"] != float(FORGED)
    assert pairing.manual_reason == ""


def test_a_forged_score_does_not_pass_a_pair_outside_the_suggestions_as_suggested(client, advisor, host, outside):
    response = client.post(suggestions(host), {"guest": outside.pk, "score": FORGED})

    assert response.status_code == 409
    assert response.context["refusal"]
    assert not Pairing.objects.exists()


def test_a_pair_outside_the_global_proposal_posted_to_it_needs_a_reason(client, advisor, territory, host, outside):
    url = reverse("pairings_pairing:proposal_for", args=[territory.pk])

    response = client.post(url, {"host": host.pk, "guest": outside.pk, "score": FORGED})

    assert response.status_code == 409
    assert response.context["refusal"]
    assert not Pairing.objects.exists()


def test_a_pair_outside_the_suggestions_is_recorded_as_manual_with_the_engines_score(client, advisor, host, outside):
    posted = {"guest": outside.pk, "score": FORGED, "manual_reason": "  Ils se connaissent déjà.  "}

    response = client.post(suggestions(host), posted)

    assert response.status_code == 302
    pairing = Pairing.objects.get()
    assert (pairing.guest, pairing.manual_reason) == (outside, "Ils se connaissent déjà.")
    assert pairing.score == why(host, outside)["score"] != float(FORGED)


def test_a_suggested_pair_posted_without_a_score_is_not_taken_for_a_manual_one(client, advisor, host, best):
    response = client.post(suggestions(host), {"guest": best[-1].pk})

    assert response.status_code == 302
    pairing = Pairing.objects.get()
    assert (pairing.guest, pairing.manual_reason) == (best[-1], "")
    assert pairing.score == why(host, best[-1])["score"]
