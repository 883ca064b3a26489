"""Fixtures of the oversight tests: a pairing that went through every state, signed for real."""

import io
from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

import tests.documents.conftest as documents_fixtures
from conversations.attachments import attachment_send
from conversations.models import Attachment
from conversations.services import conversation_of_pairing, message_hide, message_report, message_send
from documents.conventions.services import convention_render
from documents.services import document_read, document_upload
from pairings.models import Pairing
from pairings.services import (
    check_in_complete,
    note_add,
    pairing_act,
    pairing_answer,
    pairing_propose,
    pairings_close_due,
)
from tests.workflow.factories import StaffMembershipFactory, TerritoryFactory, association_covering
from workflow.applicant_session import SignedInApplicant
from workflow.services import application_act

# The territory, its advisor and its pension officer (each with an authenticator app), the
# convention's templates in French and Italian: as the documents' tests make them.
territory = documents_fixtures.territory
advisor = documents_fixtures.advisor
officer = documents_fixtures.officer
templates = documents_fixtures.templates

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"

#: Texts written in the pairing's conversation: the dossier never shows them.
MESSAGES = {
    "advisor": "Bonjour à vous deux, la clé de la boîte aux lettres est chez la gardienne.",
    "guest": "Merci ! Je passerai la chercher jeudi soir vers 19 h.",
    "hidden": "Mon numéro personnel est le 06 12 34 56 78.",
}

ARCHIVED_BECAUSE = "Séjour terminé, Mme Durand ne souhaite plus accueillir."


@dataclass
class Lived:
    """What the test drove the pairing through, to compare the dossier with."""

    pairing: Pairing
    meeting_reason: str
    check_in_notes: str
    incident: str
    document_name: str


def png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (20, 20), "teal").save(out, format="PNG")
    return out.getvalue()


@pytest.fixture
def attachment_storage(tmp_path, monkeypatch):
    """Attachments in the test's own folder (a file field resolves its storage once, at start-up)."""
    from django.core.files.storage import FileSystemStorage

    monkeypatch.setattr(Attachment._meta.get_field("blob"), "storage", FileSystemStorage(location=tmp_path / "a"))


@pytest.fixture
def outsider():
    """An advisor of another department's association: the pairing is none of theirs."""
    return StaffMembershipFactory(organisation=association_covering(TerritoryFactory(department=True))).user


@pytest.fixture
def lived(clock, territory, advisor, officer, templates, private_storage, attachment_storage) -> Lived:
    """Proposed, accepted, met, tried, drafted, signed by the four parties, active, ended: with a
    supporting document opened, a conversation, a check-in and an incident along the way."""
    step = timedelta(hours=2)
    host = documents_fixtures._approved("host", territory, language="fr", first_name="Monique", last_name="Durand")
    guest = documents_fixtures._approved("guest", territory, language="it", first_name="Giulia", last_name="Bianchi")
    applicant = SignedInApplicant(guest.person_id, frozenset({guest.pk}))

    clock.shift(step)
    document = document_upload(
        application=host, kind="identity", uploaded_file=SimpleUploadedFile("piece-identite.pdf", PDF)
    )
    clock.shift(step)
    document_read(document=document, user=advisor)

    clock.shift(step)
    pairing = pairing_propose(host=host, guest=guest, by=advisor)
    for party in ("guest", "host"):
        clock.shift(step)
        pairing_answer(pairing_id=pairing.pk, party=party, accept=True)
    meeting_reason = "Rencontre au domicile de Mme Durand, en présence de sa fille."
    clock.shift(step)
    pairing_act(pairing_id=pairing.pk, action="schedule_meeting", by=advisor, comment=meeting_reason)

    conversation = conversation_of_pairing(pairing)
    clock.shift(step)
    message_send(conversation_id=conversation.pk, body=MESSAGES["advisor"], user=advisor)
    clock.shift(step)
    message_send(conversation_id=conversation.pk, body=MESSAGES["guest"], applicant=applicant)
    clock.shift(step)
    hidden = message_send(conversation_id=conversation.pk, body=MESSAGES["hidden"], applicant=applicant)
    message_report(message_id=hidden.pk, reason="Numéro personnel", user=advisor)
    message_hide(message_id=hidden.pk, by=advisor, reason="Coordonnées personnelles")
    clock.shift(step)
    attachment_send(
        conversation_id=conversation.pk,
        uploaded_file=SimpleUploadedFile("plan.png", png(), content_type="image/png"),
        user=advisor,
    )

    for action in ("start_trial", "draft_convention"):
        clock.shift(step)
        pairing_act(pairing_id=pairing.pk, action=action, by=advisor)
    clock.shift(step)
    convention_render(pairing_id=pairing.pk)
    clock.shift(step)
    pairing = pairing_act(pairing_id=pairing.pk, action="open_signing", by=advisor)
    clock.shift(step)
    documents_fixtures.sign_all(pairing.conventions.get(), advisor, officer)

    clock.shift(timedelta(days=8))
    check_in_notes = "Tout se passe bien ; Giulia aide aux courses le samedi."
    check_in_complete(check_in_id=pairing.check_ins.order_by("due_on").first().pk, by=advisor, notes=check_in_notes)
    clock.shift(step)
    incident = "Dispute au sujet du chauffage, apaisée après un appel."
    note_add(pairing_id=pairing.pk, by=advisor, kind="incident", text=incident)

    pairing.refresh_from_db()
    clock.shift(pairing.planned_end + timedelta(days=1) - timezone.localdate())
    assert pairings_close_due() == [pairing.pk]
    pairing.refresh_from_db()
    assert pairing.state == "ended"
    clock.shift(step)
    application_act(application_id=host.pk, action="archive", by=advisor, comment=ARCHIVED_BECAUSE)
    return Lived(
        pairing=pairing,
        meeting_reason=meeting_reason,
        check_in_notes=check_in_notes,
        incident=incident,
        document_name="piece-identite.pdf",
    )
