"""Once a person is proposed to an approved applicant, the space no longer says the advisor is
still looking: it points to the pairing, which says what comes next."""

from django.utils import translation

from pairings.services import pairing_act, pairing_answer, pairing_propose
from workflow.space import what_next

from .conftest import approved

STILL_LOOKING = "Your advisor looks for the right person for you"


def test_an_approved_file_without_a_pairing_says_the_advisor_is_looking(territory):
    guest = approved("guest", territory)

    with translation.override("en"):
        assert what_next(guest).startswith(STILL_LOOKING)


def test_an_accepted_pairing_is_what_comes_next_for_both_files(territory, advisor):
    host, guest = approved("host", territory), approved("guest", territory)
    pairing = pairing_propose(host=host, guest=guest, by=advisor)
    for party in ("guest", "host"):
        pairing_answer(pairing_id=pairing.pk, party=party, accept=True)

    with translation.override("en"):
        for application in (host, guest):
            sentence = what_next(application)
            assert STILL_LOOKING not in sentence
            assert "Your homesharing" in sentence


def test_a_declined_proposal_leaves_the_advisor_looking_again(territory, advisor):
    host, guest = approved("host", territory), approved("guest", territory)
    pairing = pairing_propose(host=host, guest=guest, by=advisor)
    pairing_answer(pairing_id=pairing.pk, party="guest", accept=False, reason="Too far from my school")

    with translation.override("en"):
        assert what_next(guest).startswith(STILL_LOOKING)


def test_a_pairing_under_way_is_what_comes_next(territory, advisor):
    host, guest = approved("host", territory), approved("guest", territory)
    pairing = pairing_propose(host=host, guest=guest, by=advisor)
    for party in ("guest", "host"):
        pairing_answer(pairing_id=pairing.pk, party=party, accept=True)
    pairing_act(pairing_id=pairing.pk, action="schedule_meeting", by=advisor)

    with translation.override("en"):
        assert "Your homesharing" in what_next(host)
