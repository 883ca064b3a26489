"""Where websockets are blocked, the conversation's page asks its own address for the messages
after the last one it shows, every few seconds: it gets them once, in order, with how far the
others have read, and nobody else's conversation answers."""

from django.test import TestCase
from django.urls import reverse

from conversations.models import ReadMark
from conversations.services import conversation_of_file, mark_read, message_send, person_reader, staff_reader

from .conftest import sign_in

ASKS = {"X-Requested-With": "fetch"}


def advisor_writes(advisor, conversation, body):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return message_send(conversation_id=conversation.pk, body=body, user=advisor).pk


def test_the_applicant_s_page_gets_what_came_after_its_last_message(client, sent_file, advisor):
    conversation = conversation_of_file(sent_file)
    first = advisor_writes(advisor, conversation, "Bonjour")
    later = [advisor_writes(advisor, conversation, word) for word in ("Avez-vous", "reçu ?")]
    sign_in(client, sent_file)
    address = reverse("applicant_conversation", args=[conversation.pk])

    asked = client.get(address, {"after": first}, headers=ASKS)

    assert asked.status_code == 200
    assert [payload["id"] for payload in asked.json()["messages"]] == later
    assert "reçu ?" in asked.json()["messages"][-1]["html"]
    # What it received counts as read.
    assert ReadMark.objects.get(reader=person_reader(sent_file.person_id)).last_read == later[-1]
    assert client.get(address, {"after": later[-1]}, headers=ASKS).json()["messages"] == []


def test_the_advisor_s_page_learns_how_far_the_applicant_has_read(client, sent_file, advisor):
    conversation = conversation_of_file(sent_file)
    message_id = advisor_writes(advisor, conversation, "Bonjour")
    mark_read(conversation, person_reader(sent_file.person_id), message_id)  # her page showed it
    client.force_login(advisor)

    asked = client.get(reverse("conversation_admin", args=[conversation.pk]), {"after": message_id}, headers=ASKS)

    assert asked.json() == {"messages": [], "read": message_id}
    assert not ReadMark.objects.filter(reader=staff_reader(advisor), last_read__gt=message_id).exists()


def test_a_nonsense_last_message_asks_from_the_start(client, sent_file, advisor):
    conversation = conversation_of_file(sent_file)
    message_id = advisor_writes(advisor, conversation, "Bonjour")
    sign_in(client, sent_file)

    asked = client.get(reverse("applicant_conversation", args=[conversation.pk]), {"after": "x'"}, headers=ASKS)

    assert [payload["id"] for payload in asked.json()["messages"]] == [message_id]


def test_someone_else_s_conversation_answers_nothing(client, sent_file, territory):
    from tests.workflow.factories import ApplicationFactory, set_state

    conversation = conversation_of_file(sent_file)
    other = set_state(ApplicationFactory(territory=territory, country=territory.country), "submitted")
    sign_in(client, other)

    asked = client.get(reverse("applicant_conversation", args=[conversation.pk]), {"after": 0}, headers=ASKS)

    assert asked.status_code == 404
