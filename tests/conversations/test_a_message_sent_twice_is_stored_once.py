"""Each message carries a reference made by the sender's page: sent again after a timeout (by
the form or over the socket), it is stored once, and the sender is told the same message."""

import uuid

import pytest
from asgiref.sync import async_to_sync
from django.urls import reverse

from conversations.models import Message
from conversations.services import conversation_of_file, message_send

from .conftest import sign_in
from .socket import socket


def test_the_form_posted_twice_with_the_same_reference_stores_one_message(client, sent_file):
    conversation = conversation_of_file(sent_file)
    sign_in(client, sent_file)
    address = reverse("applicant_conversation", args=[conversation.pk])
    reference = str(uuid.uuid4())

    first = client.post(address, {"body": "Bonjour", "client_id": reference}, headers={"X-Requested-With": "fetch"})
    again = client.post(address, {"body": "Bonjour", "client_id": reference}, headers={"X-Requested-With": "fetch"})

    assert first.status_code == again.status_code == 200
    assert first.json() == again.json() == {"id": Message.objects.get().pk}


def test_the_page_s_form_carries_a_fresh_reference(client, sent_file):
    conversation = conversation_of_file(sent_file)
    sign_in(client, sent_file)
    address = reverse("applicant_conversation", args=[conversation.pk])

    first, second = client.get(address), client.get(address)

    assert first.context["client_id"] != second.context["client_id"]
    assert f'name="client_id" value="{second.context["client_id"]}"' in second.content.decode()


def test_a_message_resent_over_the_socket_is_answered_with_the_first_one(client, sent_file, sockets):
    conversation = conversation_of_file(sent_file)
    sign_in(client, sent_file)
    reference = str(uuid.uuid4())

    async def scenario():
        async with socket(client, conversation.pk) as (communicator, connected, _code):
            assert connected
            await communicator.send_json_to({"type": "send", "body": "Je serai là", "client_id": reference})
            answers = [await communicator.receive_json_from(timeout=3) for _ in range(2)]
            await communicator.send_json_to({"type": "send", "body": "Je serai là", "client_id": reference})
            again = await communicator.receive_json_from(timeout=3)
            return answers, again, await communicator.receive_nothing(timeout=0.3)

    answers, again, nothing_more = async_to_sync(scenario)()
    message = Message.objects.get()
    assert {"type": "sent", "id": message.pk, "client_id": reference} in answers
    assert again == {"type": "sent", "id": message.pk, "client_id": reference}
    assert nothing_more  # shown once


def test_another_sender_cannot_reuse_a_reference(sent_file, advisor):
    conversation = conversation_of_file(sent_file)
    reference = str(uuid.uuid4())
    from conversations.exceptions import MessageRefused
    from workflow.applicant_session import SignedInApplicant

    message_send(conversation_id=conversation.pk, body="Bonjour", user=advisor, client_id=reference)
    applicant = SignedInApplicant(person_id=sent_file.person_id, application_ids=frozenset({sent_file.pk}))
    with pytest.raises(MessageRefused):
        message_send(conversation_id=conversation.pk, body="Autre", applicant=applicant, client_id=reference)
    assert list(Message.objects.values_list("body", flat=True)) == ["Bonjour"]


def test_a_reference_that_is_not_one_is_ignored(sent_file, advisor):
    conversation = conversation_of_file(sent_file)

    for _ in range(2):
        message_send(conversation_id=conversation.pk, body="Bonjour", user=advisor, client_id="<script>")

    assert Message.objects.count() == 2
    assert not Message.objects.filter(client_id__isnull=False).exists()
