"""A page shows a new message from its announcement only when it shows the message before it;
an announcement that comes late, twice or ahead of another makes the page read what it missed
from the database instead: each message once, in order, rendered for its reader."""

from asgiref.sync import async_to_sync
from django.test import TestCase

from conversations.realtime import announce
from conversations.services import author_in, conversation_of_file, message_event, message_store

from .conftest import sign_in
from .socket import db, socket


def stored_quietly(advisor, conversation, body):
    """Stored without telling anyone: the announcement is the test's to make."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        author = author_in(conversation.pk, user=advisor)
        message, _created = message_store(author, body)
    return message_event(message, author)


def test_announcements_out_of_order_still_give_each_message_once_in_order(client, sent_file, advisor, sockets):
    conversation = conversation_of_file(sent_file)
    sign_in(client, sent_file)

    async def scenario():
        async with socket(client, conversation.pk) as (communicator, connected, _code):
            assert connected
            first = await db(stored_quietly)(advisor, conversation, "un")
            second = await db(stored_quietly)(advisor, conversation, "deux")
            # The second is announced before the first, then the first, then the second again.
            for event in (second, first, second):
                await db(announce)(conversation.pk, event)
            payloads = [await communicator.receive_json_from(timeout=3) for _ in range(2)]
            return first, second, payloads, await communicator.receive_nothing(timeout=0.3)

    first, second, payloads, nothing_more = async_to_sync(scenario)()
    assert [payload["id"] for payload in payloads] == [first["id"], second["id"]]
    assert "un" in payloads[0]["html"] and "deux" in payloads[1]["html"]
    assert nothing_more


def test_a_message_that_follows_is_rendered_from_its_announcement(client, sent_file, advisor, sockets):
    conversation = conversation_of_file(sent_file)
    sign_in(client, sent_file)

    async def scenario():
        async with socket(client, conversation.pk) as (communicator, _connected, _code):
            event = await db(stored_quietly)(advisor, conversation, "Bonjour <b>Marie</b>")
            # What the announcement says is what the page shows: no database needed.
            await db(announce)(conversation.pk, {**event, "body": "Texte de l'annonce"})
            return event, await communicator.receive_json_from(timeout=3)

    event, payload = async_to_sync(scenario)()
    assert payload["id"] == event["id"] and event["previous"] == 0
    assert "Texte de l&#x27;annonce" in payload["html"] or "Texte de l'annonce" in payload["html"]
    assert "advisor" in payload["html"] or "conseill" in payload["html"]
