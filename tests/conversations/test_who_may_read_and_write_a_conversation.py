"""Who reads and writes a conversation comes from workflow.access: the applicant of a sent file
and the advisors of its territory; the host, the guest and the advisors leading their pairing.
Anyone else, guessing an id, finds nothing."""

import pytest
from django.urls import reverse

from conversations.models import Conversation, Message
from conversations.services import conversation_of_file, conversation_of_pairing
from tests.workflow.factories import ApplicationFactory, set_state

from .conftest import sign_in


def test_the_applicant_of_a_sent_file_writes_to_their_association(client, sent_file):
    sign_in(client, sent_file)

    opened = client.get(reverse("applicant_conversation_file", args=[sent_file.pk]))
    conversation = Conversation.objects.get(application=sent_file)
    assert opened.url == reverse("applicant_conversation", args=[conversation.pk])

    sent = client.post(opened.url, {"body": "Bonjour, quand aurai-je une réponse ?"})

    assert sent.status_code == 302
    message = Message.objects.get(conversation=conversation)
    assert message.author_person_id == sent_file.person_id
    assert "Bonjour, quand aurai-je une réponse ?" in client.get(opened.url).content.decode()


def test_a_draft_has_no_conversation_yet(client, territory):
    draft = ApplicationFactory(territory=territory, country=territory.country)
    sign_in(client, draft)

    assert client.get(reverse("applicant_conversation_file", args=[draft.pk])).status_code == 404
    assert not Conversation.objects.exists()


def test_another_applicant_guessing_the_id_finds_nothing(client, sent_file, territory):
    conversation = conversation_of_file(sent_file)
    other = set_state(ApplicationFactory(territory=territory, country=territory.country), "submitted")
    sign_in(client, other)

    assert client.get(reverse("applicant_conversation", args=[conversation.pk])).status_code == 404
    assert client.post(reverse("applicant_conversation", args=[conversation.pk]), {"body": "x"}).status_code == 404
    assert client.get(reverse("applicant_conversation_file", args=[sent_file.pk])).status_code == 404
    assert client.get(reverse("applicant_conversation", args=[conversation.pk + 1000])).status_code == 404
    assert not Message.objects.exists()


def test_signed_out_nobody_reads_a_conversation(client, sent_file):
    conversation = conversation_of_file(sent_file)

    assert client.get(reverse("applicant_conversation", args=[conversation.pk])).status_code == 404


def test_the_advisor_of_the_territory_answers(client, sent_file, advisor):
    conversation = conversation_of_file(sent_file)
    client.force_login(advisor)

    page = client.get(reverse("conversation_admin", args=[conversation.pk]))
    sent = client.post(reverse("conversation_admin", args=[conversation.pk]), {"body": "Nous vous appelons demain."})

    assert page.status_code == 200 and 'id="message-form"' in page.content.decode()
    assert sent.status_code == 302
    assert Message.objects.get().author_user == advisor


def test_the_pension_office_reads_but_does_not_write(client, sent_file, officer):
    conversation = conversation_of_file(sent_file)
    client.force_login(officer)

    page = client.get(reverse("conversation_admin", args=[conversation.pk]))
    sent = client.post(reverse("conversation_admin", args=[conversation.pk]), {"body": "Bonjour"})

    assert page.status_code == 200 and 'id="message-form"' not in page.content.decode()
    assert sent.status_code == 400
    assert not Message.objects.exists()


def test_an_advisor_of_another_territory_finds_nothing(client, sent_file, stranger_advisor):
    conversation = conversation_of_file(sent_file)
    client.force_login(stranger_advisor)

    assert client.get(reverse("conversation_admin", args=[conversation.pk])).status_code == 404
    assert client.post(reverse("conversation_admin", args=[conversation.pk]), {"body": "x"}).status_code == 404
    assert client.get(reverse("conversation_file", args=[sent_file.pk])).status_code == 404


def test_staff_without_their_second_factor_do_not_reach_a_conversation(client, sent_file, advisor):
    conversation = conversation_of_file(sent_file)
    client.force_login(advisor, second_factor=False)

    response = client.get(reverse("conversation_admin", args=[conversation.pk]))

    assert response.status_code == 302 and "/two-factor/" in response.url


@pytest.mark.parametrize("party", ["host", "guest"])
def test_both_people_of_a_pairing_and_their_advisor_share_its_conversation(client, pairing, advisor, party):
    sign_in(client, getattr(pairing, party))

    opened = client.get(reverse("applicant_conversation_pairing", args=[pairing.pk]))
    client.post(opened.url, {"body": f"Bonjour de la part de {party}"})

    conversation = conversation_of_pairing(pairing)
    assert opened.url == reverse("applicant_conversation", args=[conversation.pk])
    client.force_login(advisor)
    assert (
        f"Bonjour de la part de {party}"
        in client.get(reverse("conversation_admin", args=[conversation.pk])).content.decode()
    )


def test_the_file_s_applicant_does_not_read_a_pairing_they_are_not_in(client, pairing, sent_file):
    conversation = conversation_of_pairing(pairing)
    sign_in(client, sent_file)

    assert client.get(reverse("applicant_conversation", args=[conversation.pk])).status_code == 404
    assert client.get(reverse("applicant_conversation_pairing", args=[pairing.pk])).status_code == 404
