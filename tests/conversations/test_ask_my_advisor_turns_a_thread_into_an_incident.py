"""In a pairing's conversation, "ask my advisor" sends a question with the last messages quoted
to the pairing's page, where the advisor records it as an incident of the pairing."""

from django.urls import reverse

from audit.models import AuditEvent
from conversations.models import Question
from conversations.services import conversation_of_file, conversation_of_pairing
from pairings.models import FollowUpNote

from .conftest import sign_in


def test_the_guest_asks_and_the_question_quotes_the_last_messages(client, pairing, advisor):
    conversation = conversation_of_pairing(pairing)
    sign_in(client, pairing.guest)
    page = reverse("applicant_conversation", args=[conversation.pk])
    client.post(page, {"body": "La porte de ma chambre ne ferme plus."})

    response = client.post(
        reverse("applicant_conversation_ask", args=[conversation.pk]), {"question": "Pouvez-vous venir voir ?"}
    )

    assert response.status_code == 302 and response.url == page
    asked = Question.objects.get()
    assert asked.question == "Pouvez-vous venir voir ?"
    assert "La porte de ma chambre ne ferme plus." in asked.quoted
    assert pairing.guest.first_name in asked.quoted
    assert AuditEvent.objects.filter(action="conversation.advisor_asked", pairing_id=pairing.pk).count() == 1


def test_the_pairing_page_shows_the_question_and_the_advisor_records_it_as_an_incident(client, pairing, advisor):
    conversation = conversation_of_pairing(pairing)
    sign_in(client, pairing.host)
    client.post(reverse("applicant_conversation", args=[conversation.pk]), {"body": "Il rentre à 3 h du matin."})
    client.post(reverse("applicant_conversation_ask", args=[conversation.pk]), {"question": "Que faire ?"})
    asked = Question.objects.get()

    client.force_login(advisor)
    pairing_page = client.get(reverse("pairings_pairing:inspect", args=[pairing.pk])).content.decode()
    assert "Que faire ?" in pairing_page and "Il rentre à 3 h du matin." in pairing_page

    response = client.post(reverse("conversation_question_incident", args=[asked.pk]))

    assert response.status_code == 302
    note = FollowUpNote.objects.get(pairing=pairing)
    assert note.kind == "incident" and note.author == advisor
    assert "Que faire ?" in note.text and "Il rentre à 3 h du matin." in note.text
    asked.refresh_from_db()
    assert asked.handled_by == advisor
    after = client.get(reverse("pairings_pairing:inspect", args=[pairing.pk])).content.decode()
    assert reverse("conversation_question_incident", args=[asked.pk]) not in after


def test_recording_twice_makes_one_incident(client, pairing, advisor):
    conversation = conversation_of_pairing(pairing)
    asked = Question.objects.create(conversation=conversation, asked_by="person:1", question="Bruit")
    client.force_login(advisor)

    for _ in range(2):
        client.post(reverse("conversation_question_incident", args=[asked.pk]))

    assert FollowUpNote.objects.filter(pairing=pairing).count() == 1


def test_an_empty_question_is_refused_and_nothing_is_sent(client, pairing):
    conversation = conversation_of_pairing(pairing)
    sign_in(client, pairing.guest)

    response = client.post(
        reverse("applicant_conversation_ask", args=[conversation.pk]), {"question": "  "}, follow=True
    )

    assert not Question.objects.exists()
    assert response.status_code == 200 and 'class="messages"' in response.content.decode()


def test_a_file_s_conversation_has_no_question_to_ask(client, sent_file):
    conversation = conversation_of_file(sent_file)
    sign_in(client, sent_file)

    client.post(reverse("applicant_conversation_ask", args=[conversation.pk]), {"question": "Bonjour ?"})

    assert not Question.objects.exists()


def test_the_pension_office_may_not_record_the_incident(client, pairing, officer):
    asked = Question.objects.create(conversation=conversation_of_pairing(pairing), asked_by="person:1", question="?")
    client.force_login(officer)

    assert client.post(reverse("conversation_question_incident", args=[asked.pk])).status_code == 403
    assert not FollowUpNote.objects.exists()


def test_someone_outside_the_pairing_cannot_ask(client, pairing, sent_file):
    conversation = conversation_of_pairing(pairing)
    sign_in(client, sent_file)

    response = client.post(reverse("applicant_conversation_ask", args=[conversation.pk]), {"question": "?"})

    assert response.status_code == 404
    assert not Question.objects.exists()
