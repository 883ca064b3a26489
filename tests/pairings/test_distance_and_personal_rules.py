"""Distance, gender, accessibility and age rules exclude a pair; the soft criteria add to its score."""

from datetime import timedelta
from types import SimpleNamespace

import pytest

from pairings.geo import distance_km, locate
from pairings.matching.engine import Rules, Weights, explain, top_k_guests
from pairings.matching.features import guests_side, hosts_side

from .test_matching_engine import guest, host

FRANCE = SimpleNamespace(code="FR")
RULES = Rules(minimum_stay_days=90, max_distance_km=20, host_min_age=60, guest_min_age=18, guest_max_age=30)


def located(file, country=FRANCE, born=None):
    file.country = country
    file.birth_date = born
    return file


def explained(h, g, rules=RULES, weights=None):
    return explain(hosts_side([h]), 0, guests_side([g]), 0, weights=weights or Weights(), rules=rules)


def broken(h, g, rules=RULES):
    return [c["constraint"] for c in explained(h, g, rules)["excluded_because"]]


def only(name):
    weights = dict.fromkeys(Weights().as_dict(), 0)
    weights[name] = 1
    return Weights(**weights)


def criterion(explanation, name):
    return next(p for p in explanation["criteria"] if p["criterion"] == name)


def test_postcodes_are_located_offline_from_the_shipped_table():
    bordeaux, talence, perigueux = locate("FR", "33000"), locate("fr", " 33 405 "), locate("FR", "24000")

    assert 2 < distance_km(bordeaux, talence) < 8
    assert 90 < distance_km(bordeaux, perigueux) < 130
    assert locate("FR", "99999") is None
    assert locate("PT", "1000-123") == locate("PT", "1000")


def test_a_home_within_the_countrys_distance_of_the_place_of_study_may_be_in_another_territory():
    h = located(host(postcode="33200", territory=1))
    g = located(guest(institution_postcode="33405", territory=2))

    explanation = explained(h, g)

    assert explanation["suggested"]
    assert 5 < explanation["distance_km"] < 15


def test_a_home_too_far_from_the_place_of_study_is_excluded_even_in_the_same_territory():
    h = located(host(postcode="33120"))  # Arcachon
    g = located(guest(institution_postcode="33405"))  # Talence campus

    assert broken(h, g) == ["distance"]
    assert broken(h, g, Rules(minimum_stay_days=90, max_distance_km=80)) == []


def test_without_postcodes_or_distance_rule_the_territory_decides():
    h, g = located(host(postcode="33120")), located(guest(institution_postcode="33405", territory=2))

    assert broken(h, g, Rules(max_distance_km=0)) == ["territory"]
    assert broken(located(host()), located(guest(territory=2))) == ["territory"]


@pytest.mark.parametrize(
    ("host_answers", "guest_answers", "allowed"),
    [
        ({"guest_gender": "woman"}, {"gender": "woman"}, True),
        ({"guest_gender": "woman"}, {"gender": "man"}, False),
        ({"guest_gender": "woman"}, {}, False),
        ({"gender": "man"}, {"host_gender": "woman"}, False),
        ({"gender": "woman"}, {"host_gender": "woman"}, True),
        ({"guest_gender": "any"}, {"gender": "other", "host_gender": "any"}, True),
    ],
)
def test_gender_wishes_are_respected_on_both_sides(host_answers, guest_answers, allowed):
    assert (broken(host(**host_answers), guest(**guest_answers)) == []) is allowed
    if not allowed:
        assert broken(host(**host_answers), guest(**guest_answers)) == ["gender"]


def test_a_guest_needing_a_home_without_steps_is_only_paired_with_such_a_home():
    assert broken(host(step_free=False), guest(needs_step_free=True)) == ["accessibility"]
    assert broken(host(step_free=True), guest(needs_step_free=True)) == []
    assert broken(host(step_free=False), guest(needs_step_free=False)) == []


def test_the_countrys_ages_are_checked_at_the_start_of_the_stay(today):
    start = today + timedelta(days=10)
    young_host = located(host(), born=start - timedelta(days=int(59 * 365.25)))
    senior = located(host(), born=start - timedelta(days=int(70 * 365.25)))
    thirty_at_arrival = located(guest(), born=start - timedelta(days=int(30 * 365.25) + 2))
    twenty = located(guest(), born=start - timedelta(days=int(20 * 365.25)))

    assert broken(young_host, twenty) == ["ages"]
    assert broken(senior, thirty_at_arrival) == ["ages"]
    assert broken(senior, twenty) == []


def test_each_soft_criterion_counts_for_its_weight_only():
    h = host(services=["company", "digital"], interests=["reading", "music"], languages=["fr", "es"])
    helpful = guest(services=["company", "digital"], interests=["reading", "music"], wish_to_practise=["es"])
    unhelpful = guest(services=["garden"], interests=["sport"], wish_to_practise=["de"])

    for name in ("services", "interests", "practise"):
        good = criterion(explained(h, helpful, weights=only(name)), name)
        bad = criterion(explained(h, unhelpful, weights=only(name)), name)
        assert (good["value"], good["points"]) == (1.0, 100.0), name
        assert (bad["value"], bad["points"]) == (0.0, 0.0), name
        assert explained(h, helpful, weights=only(name))["score"] == 100.0


def test_half_the_hoped_for_help_gives_half_the_services_criterion():
    h = host(services=["company", "digital"])

    assert criterion(explained(h, guest(services=["company"])), "services")["value"] == 0.5
    assert criterion(explained(host(services=[]), guest(services=[])), "services")["value"] == 1.0


def test_a_home_closer_to_the_place_of_study_scores_higher():
    g = located(guest(institution_postcode="33405"))  # Talence campus
    near, farther = located(host(postcode="33400")), located(host(postcode="33110"))  # Talence, Le Bouscat

    near_value = criterion(explained(near, g, weights=only("distance")), "distance")["value"]
    farther_value = criterion(explained(farther, g, weights=only("distance")), "distance")["value"]

    assert 0.8 < near_value <= 1
    assert 0 < farther_value < near_value
    assert criterion(explained(host(), guest()), "distance")["value"] == 0.5  # not measurable: neutral


def test_the_wish_to_practise_the_hosts_language_ranks_a_guest_first():
    h = host(languages=["fr", "it"])
    keen = guest(languages=["fr"], wish_to_practise=["it"])
    other = guest(languages=["fr"], wish_to_practise=[])

    found = top_k_guests(hosts_side([h]), 0, guests_side([other, keen]), weights=Weights(), rules=RULES, k=2)

    assert [index for index, _score in found] == [1, 0]


def test_the_explanation_names_every_criterion_in_the_staff_members_language():
    from django.utils import translation

    with translation.override("fr"):
        labels = [str(part["label"]) for part in explained(host(), guest())["criteria"]]
        excluded = [
            str(c["label"]) for c in explained(host(step_free=False), guest(needs_step_free=True))["excluded_because"]
        ]

    assert "centres d'intérêt communs" in labels
    assert len(labels) == 8
    assert excluded == ["la personne accueillie a besoin d'un logement sans marches"]


def test_a_guest_without_an_arrival_date_is_judged_on_their_age_today(today):
    g = located(guest(start_date=""), born=today - timedelta(days=int(21 * 365.25)))

    assert broken(located(host(), born=today - timedelta(days=int(70 * 365.25))), g) == []


@pytest.mark.parametrize(
    ("name", "better_answers", "worse_answers"),
    [
        ("languages", {"languages": ["fr", "en"]}, {"languages": ["fr", "de", "pt"]}),
        ("presence", {"evenings_per_week": 3}, {"evenings_per_week": 0}),
        ("budget", {"budget": "150"}, {"budget": "105"}),
        ("stay", {"end_date": timedelta(days=300)}, {"end_date": timedelta(days=800)}),
    ],
)
def test_each_historical_criterion_alone_makes_the_whole_score(name, better_answers, worse_answers):
    h = host(languages=["fr", "en"], evenings_per_week=3, contribution="100")
    better, worse = guest(**better_answers), guest(**worse_answers)

    good, poor = explained(h, better, weights=only(name)), explained(h, worse, weights=only(name))

    assert good["score"] == pytest.approx(criterion(good, name)["value"] * 100, abs=0.2)
    assert criterion(good, name)["value"] > criterion(poor, name)["value"]
    assert good["score"] > poor["score"]
