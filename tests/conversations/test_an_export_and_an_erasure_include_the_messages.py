"""A person's export holds the messages they wrote; when their file is anonymised (erasure, or
the retention period over), the texts of its conversation and theirs in its pairings are erased."""

from conversations.models import Message
from conversations.services import conversation_of_file, conversation_of_pairing, message_send
from workflow.applicant_session import SignedInApplicant
from workflow.applicants import application_anonymise, application_export


def as_applicant(application) -> SignedInApplicant:
    return SignedInApplicant(person_id=application.person_id, application_ids=frozenset({application.pk}))


def test_the_export_holds_the_messages_the_applicant_wrote(sent_file, advisor):
    conversation = conversation_of_file(sent_file)
    message_send(conversation_id=conversation.pk, body="Quand passez-vous ?", applicant=as_applicant(sent_file))
    message_send(conversation_id=conversation.pk, body="Jeudi à 10 h.", user=advisor)

    exported = application_export(sent_file)["messages"]

    assert [item["text"] for item in exported] == ["Quand passez-vous ?"]
    assert exported[0]["conversation"] == "file"


def test_anonymising_a_file_erases_its_conversation_and_the_applicant_s_words_in_its_pairing(pairing, advisor):
    host = pairing.host
    own = conversation_of_file(host)
    shared = conversation_of_pairing(pairing)
    message_send(conversation_id=own.pk, body="Mon adresse : 3 rue des Lilas", applicant=as_applicant(host))
    message_send(conversation_id=own.pk, body="Bien noté, Madame Durand.", user=advisor)
    message_send(conversation_id=shared.pk, body="Bienvenue chez moi", applicant=as_applicant(host))
    guest = SignedInApplicant(person_id=pairing.guest.person_id, application_ids=frozenset({pairing.guest_id}))
    message_send(conversation_id=shared.pk, body="Merci beaucoup", applicant=guest)

    application_anonymise(application_id=host.pk, reason="erasure requested")

    assert set(Message.objects.filter(conversation=own).values_list("body", flat=True)) == {"—"}
    assert list(Message.objects.filter(conversation=shared).order_by("pk").values_list("body", flat=True)) == [
        "—",
        "Merci beaucoup",
    ]
