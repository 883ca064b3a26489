"""On PostgreSQL the sockets store messages through asynchronous connections of their own, in
one exchange with the database, under the pages' rules: the message before it named, one
message per sender's reference, the rate per minute, nothing stored in a conversation that is
not there; and the page that sent it, like the other side, receives it."""

import uuid

import pytest
from asgiref.sync import async_to_sync

from conversations import loop_store
from conversations.exceptions import ConversationNotFound, MessageRefused
from conversations.models import Message, ReadMark
from conversations.services import Author, author_of, conversation_of_file
from workflow.applicant_session import SignedInApplicant

from .conftest import sign_in
from .socket import socket

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("postgresql")]


def store(author, body, client_id=None):
    async def run():
        try:
            return await loop_store.message_store(author, body, client_id)
        finally:
            await loop_store.close()

    return async_to_sync(run)()


@pytest.fixture
def conversation(sent_file):
    return conversation_of_file(sent_file)


@pytest.fixture
def applicant(conversation, sent_file):
    person = SignedInApplicant(person_id=sent_file.person_id, application_ids=frozenset({sent_file.pk}))
    return author_of(conversation, applicant=person)


def test_a_message_is_stored_with_the_one_before_it_and_marks_its_author_s_reading(applicant, conversation):
    first, created_first = store(applicant, "Bonjour")
    second, created_second = store(applicant, "  Je serai là à 18 h  ")

    assert created_first and created_second
    assert first.previous_id == 0 and second.previous_id == first.pk
    assert list(conversation.messages.order_by("pk").values_list("body", "author_person_id")) == [
        ("Bonjour", applicant.person_id),
        ("Je serai là à 18 h", applicant.person_id),
    ]
    assert ReadMark.objects.get(conversation=conversation, reader=applicant.reader).last_read == second.pk


def test_a_resend_with_the_same_reference_is_stored_once(applicant):
    reference = str(uuid.uuid4())

    first, created = store(applicant, "Bonjour", reference)
    again, created_again = store(applicant, "Bonjour", reference)

    assert created and not created_again
    assert again.pk == first.pk
    assert Message.objects.count() == 1


def test_a_reference_cannot_be_taken_from_another_sender(applicant, conversation, advisor):
    reference = str(uuid.uuid4())
    store(author_of(conversation, user=advisor), "Bonjour", reference)

    with pytest.raises(MessageRefused):
        store(applicant, "Autre chose", reference)
    assert list(Message.objects.values_list("body", flat=True)) == ["Bonjour"]


def test_too_many_messages_in_a_minute_are_refused_with_the_reason(applicant, settings):
    settings.CONVERSATION_MESSAGES_PER_MINUTE = 2
    store(applicant, "Un")
    store(applicant, "Deux")

    with pytest.raises(MessageRefused) as refusal:
        store(applicant, "Trois")
    assert "attendez une minute" in str(refusal.value.message)  # the tests speak French
    assert Message.objects.count() == 2


def test_an_empty_message_is_refused_before_the_database(applicant):
    with pytest.raises(MessageRefused):
        store(applicant, "   ")
    assert not Message.objects.exists()


def test_nothing_is_stored_in_a_conversation_that_is_not_there(applicant):
    missing = Author(conversation_id=10**9, reader=applicant.reader, person_id=applicant.person_id)

    with pytest.raises(ConversationNotFound):
        store(missing, "Bonjour")
    assert not Message.objects.exists()


def test_a_message_sent_over_the_socket_reaches_both_pages(client, sent_file, conversation, sockets, settings):
    settings.CONVERSATION_STORE_ON_LOOP = True
    sign_in(client, sent_file)
    reference = str(uuid.uuid4())

    async def scenario():
        try:
            async with socket(client, conversation.pk) as (page, connected, _code):
                assert connected
                await page.send_json_to({"type": "send", "body": "Je serai là", "client_id": reference})
                return [await page.receive_json_from(timeout=5) for _ in range(2)]
        finally:
            await loop_store.close()

    answers = async_to_sync(scenario)()
    message = Message.objects.get()
    assert message.body == "Je serai là" and str(message.client_id) == reference
    assert {"type": "sent", "id": message.pk, "client_id": reference} in answers
    shown = next(answer for answer in answers if answer["type"] == "message")
    assert shown["id"] == message.pk and "Je serai là" in shown["html"]
