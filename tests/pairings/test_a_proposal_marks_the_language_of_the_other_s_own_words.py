"""What the other person wrote themselves stays in their language, and the page says which, so
that a screen reader reads it with the right voice and a browser can offer to translate it."""

import pytest

from .test_a_proposal_describes_the_other_person import one_line, proposal_page, propose


@pytest.fixture
def client(committing_client):
    return committing_client


def test_a_spanish_guest_reads_the_french_host_s_room_marked_as_french(client):
    pairing = propose(
        host_answers={"room": "Chambre au calme, côté jardin", "room_size": 14},
        host={"first_name": "Jeanne", "language": "fr"},
        guest={"language": "es"},
    )

    page = one_line(proposal_page(client, pairing, "guest"))

    assert '<div class="own-words" lang="fr"><p>Chambre au calme, côté jardin</p></div>' in page


def test_a_french_host_reads_the_spanish_guest_s_own_words_marked_as_spanish(client):
    pairing = propose(
        guest_answers={"motivation": "Me encanta cocinar.", "preferences": "Un barrio tranquilo."},
        host={"language": "fr"},
        guest={"first_name": "Lucía", "language": "es"},
    )

    page = one_line(proposal_page(client, pairing, "host"))

    assert '<div class="own-words" lang="es"><p>Me encanta cocinar.</p></div>' in page
    assert '<div class="own-words" lang="es"><p>Un barrio tranquilo.</p></div>' in page
