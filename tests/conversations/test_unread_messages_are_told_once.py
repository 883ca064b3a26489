"""A message still unread CONVERSATION_NOTIFY_AFTER_MINUTES after it was sent is told to its
reader by email, with a link to the conversation: once per run of unread messages, however often
the task runs and however many messages follow, and again only after the reader has read and a
new message comes. An applicant's message is told to the advisors of the territory."""

from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils.translation import gettext

from conversations.models import Message
from conversations.services import conversation_of_file, conversation_of_pairing, message_hide, message_send
from conversations.tasks import notify_unread_messages
from tests.workflow.factories import StaffMembershipFactory, association_covering
from workflow.access import vetting_staff_for

from .conftest import sign_in


@pytest.fixture
def delay(settings):
    return timedelta(minutes=settings.CONVERSATION_NOTIFY_AFTER_MINUTES)


@pytest.fixture
def conversation(sent_file):
    return conversation_of_file(sent_file)


def told(address: str) -> list:
    """The emails telling ``address`` of an unread message."""
    subject = f"WeShare — {gettext('You have a new message')}"
    return [email for email in mail.outbox if email.to == [address] and email.subject == subject]


def advisor_writes(advisor, conversation, body="Pouvez-vous nous rappeler ?"):
    return message_send(conversation_id=conversation.pk, body=body, user=advisor)


def applicant_writes(application, conversation, body="Bonjour, où en est mon dossier ?"):
    return Message.objects.create(conversation=conversation, author_person_id=application.person_id, body=body)


def test_a_staff_message_unread_in_time_is_emailed_to_the_applicant_with_its_link(
    sent_file, conversation, advisor, clock, delay, as_the_worker
):
    advisor_writes(advisor, conversation)
    clock.shift(delay)

    as_the_worker(notify_unread_messages)

    [email] = told(sent_file.email)
    assert reverse("applicant_conversation", args=[conversation.pk]) in email.body
    assert "://" in email.body
    assert "Pouvez-vous nous rappeler" not in email.body  # the text stays on the site


def test_running_the_task_twice_sends_one_email(sent_file, conversation, advisor, clock, delay, as_the_worker):
    advisor_writes(advisor, conversation)
    clock.shift(delay)

    first = as_the_worker(notify_unread_messages)
    second = as_the_worker(notify_unread_messages)

    assert first >= 1 and second == 0
    assert len(told(sent_file.email)) == 1


def test_nothing_is_told_before_the_delay(sent_file, conversation, advisor, clock, delay, as_the_worker):
    advisor_writes(advisor, conversation)
    clock.shift(delay - timedelta(minutes=1))

    assert as_the_worker(notify_unread_messages) == 0
    assert told(sent_file.email) == []


def test_a_second_unread_message_before_reading_sends_no_second_email(
    sent_file, conversation, advisor, clock, delay, as_the_worker
):
    advisor_writes(advisor, conversation, "Premier message")
    clock.shift(delay)
    as_the_worker(notify_unread_messages)

    advisor_writes(advisor, conversation, "Deuxième message")
    clock.shift(delay)
    as_the_worker(notify_unread_messages)

    assert len(told(sent_file.email)) == 1


def test_after_reading_a_new_message_is_told_again(
    client, sent_file, conversation, advisor, clock, delay, as_the_worker
):
    advisor_writes(advisor, conversation, "Premier message")
    clock.shift(delay)
    as_the_worker(notify_unread_messages)
    sign_in(client, sent_file)
    assert client.get(reverse("applicant_conversation", args=[conversation.pk])).status_code == 200

    clock.shift(timedelta(minutes=1))
    as_the_worker(notify_unread_messages)
    assert len(told(sent_file.email)) == 1  # read: nothing new to tell

    advisor_writes(advisor, conversation, "Nouveau message")
    clock.shift(delay)
    as_the_worker(notify_unread_messages)

    assert len(told(sent_file.email)) == 2


def test_a_message_read_in_time_is_not_told(client, sent_file, conversation, advisor, clock, delay, as_the_worker):
    advisor_writes(advisor, conversation)
    sign_in(client, sent_file)
    client.get(reverse("applicant_conversation", args=[conversation.pk]))
    clock.shift(delay)

    as_the_worker(notify_unread_messages)

    assert told(sent_file.email) == []


def test_a_hidden_message_is_not_told(sent_file, conversation, advisor, clock, delay, as_the_worker):
    message = advisor_writes(advisor, conversation, "Envoyé au mauvais dossier")
    message_hide(message_id=message.pk, by=advisor, reason="Erreur de dossier")
    clock.shift(delay)

    as_the_worker(notify_unread_messages)

    assert told(sent_file.email) == []


def test_an_applicant_s_unread_message_is_told_to_the_territory_s_advisors_once(
    sent_file, conversation, advisor, officer, stranger_advisor, territory, clock, delay, as_the_worker
):
    colleague = StaffMembershipFactory(organisation=association_covering(territory)).user
    applicant_writes(sent_file, conversation)
    clock.shift(delay)

    as_the_worker(notify_unread_messages)
    as_the_worker(notify_unread_messages)

    advisors = {user.email for user in vetting_staff_for(territory)}
    assert {advisor.email, colleague.email} <= advisors
    for address in advisors:
        [email] = told(address)
        assert reverse("conversation_admin", args=[conversation.pk]) in email.body
    assert told(officer.email) == [] and told(stranger_advisor.email) == []
    assert told(sent_file.email) == []  # their own message


def test_an_advisor_who_read_in_time_is_not_told_but_their_colleague_is(
    sent_file, conversation, advisor, territory, clock, delay, as_the_worker
):
    colleague = StaffMembershipFactory(organisation=association_covering(territory)).user
    applicant_writes(sent_file, conversation)
    browser = Client()
    browser.force_login(advisor)
    browser.get(reverse("conversation_admin", args=[conversation.pk]))
    clock.shift(delay)

    as_the_worker(notify_unread_messages)

    assert told(advisor.email) == []
    assert len(told(colleague.email)) == 1


def test_a_staff_message_is_not_told_to_the_staff(
    sent_file, conversation, advisor, territory, clock, delay, as_the_worker
):
    colleague = StaffMembershipFactory(organisation=association_covering(territory)).user
    advisor_writes(advisor, conversation)
    clock.shift(delay)

    as_the_worker(notify_unread_messages)

    assert told(advisor.email) == [] and told(colleague.email) == []


def test_in_a_pairing_the_other_person_and_the_advisor_are_told(pairing, advisor, clock, delay, as_the_worker):
    conversation = conversation_of_pairing(pairing)
    applicant_writes(pairing.guest, conversation, "Je rentre tard ce soir.")
    clock.shift(delay)

    as_the_worker(notify_unread_messages)

    assert len(told(pairing.host.email)) == 1
    assert len(told(advisor.email)) == 1
    assert told(pairing.guest.email) == []
