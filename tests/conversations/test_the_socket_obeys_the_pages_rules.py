"""The websocket of a conversation lets in whoever the pages let in, and nobody else: the
applicant of the file, the advisor with their second factor; not another applicant guessing the
id, not staff without their second factor, not a session past its limits. A right withdrawn or
a session ended closes an open socket."""

import time

import pytest
from asgiref.sync import async_to_sync

from conversations.consumers import ENDED, REFUSED
from conversations.services import conversation_of_file
from tests.workflow.factories import ApplicationFactory, set_state

from .conftest import sign_in
from .socket import ORIGIN, db, socket


def connects(client, conversation_id, **options):
    async def attempt():
        async with socket(client, conversation_id, **options) as (_communicator, connected, code):
            return connected, code

    return async_to_sync(attempt)()


def test_the_applicant_of_the_file_connects(client, sent_file, sockets):
    conversation = conversation_of_file(sent_file)
    sign_in(client, sent_file)

    assert connects(client, conversation.pk) == (True, None)


def test_another_applicant_guessing_the_id_is_refused(client, sent_file, territory, sockets):
    conversation = conversation_of_file(sent_file)
    other = set_state(ApplicationFactory(territory=territory, country=territory.country), "submitted")
    sign_in(client, other)

    assert connects(client, conversation.pk) == (False, REFUSED)
    assert connects(client, conversation.pk + 1000) == (False, REFUSED)


def test_a_visitor_without_a_session_is_refused(client, sent_file, sockets):
    conversation = conversation_of_file(sent_file)

    assert connects(client, conversation.pk) == (False, REFUSED)


def test_a_page_of_another_site_cannot_open_the_socket(client, sent_file, sockets):
    from .socket import cookie_header

    conversation = conversation_of_file(sent_file)
    sign_in(client, sent_file)

    connected, _code = connects(
        client, conversation.pk, headers=[(b"origin", b"https://evil.example"), cookie_header(client)]
    )
    assert not connected


def test_the_advisor_connects_with_their_second_factor_only(client, sent_file, advisor, sockets):
    conversation = conversation_of_file(sent_file)

    client.force_login(advisor, second_factor=False)
    assert connects(client, conversation.pk) == (False, REFUSED)

    client.force_login(advisor)
    assert connects(client, conversation.pk) == (True, None)


def test_an_advisor_of_another_territory_is_refused(client, sent_file, stranger_advisor, sockets):
    conversation = conversation_of_file(sent_file)
    client.force_login(stranger_advisor)

    assert connects(client, conversation.pk) == (False, REFUSED)


def test_a_session_idle_past_its_limit_is_refused(client, sent_file, settings, sockets):
    conversation = conversation_of_file(sent_file)
    sign_in(client, sent_file)
    session = client.session
    session["_started_at"] = session["_last_seen_at"] = int(time.time()) - settings.SESSION_IDLE_SECONDS - 5
    session.save()

    assert connects(client, conversation.pk) == (False, REFUSED)


@pytest.mark.parametrize("ending", ["signed_out", "right_withdrawn"])
def test_an_open_socket_closes_when_the_session_ends_or_the_right_is_withdrawn(
    client, sent_file, advisor, settings, sockets, ending
):
    from workflow.models import StaffMembership

    settings.CONVERSATION_RECHECK_SECONDS = 0.2
    conversation = conversation_of_file(sent_file)
    client.force_login(advisor)

    async def scenario():
        async with socket(client, conversation.pk) as (communicator, connected, _code):
            assert connected
            if ending == "signed_out":
                await db(client.logout)()
            else:
                await db(StaffMembership.objects.filter(user=advisor).delete)()
            closed = await communicator.receive_output(timeout=3)
            return closed

    closed = async_to_sync(scenario)()
    assert closed == {"type": "websocket.close", "code": ENDED}


def test_the_origin_header_is_required_to_match_the_site(client, sent_file, sockets):
    conversation = conversation_of_file(sent_file)
    sign_in(client, sent_file)
    from .socket import cookie_header

    assert connects(client, conversation.pk, headers=[ORIGIN, cookie_header(client)]) == (True, None)


def test_a_message_sent_over_the_socket_goes_through_the_same_checks(client, sent_file, sockets):
    from conversations.models import Message

    conversation = conversation_of_file(sent_file)
    sign_in(client, sent_file)

    async def scenario():
        async with socket(client, conversation.pk) as (communicator, _connected, _code):
            await communicator.send_json_to({"type": "send", "body": "   "})
            refused = await communicator.receive_json_from(timeout=3)
            await communicator.send_json_to({"type": "send", "body": "Bonjour <script>"})
            answers = [await communicator.receive_json_from(timeout=3) for _ in range(2)]
            return refused, answers

    refused, answers = async_to_sync(scenario)()
    assert refused["type"] == "error" and refused["error"]
    message = Message.objects.get()
    assert message.body == "Bonjour <script>" and message.author_person_id == sent_file.person_id
    assert {"type": "sent", "id": message.pk} in answers
    shown = next(answer for answer in answers if answer["type"] == "message")
    assert "Bonjour &lt;script&gt;" in shown["html"]
