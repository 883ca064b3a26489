"""Each point of a suggestion's score comes with the facts it was counted from, in the staff
member's language, and each suggested guest opens their file in one click."""

from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.urls import reverse
from django.utils import formats, timezone, translation
from wagtail.users.models import UserProfile

from pairings.matching.engine import Rules, Weights, explain
from pairings.matching.features import guests_side, hosts_side
from tests.workflow.factories import StaffMembershipFactory, TerritoryFactory, association_covering

from .test_matching_engine import guest, host
from .test_pairing_life import approved

FRANCE = SimpleNamespace(code="FR")


def facts(h, g, *, rules=None, language="en"):
    """(facts of each criterion, facts of each broken constraint) as the staff member reads them."""
    h.country = g.country = FRANCE
    h.birth_date = g.birth_date = None
    with translation.override(language):
        explanation = explain(
            hosts_side([h]), 0, guests_side([g]), 0, weights=Weights(), rules=rules or Rules(), currency="EUR"
        )
        return (
            {part["criterion"]: str(part["facts"]) for part in explanation["criteria"]},
            {c["constraint"]: str(c["facts"]) for c in explanation["excluded_because"]},
        )


def day(delta: timedelta) -> str:
    with translation.override("en"):
        return formats.date_format(timezone.localdate() + delta, "DATE_FORMAT")


def test_each_criterion_states_the_answers_it_was_counted_from():
    h = host(
        languages=["fr", "en"],
        postcode="33200",
        services=["errands"],
        interests=["cooking", "music", "reading"],
        evenings_per_week=4,
    )
    g = guest(
        languages=["es", "en"],
        wish_to_practise=["fr"],
        institution_postcode="33405",
        services=["errands", "company"],
        interests=["music", "cooking", "sport"],
        evenings_per_week=3,
    )

    found, _broken = facts(h, g)

    assert found["languages"] == "both speak English"
    assert (
        found["practise"]
        == "the guest speaks English, Spanish, wants to practise French; the host speaks French, English"
    )
    assert found["interests"] == "shared interests: music, cooking"
    assert found["services"] == "help hoped for: small errands — offered: company in the evening, small errands"
    assert found["presence"] == "evenings at home hoped for by the host: 4 a week — offered by the guest: 3"
    assert found["budget"] == "contribution asked: 100 EUR a month — the guest's budget: 150 EUR"
    assert found["stay"] == (
        f"dates overlap for the guest's whole stay, from {day(timedelta(days=10))} to {day(timedelta(days=300))}"
    )
    assert found["distance"].endswith(" km from the place of study")
    assert 5 < float(found["distance"].split()[0]) < 15


def test_what_is_missing_or_not_shared_is_said_too():
    h = host(languages=["de"], interests=["reading"], available_until=timedelta(days=100))
    g = guest(languages=["es"], interests=["sport"])

    found, _broken = facts(h, g)

    assert found["languages"] == "no language in common: the host speaks German; the guest speaks Spanish"
    assert found["practise"] == "the guest did not say which language they wish to practise"
    assert found["interests"] == "no shared interest: the host likes reading; the guest likes sport and walks"
    assert found["services"] == "help hoped for: none — offered: none"
    assert found["distance"].startswith("distance to the place of study unknown")
    assert found["stay"] == (
        f"dates overlap from {day(timedelta(days=10))} to {day(timedelta(days=100))}; "
        f"the guest's stay: from {day(timedelta(days=10))} to {day(timedelta(days=300))}"
    )


def test_a_pair_never_suggested_says_the_figures_that_exclude_it():
    h = host(contribution="200", postcode="33000")
    g = guest(budget="120", institution_postcode="24000")

    _found, broken = facts(h, g)

    assert broken["budget"] == "contribution asked: 200 EUR a month — the guest's budget: 120 EUR"
    assert broken["distance"].endswith("km from the place of study; the country allows 20 km")


def test_the_facts_are_written_in_the_staff_members_language():
    found, _broken = facts(host(languages=["fr"]), guest(languages=["es"], wish_to_practise=["fr"]), language="fr")

    # Names of languages come in the reader's language, in lower case inside a French sentence.
    assert "espagnol" in found["practise"] and "français" in found["practise"]


@pytest.fixture
def world():
    territory = TerritoryFactory(department=True)
    advisor = StaffMembershipFactory(organisation=association_covering(territory)).user
    profile = UserProfile.get_for_user(advisor)
    profile.preferred_language = "en"
    profile.save()
    the_host = approved("host", territory, services=["meals"], interests=["cooking", "music"])
    the_guest = approved("guest", territory, services=["meals", "company"], interests=["music", "cooking"])
    return territory, advisor, the_host, the_guest


def test_the_suggestions_screen_shows_the_facts_and_opens_each_guests_file(client, world):
    territory, advisor, the_host, the_guest = world
    client.force_login(advisor)

    page = client.get(reverse("pairings_pairing:suggestions", args=[the_host.pk])).content.decode()

    assert f'href="{reverse("workflow_application:inspect", args=[the_guest.pk])}"' in page
    assert "shared interests: music, cooking" in page
    assert "help hoped for: cooking together — offered: company in the evening, cooking together" in page
    assert "both speak French" in page
    assert "contribution asked: 80 EUR a month — the guest&#x27;s budget: 120 EUR" in page


def test_why_a_guest_is_not_suggested_opens_their_file_and_says_the_figures(client, world):
    territory, advisor, the_host, _the_guest = world
    pricey = approved("guest", territory, budget="50")
    client.force_login(advisor)

    page = client.get(
        reverse("pairings_pairing:suggestions", args=[the_host.pk]), {"why_not": pricey.pk}
    ).content.decode()

    assert f'href="{reverse("workflow_application:inspect", args=[pricey.pk])}"' in page
    assert "contribution asked: 80 EUR a month — the guest&#x27;s budget: 50 EUR" in page


def test_each_pair_of_the_global_proposal_opens_the_guests_file_and_shows_the_facts(client, world):
    territory, advisor, the_host, the_guest = world
    client.force_login(advisor)

    page = client.get(reverse("pairings_pairing:proposal_for", args=[territory.pk])).content.decode()

    assert f'href="{reverse("workflow_application:inspect", args=[the_guest.pk])}"' in page
    assert f'href="{reverse("workflow_application:inspect", args=[the_host.pk])}"' in page
    assert "shared interests: music, cooking" in page
