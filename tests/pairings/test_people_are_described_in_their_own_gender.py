"""Where a language marks it, a person is described in their own gender; otherwise in words that name none."""

import pytest
from django.urls import reverse
from django.utils import translation

from .test_a_proposal_describes_the_other_person import one_line, proposal_page, propose
from .test_applicants_answer_proposals import sign_in

GUEST = {"programme": "student", "city": "Bordeaux", "languages": ["fr", "en"], "motivation": "Partager."}
HOST = {"languages": ["fr"], "services": ["errands"]}


@pytest.fixture
def client(committing_client):
    return committing_client


def test_a_woman_guest_is_a_student_who_speaks_and_can_be_present(client):
    page = one_line(proposal_page(client, propose(guest_answers={**GUEST, "gender": "woman"}), "host"))

    assert "Étudiante à Bordeaux" in page
    assert "Elle parle français et anglais." in page
    assert "Elle peut être présente 3 soirs par semaine." in page
    assert "dit d&#x27;elle-même" in page


def test_a_man_guest_is_a_student_who_speaks_and_can_be_present(client):
    page = one_line(proposal_page(client, propose(guest_answers={**GUEST, "gender": "man"}), "host"))

    assert "Étudiant à Bordeaux" in page and "Étudiante" not in page
    assert "Il parle français et anglais." in page
    assert "Il peut être présent 3 soirs par semaine." in page
    assert "dit de lui-même" in page


def test_a_woman_host_and_a_man_host_are_each_described_in_their_own_gender(client):
    woman = one_line(proposal_page(client, propose(host_answers={**HOST, "gender": "woman"}), "guest"))
    client.post(reverse("applicant_sign_out"))
    man = one_line(proposal_page(client, propose(host_answers={**HOST, "gender": "man"}), "guest"))

    assert "Elle parle français." in woman and "Elle apprécierait : petites courses." in woman
    assert "Il parle français." in man and "Il apprécierait : petites courses." in man


@pytest.mark.parametrize("gender", [None, "other"])
def test_someone_who_did_not_say_is_described_in_words_that_name_no_gender(client, gender):
    page = one_line(proposal_page(client, propose(guest_answers={**GUEST, "gender": gender}), "host"))

    assert "Fait des études à Bordeaux" in page
    assert "Langues parlées : français et anglais." in page
    assert "Présence possible : 3 soirs par semaine." in page
    assert "Avec les mots de" in page
    for gendered in ("Étudiant", "Elle ", "Il ", "présente", "présent "):
        assert gendered not in page


@pytest.mark.parametrize(
    ("language", "woman", "man"),
    [
        ("de", "Studentin in Bordeaux", "Student in Bordeaux"),
        ("it", "Studentessa a Bordeaux", "Studente a Bordeaux"),
    ],
)
def test_other_languages_mark_the_gender_too(client, language, woman, man):
    pages = {}
    for gender in ("woman", "man"):
        pairing = propose(guest_answers={**GUEST, "gender": gender})
        sign_in(client, pairing.host)
        with translation.override(language):
            pages[gender] = client.get(reverse("applicant_pairing", args=[pairing.pk])).content.decode()
        client.post(reverse("applicant_sign_out"))

    assert woman in pages["woman"] and man in pages["man"]
    assert woman not in pages["man"]
