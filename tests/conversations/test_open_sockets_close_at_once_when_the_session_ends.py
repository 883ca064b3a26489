"""An open socket does not wait for its periodic check: it closes at once when its session ends
(signed out), when the staff member loses the right, when the applicant's file leaves the
conversation's reach, and by itself at the session's limit."""

import time

from asgiref.sync import async_to_sync
from django.test import TestCase

from conversations.consumers import ENDED
from conversations.services import conversation_of_file

from .conftest import sign_in
from .socket import db, socket


def committed(function):
    """``function`` as its own transaction: what it queues for after the commit happens."""

    def run():
        with TestCase.captureOnCommitCallbacks(execute=True):
            function()

    return run


def closes_after(client, conversation, change):
    async def scenario():
        async with socket(client, conversation.pk) as (communicator, connected, _code):
            assert connected
            await communicator.receive_nothing(timeout=0.1)
            await db(committed(change))()
            return await communicator.receive_output(timeout=3)

    return async_to_sync(scenario)()


def test_signing_out_closes_the_applicant_s_socket(client, sent_file, settings, sockets):
    settings.CONVERSATION_RECHECK_SECONDS = 300
    conversation = conversation_of_file(sent_file)
    sign_in(client, sent_file)

    assert closes_after(client, conversation, client.logout) == {"type": "websocket.close", "code": ENDED}


def test_losing_the_membership_closes_the_advisor_s_socket(client, sent_file, advisor, settings, sockets):
    from workflow.models import StaffMembership

    settings.CONVERSATION_RECHECK_SECONDS = 300
    conversation = conversation_of_file(sent_file)
    client.force_login(advisor)

    def withdraw():
        for membership in StaffMembership.objects.filter(user=advisor):
            membership.delete()

    assert closes_after(client, conversation, withdraw) == {"type": "websocket.close", "code": ENDED}


def test_a_deactivated_account_closes_the_advisor_s_socket(client, sent_file, advisor, settings, sockets):
    settings.CONVERSATION_RECHECK_SECONDS = 300
    conversation = conversation_of_file(sent_file)
    client.force_login(advisor)

    def deactivate():
        advisor.is_active = False
        advisor.save(update_fields=["is_active"])

    assert closes_after(client, conversation, deactivate) == {"type": "websocket.close", "code": ENDED}


def test_the_socket_closes_itself_at_the_session_s_idle_limit(client, sent_file, settings, sockets, monkeypatch):
    import types

    settings.CONVERSATION_RECHECK_SECONDS = 300
    conversation = conversation_of_file(sent_file)
    sign_in(client, sent_file)
    session = client.session
    session["_started_at"] = session["_last_seen_at"] = int(time.time())
    session.save()

    async def scenario():
        async with socket(client, conversation.pk) as (communicator, connected, _code):
            assert connected
            await communicator.receive_nothing(timeout=0.1)
            # The page stays open past the session's idle limit, then the reader types.
            later = time.time() + settings.SESSION_IDLE_SECONDS + 5
            monkeypatch.setattr(
                "conversations.consumers.time", types.SimpleNamespace(time=lambda: later, monotonic=time.monotonic)
            )
            await communicator.send_json_to({"type": "typing"})
            return await communicator.receive_output(timeout=3)

    assert async_to_sync(scenario)() == {"type": "websocket.close", "code": ENDED}
