"""A pairing's dossier lists, in order, every change of the pairing and of its two files with who,
when and why; the documents uploaded and opened; the messages sent; the convention's texts and
signatures; the check-ins and incidents; and of its conversation only counts, never a message."""

import pytest
from django.db.models import Q
from django.urls import reverse

from audit.models import AuditEvent
from conversations.models import Message
from documents.models import ConventionStep, DocumentAccess
from oversight.dossier import pairing_dossier
from pairings.enums import PairingState
from pairings.exceptions import PairingNotFound
from workflow.enums import ApplicationState
from workflow.models import ApplicationTransitionLog, Notification

from .conftest import ARCHIVED_BECAUSE, MESSAGES


def full_name(user) -> str:
    return user.get_full_name() or user.get_username()


def section(dossier, key):
    return next(s for s in dossier.sections if s.key == key).entries


def test_every_change_of_the_pairing_is_listed_in_order_with_who_when_and_why(lived, advisor, officer):
    pairing = lived.pairing
    entries = section(pairing_dossier(pairing=pairing, user=advisor), "pairing")
    logs = list(pairing.transitions.order_by("created_at", "pk"))

    assert [log.to_state for log in logs] == [
        "proposed",
        "proposed",  # the guest said yes; the host had not yet
        "accepted",
        "meeting_scheduled",
        "trial",
        "convention_drafted",
        "signing",
        "active",
        "ended",
    ]
    assert [entry.at for entry in entries] == [log.created_at for log in logs]
    assert entries == sorted(entries, key=lambda entry: entry.at)
    meeting = entries[3]
    assert meeting.what == f"{PairingState.ACCEPTED.label} → {PairingState.MEETING_SCHEDULED.label}"
    assert (meeting.who, meeting.why) == (full_name(advisor), lived.meeting_reason)
    assert entries[0].who == full_name(advisor)
    assert "Giulia Bianchi" in entries[1].who and "Monique Durand" in entries[2].who
    assert entries[7].who == full_name(officer)  # the pension office's counter-signature
    assert entries[8].who == logs[8].by_label()  # closed by the platform at the planned end
    assert entries[8].what == f"{PairingState.ACTIVE.label} → {PairingState.ENDED.label}"


def test_the_files_changes_are_listed_with_the_reason(lived, advisor):
    pairing = lived.pairing
    entries = section(pairing_dossier(pairing=pairing, user=advisor), "files")
    logs = ApplicationTransitionLog.objects.filter(application__in=[pairing.host_id, pairing.guest_id])

    assert len(entries) == logs.count() == 1
    assert entries[0].what == f"{ApplicationState.APPROVED.label} → {ApplicationState.ARCHIVED.label}"
    assert (entries[0].who, entries[0].why) == (full_name(advisor), ARCHIVED_BECAUSE)
    assert "Monique Durand" in entries[0].about


def test_documents_uploaded_and_opened_are_listed_with_who(lived, advisor):
    pairing = lived.pairing
    entries = section(pairing_dossier(pairing=pairing, user=advisor), "documents")
    accesses = DocumentAccess.objects.filter(document__application__in=[pairing.host_id, pairing.guest_id])

    assert len(entries) == accesses.count() == 2
    uploaded, opened = entries
    assert lived.document_name in uploaded.about and lived.document_name in opened.about
    assert "Monique Durand" in uploaded.who  # the applicant sent it herself
    assert opened.who == full_name(advisor)
    assert uploaded.at < opened.at


def test_the_convention_texts_and_each_signature_are_listed(lived, advisor, officer):
    pairing = lived.pairing
    convention = pairing.conventions.get()
    entries = section(pairing_dossier(pairing=pairing, user=advisor), "conventions")
    steps = ConventionStep.objects.filter(convention=convention)

    assert len(entries) == 1 + steps.count()  # drafted, then rendered, four signatures, sealed
    drafted = entries[0]
    assert convention.reference in drafted.what
    for version in (convention.host_version, convention.guest_version):
        assert f"{version.template.title}, version {version.number}" in drafted.why
    signed_label = ConventionStep(action="signed").action_label()
    signed = [e for e in entries if e.what.startswith(f"{signed_label} — ")]
    assert len(signed) == 4
    who = [e.who for e in signed]
    assert "Giulia Bianchi" in who[0] and "Monique Durand" in who[1]
    assert who[2:] == [full_name(advisor), full_name(officer)]
    fingerprints = [s.certificate.fingerprint[:16] for s in steps.filter(action="signed").order_by("at", "pk")]
    assert all(f in e.about for f, e in zip(fingerprints, signed, strict=True))


def test_messages_sent_about_the_pairing_its_convention_and_its_files_are_listed(lived, advisor):
    pairing = lived.pairing
    convention = pairing.conventions.get()
    entries = section(pairing_dossier(pairing=pairing, user=advisor), "notifications")
    expected = Notification.objects.filter(
        Q(about__in=[f"pairings.pairing:{pairing.pk}", f"documents.convention:{convention.pk}"])
        | Q(application__in=[pairing.host_id, pairing.guest_id])
    )

    assert expected.filter(kind="pairing.changed").exists() and expected.filter(kind="convention.signing_code")
    assert len(entries) == expected.count()
    assert sorted(e.at for e in entries) == sorted(expected.values_list("queued_at", flat=True))


def test_check_ins_and_incidents_are_listed_with_the_advisor(lived, advisor):
    entries = section(pairing_dossier(pairing=lived.pairing, user=advisor), "follow_up")

    assert [(e.who, e.why) for e in entries] == [
        (full_name(advisor), lived.check_in_notes),
        (full_name(advisor), lived.incident),
    ]


def test_the_conversation_is_told_in_counts_never_in_words(lived, advisor, client):
    pairing = lived.pairing
    facts = pairing_dossier(pairing=pairing, user=advisor).conversation
    messages = Message.objects.filter(conversation__pairing=pairing)

    assert (
        (facts.messages, facts.by_staff, facts.by_applicants)
        == (
            messages.count(),
            messages.filter(author_user__isnull=False).count(),
            messages.filter(author_person__isnull=False).count(),
        )
        == (4, 2, 2)
    )
    assert (facts.hidden, facts.reports, facts.attachments) == (1, 1, 1)
    assert [(m.by_staff, m.by_applicants) for m in facts.months] == [(2, 2)]
    assert (facts.first_at, facts.last_at) == (messages.first().created_at, messages.last().created_at)

    client.force_login(advisor)
    page = client.get(reverse("oversight_pairing_dossier", args=[pairing.pk])).content.decode()
    assert 'id="conversation-messages">4<' in page
    for text in [*MESSAGES.values(), "Coordonnées personnelles", "Numéro personnel"]:
        assert text not in page


def test_the_page_shows_every_section_and_is_reached_from_the_pairing(lived, advisor, client):
    pairing = lived.pairing
    client.force_login(advisor)
    url = reverse("oversight_pairing_dossier", args=[pairing.pk])

    pairing_page = client.get(reverse("pairings_pairing:inspect", args=[pairing.pk])).content.decode()
    response = client.get(url)
    page = response.content.decode()

    assert url in pairing_page
    assert reverse("oversight_pairing_dossier_pdf", args=[pairing.pk]) in pairing_page
    assert response.status_code == 200
    assert page.count('class="dossier-entry"') == pairing_dossier(pairing=pairing, user=advisor).entries
    for text in (lived.meeting_reason, lived.incident, lived.check_in_notes, ARCHIVED_BECAUSE, lived.document_name):
        assert text.replace("'", "&#x27;") in page
    assert "None" not in page.split('id="dossier-summary"')[1]


def test_each_reading_is_recorded_in_the_audit_trail_by_ids_only(lived, advisor, client):
    client.force_login(advisor)
    client.get(reverse("oversight_pairing_dossier", args=[lived.pairing.pk]))

    event = AuditEvent.objects.get(action="pairing.dossier_viewed")
    assert (event.pairing_id, event.user_id, event.object_id) == (lived.pairing.pk, advisor.pk, str(lived.pairing.pk))
    assert "Durand" not in str(event.data) and "Bianchi" not in str(event.data)


def test_a_staff_member_outside_the_territory_finds_no_dossier(lived, outsider, client):
    client.force_login(outsider)

    assert client.get(reverse("oversight_pairing_dossier", args=[lived.pairing.pk])).status_code == 404
    assert client.get(reverse("oversight_pairing_dossier_pdf", args=[lived.pairing.pk])).status_code == 404
    assert client.get(reverse("oversight_pairing_dossier", args=[999999])).status_code == 404
    with pytest.raises(PairingNotFound):
        pairing_dossier(pairing=lived.pairing, user=outsider)
    assert not AuditEvent.objects.filter(action__startswith="pairing.dossier").exists()


def test_the_dossier_is_read_in_a_bounded_number_of_queries(lived, advisor, django_assert_max_num_queries):
    with django_assert_max_num_queries(25):
        dossier = pairing_dossier(pairing=lived.pairing.pk, user=advisor)
    assert dossier.entries > 30
