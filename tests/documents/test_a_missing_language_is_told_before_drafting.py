"""A party whose language has no convention template in the host's country never receives a
convention in another language: the advisor is told which text is missing, and drafting refuses."""

import pytest
from wagtail import hooks

from documents.conventions.services import LanguageMissing, convention_languages_missing, convention_render
from documents.models import Convention
from pairings.services import pairing_act, pairing_answer, pairing_propose
from tests.documents.conftest import _approved


@pytest.fixture
def spanish_guest_pairing(territory, advisor, officer, templates):
    """Templates in French and Italian only; the guest reads Spanish."""
    host = _approved("host", territory, language="fr", first_name="Monique", last_name="Durand")
    guest = _approved("guest", territory, language="es", first_name="Lucía", last_name="García")
    pairing = pairing_propose(host=host, guest=guest, by=advisor)
    for party in ("guest", "host"):
        pairing_answer(pairing_id=pairing.pk, party=party, accept=True)
    for action in ("schedule_meeting", "start_trial"):
        pairing = pairing_act(pairing_id=pairing.pk, action=action, by=advisor)
    return pairing


def test_the_missing_language_is_named(spanish_guest_pairing):
    assert convention_languages_missing(spanish_guest_pairing) == ["es"]


def test_the_pairing_page_can_warn_through_the_documents_hook(spanish_guest_pairing):
    warnings = [w for hook in hooks.get_hooks("pairing_warnings") for w in hook(spanish_guest_pairing)]

    assert len(warnings) == 1
    assert spanish_guest_pairing.host.country.name in warnings[0]
    assert "Español" in warnings[0]  # the language as its readers name it


def test_rendering_refuses_instead_of_a_french_only_convention(spanish_guest_pairing):
    with pytest.raises(LanguageMissing) as refused:
        convention_render(pairing_id=spanish_guest_pairing.pk)

    assert "modèle" in str(refused.value.message) or "template" in str(refused.value.message)
    assert not Convention.objects.filter(pairing=spanish_guest_pairing).exists()


def test_a_pair_whose_languages_both_have_a_template_is_not_warned(pairing):
    assert convention_languages_missing(pairing) == []
    assert [w for hook in hooks.get_hooks("pairing_warnings") for w in hook(pairing)] == []


def test_the_advisor_reads_the_warning_on_the_pairings_page_before_drafting(spanish_guest_pairing, advisor, client):
    from django.urls import reverse

    client.force_login(advisor)

    page = client.get(reverse("pairings_pairing:inspect", args=[spanish_guest_pairing.pk])).content.decode()

    assert "help-warning" in page and "Español" in page
