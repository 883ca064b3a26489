"""What is written reaches the other open pages at once, and a page that reconnects (after its
connection dropped, or the server restarted) receives what it missed: nothing lost, nothing
twice, in the order it was written. Read receipts, hidden messages and "is writing" travel too."""

import json

from asgiref.sync import async_to_sync
from django.test import TestCase

from conversations.realtime import announce
from conversations.services import conversation_of_file, message_hide, message_send

from .conftest import sign_in
from .socket import db, socket


def staff_sends(advisor, conversation, body):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return message_send(conversation_id=conversation.pk, body=body, user=advisor).pk


async def received(communicator, count, timeout=3):
    return [await communicator.receive_json_from(timeout=timeout) for _ in range(count)]


def test_a_message_sent_by_the_advisor_appears_on_the_applicant_s_page(client, sent_file, advisor, sockets):
    conversation = conversation_of_file(sent_file)
    sign_in(client, sent_file)

    async def scenario():
        async with socket(client, conversation.pk) as (communicator, connected, _code):
            assert connected
            message_id = await db(staff_sends)(
                advisor, conversation, "Bonjour <b>Marie</b>, voyez https://weshare.example/aide"
            )
            [payload] = await received(communicator, 1)
            assert await communicator.receive_nothing(timeout=0.3)
            return message_id, payload

    message_id, payload = async_to_sync(scenario)()
    assert payload["type"] == "message" and payload["id"] == message_id
    assert "Bonjour &lt;b&gt;Marie&lt;/b&gt;" in payload["html"]
    assert '<a href="https://weshare.example/aide" rel="nofollow">' in payload["html"]


def test_a_page_that_reconnects_receives_what_it_missed_once_and_in_order(client, sent_file, advisor, sockets):
    conversation = conversation_of_file(sent_file)
    sign_in(client, sent_file)
    first = staff_sends(advisor, conversation, "un")

    async def scenario():
        async with socket(client, conversation.pk, after=0) as (communicator, _connected, _code):
            [shown] = await received(communicator, 1)
        # The connection dropped; three messages are written meanwhile.
        missed = [await db(staff_sends)(advisor, conversation, word) for word in ("deux", "trois", "quatre")]
        async with socket(client, conversation.pk, after=shown["id"]) as (communicator, _connected, _code):
            caught_up = await received(communicator, 3)
            # The same event delivered twice, and one for a message already sent: nothing more.
            await db(announce)(conversation.pk, {"event": "message", "id": missed[-1]})
            await db(announce)(conversation.pk, {"event": "message", "id": missed[-1]})
            nothing_more = await communicator.receive_nothing(timeout=0.3)
        return shown, missed, caught_up, nothing_more

    shown, missed, caught_up, nothing_more = async_to_sync(scenario)()
    assert shown["id"] == first
    assert [payload["id"] for payload in caught_up] == missed
    assert nothing_more


def test_a_message_saved_while_the_page_catches_up_is_sent_once(client, sent_file, advisor, sockets):
    conversation = conversation_of_file(sent_file)
    sign_in(client, sent_file)
    ids = [staff_sends(advisor, conversation, f"message {n}") for n in range(5)]

    async def scenario():
        async with socket(client, conversation.pk, after=ids[1]) as (communicator, _connected, _code):
            late = await db(staff_sends)(advisor, conversation, "le dernier")
            payloads = await received(communicator, 4)
            return late, payloads, await communicator.receive_nothing(timeout=0.3)

    late, payloads, nothing_more = async_to_sync(scenario)()
    assert [payload["id"] for payload in payloads] == [*ids[2:], late]
    assert nothing_more


def test_the_writer_sees_when_the_other_has_read(client, sent_file, advisor, sockets):
    from django.test import Client

    conversation = conversation_of_file(sent_file)
    message_id = staff_sends(advisor, conversation, "Avez-vous reçu les papiers ?")
    sign_in(client, sent_file)
    staff = Client()
    staff.force_login(advisor)

    async def scenario():
        async with socket(staff, conversation.pk, after=message_id) as (advisor_page, _c, _code):
            async with socket(client, conversation.pk) as (applicant_page, _c2, _code2):
                await received(applicant_page, 1)
                await applicant_page.send_json_to({"type": "read", "id": message_id})
                return await advisor_page.receive_json_from(timeout=3)

    receipt = async_to_sync(scenario)()
    assert receipt == {"type": "read", "id": message_id}


def test_a_hidden_message_is_replaced_on_the_open_pages(client, sent_file, advisor, sockets):
    conversation = conversation_of_file(sent_file)
    message_id = staff_sends(advisor, conversation, "Mon numéro personnel : 06 12 34 56 78")
    sign_in(client, sent_file)

    def hide():
        with TestCase.captureOnCommitCallbacks(execute=True):
            message_hide(message_id=message_id, by=advisor, reason="Numéro personnel")

    async def scenario():
        async with socket(client, conversation.pk) as (communicator, _connected, _code):
            await received(communicator, 1)
            await db(hide)()
            return await communicator.receive_json_from(timeout=3)

    replaced = async_to_sync(scenario)()
    assert replaced["type"] == "replace" and replaced["id"] == message_id
    assert "06 12 34 56 78" not in replaced["html"]
    assert 'class="message-hidden"' in replaced["html"]


def test_the_other_side_sees_who_is_writing(client, sent_file, advisor, sockets):
    from django.test import Client

    conversation = conversation_of_file(sent_file)
    sign_in(client, sent_file)
    staff = Client()
    staff.force_login(advisor)
    advisor.first_name, advisor.last_name = "Camille", "Martin"
    advisor.save()

    async def scenario():
        async with socket(staff, conversation.pk) as (advisor_page, _c, _code):
            async with socket(client, conversation.pk) as (applicant_page, _c2, _code2):
                await advisor_page.send_json_to({"type": "typing"})
                shown = await applicant_page.receive_json_from(timeout=3)
                own = await advisor_page.receive_nothing(timeout=0.3)
                return shown, own

    shown, own = async_to_sync(scenario)()
    assert shown == {"type": "typing", "name": "Camille Martin"}
    assert own


def test_what_the_socket_sends_is_json_the_page_reads(client, sent_file, advisor, sockets):
    conversation = conversation_of_file(sent_file)
    staff_sends(advisor, conversation, "Bonjour")
    sign_in(client, sent_file)

    async def scenario():
        async with socket(client, conversation.pk) as (communicator, _connected, _code):
            return await communicator.receive_from(timeout=3)

    text = async_to_sync(scenario)()
    assert set(json.loads(text)) == {"type", "id", "html"}
