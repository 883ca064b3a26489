"""A proxy with the right to write sends messages in the person's conversations: stored with both
people, shown "X on behalf of Y" on the page and to the pages open on the socket, and written
in the person's journal. Without the right, the proxy reads and cannot write."""

import pytest
from django.urls import reverse

from conversations.exceptions import MessageRefused
from conversations.models import Message
from conversations.presentation import render_event
from conversations.readers import Reader
from conversations.services import author_in, conversation_of_file, message_event, message_send
from tests.workflow.factories import ApplicationFactory, set_state
from tests.workflow.factories_mandates import mandate_between, signed_in_as
from workflow.applicant_session import current_applicant
from workflow.models import ProxyAction


@pytest.fixture
def senior(territory):
    return set_state(
        ApplicationFactory(host=True, territory=territory, country=territory.country, first_name="Marie"), "submitted"
    )


def test_a_proxy_writes_in_the_persons_conversation_on_their_behalf(client, senior):
    mandate = mandate_between(senior, rights=["write"], name="Paul Martin")
    conversation = conversation_of_file(senior)
    signed_in_as(client, mandate.proxy_id)

    response = client.post(reverse("applicant_conversation", args=[conversation.pk]), {"body": "Bonjour"})

    message = Message.objects.get()
    assert response.status_code == 302
    assert (message.author_person_id, message.proxy_id) == (senior.person_id, mandate.proxy_id)
    action = ProxyAction.objects.get()
    assert (action.right, action.action, action.person_id) == ("write", "proxy.message_sent", senior.person_id)
    assert action.details == {"with_the_pair": False}


def test_the_person_reads_who_wrote_for_them(client, senior):
    mandate = mandate_between(senior, rights=["write"], name="Paul Martin")
    conversation = conversation_of_file(senior)
    signed_in_as(client, mandate.proxy_id)
    client.post(reverse("applicant_conversation", args=[conversation.pk]), {"body": "Bonjour"})
    client.logout()
    signed_in_as(client, senior.person_id)

    page = client.get(reverse("applicant_conversation", args=[conversation.pk])).content.decode()

    # "Paul Martin on behalf of Marie" (in the page's language).
    assert "Paul Martin" in page
    assert "Marie" in page


def test_the_proxy_reads_their_own_message_as_written_for_the_person(client, senior):
    mandate = mandate_between(senior, rights=["write"], name="Paul Martin")
    conversation = conversation_of_file(senior)
    signed_in_as(client, mandate.proxy_id)
    client.post(reverse("applicant_conversation", args=[conversation.pk]), {"body": "Bonjour"})

    page = client.get(reverse("applicant_conversation", args=[conversation.pk]))

    assert page.context["acting_for"].startswith("Marie")
    assert "Marie" in page.content.decode()


def test_the_live_message_names_the_proxy_and_the_person(rf, senior):
    mandate = mandate_between(senior, rights=["write"], name="Paul Martin")
    conversation = conversation_of_file(senior)
    request = rf.get("/")
    request.session = {"weshare-applicant": {"person_id": mandate.proxy_id}}
    proxy = current_applicant(request)
    author = author_in(conversation.pk, applicant=proxy)
    message = message_send(conversation_id=conversation.pk, body="Bonjour", applicant=proxy)
    request.session = {"weshare-applicant": {"person_id": senior.person_id}}
    reader = Reader(key=f"person:{senior.person_id}", applicant=current_applicant(request))

    event = message_event(message, author)
    shown = render_event(event, reader, moderates=False)

    assert event["proxy"] == "Paul Martin"
    assert "Paul Martin" in shown["html"] and "Marie" in shown["html"]


def test_a_proxy_who_only_follows_reads_but_cannot_write(client, senior):
    mandate = mandate_between(senior, rights=["follow"])
    conversation = conversation_of_file(senior)
    signed_in_as(client, mandate.proxy_id)

    page = client.get(reverse("applicant_conversation", args=[conversation.pk]))
    refused = client.post(reverse("applicant_conversation", args=[conversation.pk]), {"body": "Bonjour"})

    assert page.status_code == 200
    assert refused.status_code == 400
    assert not Message.objects.exists()
    assert not ProxyAction.objects.exists()


def test_the_socket_gives_a_follower_no_pen(rf, senior):
    mandate = mandate_between(senior, rights=["follow"])
    conversation = conversation_of_file(senior)
    request = rf.get("/")
    request.session = {"weshare-applicant": {"person_id": mandate.proxy_id}}

    with pytest.raises(MessageRefused):
        author_in(conversation.pk, applicant=current_applicant(request))
