"""The permission matrix, built from the URL resolver: every address of the project's own apps, walked
with every role. A new address that is missing here fails the suite; another territory's object
answers 404 (its existence does not leak), a missing permission 403, an anonymous visitor of the
back office is sent to the sign-in page (302)."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import URLResolver, get_resolver, reverse
from django.utils import timezone, translation

from tests.workflow.factories import (
    ApplicationFactory,
    OrganisationFactory,
    StaffMembershipFactory,
    TerritoryFactory,
    association_covering,
    set_state,
)

APPS = (
    "accounts",
    "audit",
    "cms_pages",
    "workflow",
    "pairings",
    "documents",
    "appointments",
    "conversations",
    "oversight",
    "translations",
    "config",
)
ROLES = ["anonymous", "applicant", "staff_a", "staff_b", "pension_office", "national", "editor"]


def project_addresses() -> set[str]:
    """Names of the addresses served by the project's own views or viewsets of its own models."""
    found = set()

    def walk(patterns, namespace=None):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, ":".join(filter(None, [namespace, pattern.namespace])) or None)
                continue
            view = getattr(pattern.callback, "view_class", pattern.callback)
            module = (getattr(view, "__module__", "") or "").split(".")[0]
            ours = module in APPS or any((namespace or "").startswith(p) for p in ("pairings_", "workflow_"))
            ours = ours or any(f"_{app}_" in (namespace or "") for app in APPS)
            if ours and pattern.name:
                found.add(":".join(filter(None, [namespace, pattern.name])))

    walk(get_resolver().url_patterns)
    return found


# Rows of expected statuses, in the order of ROLES.
PUBLIC = (200,) * 7
ADMIN_ALL_STAFF = (302, 302, 200, 200, 200, 200, 200)
ADMIN_FILES = (302, 302, 200, 200, 200, 200, 403)  # staff who see files (editors see none)
OWN_FILE = (302, 302, 200, 404, 200, 200, 403)  # a file, pairing or convention of territory A
OWN_FILE_NOT_FOUND = (302, 302, 200, 404, 200, 200, 404)  # editors see no file: not found
SUPERUSER_ONLY = (302, 302, 403, 403, 403, 403, 403)
APPLICANT_OWN = (404, 200, 404, 404, 404, 404, 404)  # the applicant's own space, by session
NOBODY = (404,) * 7
LEADS = (302, 302, 200, 404, 403, 403, 404)  # scheduled by the file's association; others who see it may not
STATISTICS = (302, 302, 403, 403, 200, 200, 403)  # managers and officers who oversee; advisors and editors do not

MATRIX = {
    # Public site and machine addresses
    "health": PUBLIC,
    "robots_txt": PUBLIC,
    "search": PUBLIC,
    "pki_crl": PUBLIC,
    "convention_verify": PUBLIC,
    "convention_root_certificate": PUBLIC,
    "convention_verify_token": PUBLIC,
    "applicant_space": PUBLIC,
    "applicant_sign_out": (302,) * 7,
    "applicant_link": (400,) * 7,  # an unknown link: a clear page for everyone
    # The applicant's own file, pairing, documents and convention
    "applicant_pairing": APPLICANT_OWN,
    "applicant_convention": APPLICANT_OWN,
    "applicant_convention_pdf": APPLICANT_OWN,
    "applicant_document": APPLICANT_OWN,
    "applicant_document_upload": (404, 400, 404, 404, 404, 404, 404),  # no file sent: a clear refusal
    "applicant_data_export": APPLICANT_OWN,
    "applicant_export": APPLICANT_OWN,
    "applicant_withdraw": (404, 302, 404, 404, 404, 404, 404),
    "applicant_erasure": (404, 302, 404, 404, 404, 404, 404),
    "applicant_stop_sharing": (404, 302, 404, 404, 404, 404, 404),  # no partner follows it: told so
    # Second factor and audit
    "two_factor": ADMIN_ALL_STAFF,
    "two_factor_verify": ADMIN_ALL_STAFF,
    "two_factor_backup_codes": ADMIN_ALL_STAFF,
    "audit_trail": (302, 302, 403, 403, 403, 200, 403),
    # Files
    "workflow_application:index": ADMIN_FILES,
    "workflow_application:index_results": ADMIN_FILES,
    "workflow_application:inspect": OWN_FILE,
    "workflow_application:act": (302, 302, 302, 404, 403, 403, 403),
    "workflow_application:note": (302, 302, 302, 404, 403, 403, 403),
    "workflow_application:contact": (302, 302, 302, 404, 403, 403, 403),
    "workflow_application:tick": (302, 302, 409, 404, 403, 403, 403),  # an unknown item: refused with a message
    "workflow_application:add": SUPERUSER_ONLY,
    "workflow_application:edit": SUPERUSER_ONLY,
    "workflow_application:copy": SUPERUSER_ONLY,
    "workflow_application:delete": SUPERUSER_ONLY,
    "workflow_application:history": SUPERUSER_ONLY,
    "workflow_application:history_results": SUPERUSER_ONLY,
    "workflow_application:usage": SUPERUSER_ONLY,
    # Private documents
    "private_document": OWN_FILE_NOT_FOUND,
    "print_queue": ADMIN_FILES,
    "letter_download": (302, 302, 200, 404, 404, 404, 404),  # the association's own letters only
    "private_document_verify": (302, 302, 302, 404, 404, 404, 404),
    "private_document_upload": (302, 302, 302, 404, 403, 403, 404),
    "private_documents_erase": (302, 302, 302, 404, 403, 403, 404),  # without confirmation: a message
    # Pairings
    "pairings_pairing:index": ADMIN_FILES,
    "pairings_pairing:index_results": ADMIN_FILES,
    "pairings_pairing:inspect": OWN_FILE,
    "pairings_pairing:suggestions": (302, 302, 200, 404, 200, 200, 403),
    "pairings_pairing:proposal": (302, 302, 200, 200, 403, 403, 403),
    "pairings_pairing:proposal_for": (302, 302, 200, 404, 403, 403, 403),
    "pairings_pairing:add": SUPERUSER_ONLY,
    "pairings_pairing:edit": SUPERUSER_ONLY,
    "pairings_pairing:copy": SUPERUSER_ONLY,
    "pairings_pairing:delete": SUPERUSER_ONLY,
    "pairings_pairing:history": SUPERUSER_ONLY,
    "pairings_pairing:history_results": SUPERUSER_ONLY,
    "pairings_pairing:usage": SUPERUSER_ONLY,
    # Conventions
    "convention_admin": OWN_FILE_NOT_FOUND,
    "convention_admin_pdf": OWN_FILE_NOT_FOUND,
    "convention_audit_sheet": OWN_FILE_NOT_FOUND,
    # Appointments: scheduled by whoever vets the file (or leads the pairing), read by whoever sees it
    "appointment_new_file": LEADS,
    "appointment_new_pairing": LEADS,
    "appointment_change": LEADS,
    "appointment_cancel": LEADS,
    "appointment_ics": OWN_FILE_NOT_FOUND,
    "applicant_appointment_ics": APPLICANT_OWN,
    # Conversations: read by whoever sees the file, written and moderated by whoever vets it
    "conversations_inbox": ADMIN_FILES,
    "conversations_reports": ADMIN_FILES,
    "conversations_report_dismiss": (302, 302, 302, 404, 404, 404, 403),
    "conversation_admin": OWN_FILE_NOT_FOUND,
    "conversation_file": (302, 302, 302, 404, 302, 302, 404),
    "conversation_pairing": (302, 302, 302, 404, 302, 302, 404),
    "conversation_hide": (302, 302, 302, 404, 403, 403, 404),
    "conversation_report_staff": (302, 302, 302, 404, 302, 302, 404),
    "applicant_conversation": APPLICANT_OWN,
    "applicant_conversation_file": (404, 302, 404, 404, 404, 404, 404),
    "applicant_conversation_pairing": (404, 302, 404, 404, 404, 404, 404),
    "applicant_conversation_report": (404, 302, 404, 404, 404, 404, 404),
    "applicant_conversation_ask": (404, 302, 404, 404, 404, 404, 404),
    "conversation_question_incident": (302, 302, 302, 404, 403, 403, 404),
    "conversation_attachment": OWN_FILE_NOT_FOUND,
    "applicant_conversation_attachment": APPLICANT_OWN,
    # Oversight: statistics for those who oversee, exports for staff who see files (each their own),
    # a pairing's dossier with the pairing, the partners' referrals, open data for everyone
    "oversight_statistics": STATISTICS,
    "oversight_statistics_figures": STATISTICS,
    "oversight_report": STATISTICS,
    "oversight_statistics_download": (302, 302, 403, 403, 302, 302, 403),  # built at once: to its download
    "oversight_exports": ADMIN_FILES,
    "oversight_export_ask": (302, 302, 302, 302, 302, 302, 403),
    "oversight_export_download": (302, 302, 200, 404, 404, 404, 403),  # the requester's own export only
    "oversight_pairing_dossier": OWN_FILE_NOT_FOUND,
    "oversight_pairing_dossier_pdf": OWN_FILE_NOT_FOUND,
    "oversight_partner_referrals": (302, 302, 403, 403, 403, 403, 403),  # partners' referents only
    "opendata": PUBLIC,
    # Well-being questionnaires: the applicant of the pairing answers their own
    "applicant_wellbeing": APPLICANT_OWN,
    # Seniors first: assisted files (by whoever vets the file), mandates (the senior in their space,
    # the file's association in the back office), in-person signing and the letters to post.
    "applicant_mandate_accept": (404, 302, 404, 404, 404, 404, 404),  # the senior's own mandates, by session
    "applicant_mandate_join": (200, 200, 200, 200, 200, 200, 200),  # anyone holding an invitation code
    "applicant_mandate_join_link": (200, 200, 200, 200, 200, 200, 200),
    "applicant_mandate_journal": (404, 200, 404, 404, 404, 404, 404),
    "applicant_mandate_revoke": (404, 302, 404, 404, 404, 404, 404),
    "applicant_mandate_right_revoke": (404, 302, 404, 404, 404, 404, 404),
    "applicant_mandates": (404, 200, 404, 404, 404, 404, 404),
    "applicant_proxy_file": (404, 404, 404, 404, 404, 404, 404),  # only a proxy of the file (the senior is none)
    "application_form_print": (302, 302, 200, 200, 403, 403, 403),  # the blank form, for the associations
    "assisted_consent": (302, 302, 302, 404, 403, 403, 404),
    "assisted_consent_code": (302, 302, 400, 404, 403, 403, 404),  # no code asked yet: refused
    "assisted_consent_paper": (302, 302, 302, 404, 403, 403, 404),
    "assisted_consent_send": (302, 302, 400, 404, 403, 403, 404),  # the file is already sent: refused
    "assisted_new": (302, 302, 200, 200, 403, 403, 403),
    "assisted_new_identity": (302, 302, 200, 200, 403, 403, 403),
    "assisted_paper_scan": (302, 302, 302, 404, 403, 403, 404),
    "assisted_step": (302, 302, 302, 404, 403, 403, 404),
    "convention_in_person": (302, 302, 200, 404, 403, 403, 404),
    "convention_in_person_sign": (
        302,
        302,
        404,
        404,
        403,
        403,
        404,
    ),  # nothing to sign before the identity check and the code
    "letter_batch_pdf": (302, 302, 200, 404, 404, 404, 404),  # the association's own letters
    "letters_posted": (302, 302, 302, 404, 404, 404, 404),
    "mandate_accept_code": (302, 302, 302, 404, 403, 403, 404),
    "mandate_accept_paper": (302, 302, 302, 404, 403, 403, 404),
    "mandate_admin_revoke": (302, 302, 302, 404, 403, 403, 404),
    "mandate_new_code": (302, 302, 302, 404, 403, 403, 404),
    "mandate_prepare": (302, 302, 200, 404, 403, 403, 404),
    "mandate_send_acceptance_code": (302, 302, 302, 404, 403, 403, 404),
}
# The programme's settings (countries, territories, organisations, roles, rules, convention
# templates) are kept by the platform's administrators only.
for _model in (
    "workflow_country",
    "workflow_territory",
    "workflow_organisation",
    "workflow_staffmembership",
    "workflow_applicationrules",
    "documents_conventiontemplate",
):
    for _view in ("list", "list_results", "add", "edit", "copy", "delete", "history", "history_results", "usage"):
        MATRIX[f"wagtailsnippets_{_model}:{_view}"] = SUPERUSER_ONLY
    # Choosers list the programme's reference data to every staff member (forms need them);
    # creating from a chooser needs the right to add. Who holds which role stays with the administrators.
    for _view in ("choose", "choose_results", "chosen", "chosen_multiple"):
        MATRIX[f"wagtailsnippetchoosers_{_model}:{_view}"] = (
            SUPERUSER_ONLY if _model == "workflow_staffmembership" else ADMIN_ALL_STAFF
        )
    MATRIX[f"wagtailsnippetchoosers_{_model}:create"] = SUPERUSER_ONLY

# The prepared answers of conversations are kept by the communications teams.
for _view in ("list", "list_results", "add", "edit", "copy", "delete", "history", "history_results", "usage"):
    MATRIX[f"wagtailsnippets_conversations_cannedreply:{_view}"] = (302, 302, 403, 403, 403, 403, 200)
for _view in ("choose", "choose_results", "chosen", "chosen_multiple"):
    MATRIX[f"wagtailsnippetchoosers_conversations_cannedreply:{_view}"] = ADMIN_ALL_STAFF
MATRIX["wagtailsnippetchoosers_conversations_cannedreply:create"] = (302, 302, 403, 403, 403, 403, 200)

POSTED = {
    "applicant_link",
    "applicant_sign_out",
    "applicant_document_upload",
    "private_document_upload",
    "private_documents_erase",
    "applicant_withdraw",
    "applicant_erasure",
    "applicant_stop_sharing",
    "workflow_application:act",
    "workflow_application:note",
    "workflow_application:contact",
    "workflow_application:tick",
    "private_document_verify",
    "conversations_report_dismiss",
    "conversation_hide",
    "conversation_report_staff",
    "applicant_conversation_report",
    "applicant_conversation_ask",
    "conversation_question_incident",
    "oversight_statistics_download",
    "oversight_export_ask",
    "applicant_mandate_accept",
    "applicant_mandate_revoke",
    "applicant_mandate_right_revoke",
    "mandate_new_code",
    "mandate_send_acceptance_code",
    "mandate_accept_code",
    "mandate_accept_paper",
    "mandate_admin_revoke",
    "letters_posted",
    "assisted_consent_send",
    "assisted_consent_code",
    "assisted_paper_scan",
    "assisted_consent_paper",
}

# What a legitimate request would send: a permitted role succeeds, a missing right answers 403.
POST_DATA = {
    "workflow_application:act": {"action": "archive", "comment": "Dossier clos.", "expected_state": "approved"},
    "workflow_application:note": {"text": "Entretien fait."},
    "workflow_application:contact": {"preferred_channels": ["email"], "language": "fr"},
    "conversation_hide": {"reason": "Numéro de téléphone personnel."},
    "oversight_statistics_download": {"format": "csv"},
    "oversight_export_ask": {"kind": "opendata", "format": "csv"},
    "assisted_consent_send": {"method": "sms"},
    "assisted_consent_code": {"code": "123456"},
    "mandate_accept_code": {"code": "123456"},
}


def test_every_address_of_the_project_is_in_the_matrix():
    assert project_addresses() == set(MATRIX)


@pytest.fixture
def world(demo):
    from documents.conventions.services import convention_render
    from documents.services import document_upload
    from pairings.services import pairing_act, pairing_answer, pairing_propose
    from tests.documents.conftest import make_template

    office = OrganisationFactory(pension_office=True)
    country = office.country
    region = TerritoryFactory(country=country, pension_office=office)
    territory_a = TerritoryFactory(department=True, country=country, parent=region)
    territory_b = TerritoryFactory(department=True, country=country, parent=region)
    staff_a = StaffMembershipFactory(organisation=association_covering(territory_a)).user
    answers = {"languages": ["fr"], "contribution": "50", "budget": "100", "pets_ok": True}
    host = set_state(ApplicationFactory(territory=territory_a, country=country, host=True, answers=answers), "approved")
    guest = set_state(ApplicationFactory(territory=territory_a, country=country, answers=answers), "approved")
    make_template(country, "fr").save()
    from workflow.models import ApplicationRules

    ApplicationRules.objects.get_or_create(country=country, kind="host")
    pairing = pairing_propose(host=host, guest=guest, by=staff_a)
    for party in ("host", "guest"):
        pairing_answer(pairing_id=pairing.pk, party=party, accept=True)
    for action in ("schedule_meeting", "start_trial", "draft_convention"):
        pairing_act(pairing_id=pairing.pk, action=action, by=staff_a)
    convention = convention_render(pairing_id=pairing.pk)
    from django.core.files.uploadedfile import SimpleUploadedFile

    pdf = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    document = document_upload(application=host, kind="identity", uploaded_file=SimpleUploadedFile("id.pdf", pdf))
    from django.test import TestCase

    from documents.models import Letter
    from workflow.models import Person
    from workflow.notifications import notify

    Person.objects.filter(pk=host.person_id).update(
        preferred_channels=["post"], postal_address="3 rue des Lilas", postcode="33000", city="Bordeaux"
    )
    with TestCase.captureOnCommitCallbacks(execute=True):
        notify(
            Person.objects.get(pk=host.person_id),
            "pairing.changed",
            {"action": "pairing.proposed"},
            about=pairing,
            application=host,
        )
    letter = Letter.objects.get(notification__application=host)
    from datetime import timedelta

    from django.utils import timezone

    from appointments.services import appointment_schedule

    interview = appointment_schedule(
        by=staff_a,
        kind="interview",
        application=host,
        starts_at=timezone.now() + timedelta(days=2),
        place="Au bureau de l'association",
    )
    from conversations.models import Report
    from conversations.services import conversation_of_file, message_send

    conversation = conversation_of_file(host)
    message = message_send(conversation_id=conversation.pk, body="Bonjour, à jeudi.", user=staff_a)
    report = Report.objects.create(message=message, reporter=f"person:{host.person_id}", reason="Hors sujet")
    # Another message to hide (hiding one closes its reports).
    to_hide = message_send(conversation_id=conversation.pk, body="Mon portable : 06 00 00 00 00", user=staff_a)
    from conversations.attachments import attachment_send

    attachment = attachment_send(
        conversation_id=conversation.pk, uploaded_file=SimpleUploadedFile("liste.pdf", pdf), user=staff_a
    )
    from conversations.models import CannedReply

    CannedReply.objects.create(language="fr", title="Premiers pas", text="Bienvenue !")
    from conversations.models import Question
    from conversations.services import conversation_of_pairing

    question = Question.objects.create(
        conversation=conversation_of_pairing(pairing), asked_by=f"person:{host.person_id}", question="Le chauffage ?"
    )
    from oversight.exports import export_request
    from pairings.models import WellbeingCheck

    export = export_request(user=staff_a, kind="opendata", fmt="csv")
    wellbeing = WellbeingCheck.objects.create(
        pairing=pairing, party="host", moment="moving_in", due_on=timezone.localdate()
    )
    from tests.workflow.factories_mandates import mandate_between

    # Prepared by the association, waiting for the senior's acceptance.
    mandate = mandate_between(host, accepted=False)
    users = {
        "anonymous": None,
        "applicant": None,
        "staff_a": staff_a,
        "staff_b": StaffMembershipFactory(organisation=association_covering(territory_b)).user,
        "pension_office": StaffMembershipFactory(organisation=office, role="pension_officer").user,
        "national": StaffMembershipFactory(
            organisation=OrganisationFactory(kind="national_body", country=country), role="national_officer"
        ).user,
        "editor": get_user_model().objects.get(username="editor.france"),
    }
    objects = {
        "host": host,
        "pairing": pairing,
        "convention": convention,
        "document": document,
        "territory": territory_a,
        "letter": letter,
        "appointment": interview,
        "conversation": conversation,
        "message": message,
        "to_hide": to_hide,
        "question": question,
        "report": report,
        "attachment": attachment,
        "export": export,
        "wellbeing": wellbeing,
        "mandate": mandate,
    }
    return objects, users


def address(name: str, o: dict) -> str:
    host, pairing, convention, document = o["host"], o["pairing"], o["convention"], o["document"]
    by_pk = {
        "applicant_pairing": pairing.pk,
        "applicant_convention": convention.pk,
        "applicant_convention_pdf": convention.pk,
        "applicant_document": document.pk,
        "private_document": document.pk,
        "private_document_verify": document.pk,
        "convention_admin": convention.pk,
        "convention_admin_pdf": convention.pk,
        "convention_audit_sheet": convention.pk,
        "letter_download": o["letter"].pk,
        "appointment_change": o["appointment"].pk,
        "appointment_cancel": o["appointment"].pk,
        "appointment_ics": o["appointment"].pk,
        "applicant_appointment_ics": o["appointment"].pk,
        "appointment_new_file": host.pk,
        "appointment_new_pairing": pairing.pk,
        "conversation_admin": o["conversation"].pk,
        "applicant_conversation": o["conversation"].pk,
        "conversation_file": host.pk,
        "applicant_conversation_file": host.pk,
        "conversation_pairing": pairing.pk,
        "applicant_conversation_pairing": pairing.pk,
        "conversation_hide": o["to_hide"].pk,
        "conversation_report_staff": o["message"].pk,
        "applicant_conversation_report": o["message"].pk,
        "conversations_report_dismiss": o["report"].pk,
        "applicant_conversation_ask": o["conversation"].pk,
        "conversation_question_incident": o["question"].pk,
        "conversation_attachment": o["attachment"].pk,
        "applicant_conversation_attachment": o["attachment"].pk,
        "oversight_export_download": o["export"].pk,
        "oversight_pairing_dossier": pairing.pk,
        "oversight_pairing_dossier_pdf": pairing.pk,
        "applicant_wellbeing": o["wellbeing"].pk,
    }
    if name in by_pk:
        return reverse(name, args=[by_pk[name]])
    mandate = o["mandate"]
    if name in {"applicant_mandate_accept", "applicant_mandate_revoke"}:
        return reverse(name, args=[mandate.pk])
    if name == "applicant_mandate_right_revoke":
        return reverse(name, args=[mandate.pk, "upload"])
    if name == "applicant_mandate_join_link":
        return reverse(name, args=["not-a-real-invitation"])
    if name in {"applicant_proxy_file", "mandate_prepare"}:
        return reverse(name, args=[host.pk])
    if name.startswith("mandate_"):
        return reverse(name, args=[host.pk, mandate.pk])
    if name in {"convention_in_person", "convention_in_person_sign"}:
        return reverse(name, args=[convention.pk]) + "?party=host"
    if name == "letter_batch_pdf":
        letter = o["letter"]
        return reverse(name, args=[letter.organisation_id, timezone.localtime(letter.created_at).date().isoformat()])
    if name == "assisted_step":
        return reverse(name, args=[host.pk, 1])
    if name == "assisted_new_identity":
        return reverse(name, args=["host", "phone"])
    if name == "application_form_print":
        return reverse(name, args=[host.country.code, "host", "fr"])
    if name in {
        "assisted_consent",
        "assisted_consent_send",
        "assisted_consent_code",
        "assisted_paper_scan",
        "assisted_consent_paper",
    }:
        return reverse(name, args=[host.pk])
    if name in {
        "applicant_document_upload",
        "applicant_data_export",
        "private_document_upload",
        "private_documents_erase",
    }:
        return reverse(name, args=[host.pk])
    if name in {"applicant_export", "applicant_withdraw", "applicant_erasure", "applicant_stop_sharing"}:
        return reverse(name, args=[host.pk])
    if name == "applicant_link":
        return reverse(name, args=["not-a-real-link"])
    if name == "convention_verify_token":
        return reverse(name, args=[convention.token])
    if name == "oversight_statistics_download":
        return reverse(name, args=["overview"])
    if name == "pki_crl":
        return reverse(name, args=["issuing"])
    if name == "pairings_pairing:proposal_for":
        return reverse(name, args=[o["territory"].pk])
    if name == "pairings_pairing:suggestions":
        return reverse(name, args=[host.pk])
    if name.startswith("pairings_pairing:") and name.split(":")[1] in {
        "inspect", "edit", "copy", "delete", "history", "history_results", "usage"
    }:  # fmt: skip
        return reverse(name, args=[pairing.pk])
    if name.startswith("workflow_application:") and name.split(":")[1] not in {"index", "index_results", "add"}:
        return reverse(name, args=[host.pk])
    if name.startswith("wagtailsnippet"):
        view = name.split(":")[1]
        if view in {"edit", "copy", "delete", "history", "history_results", "usage", "chosen"}:
            from django.apps import apps

            label = name.split(":")[0].removeprefix("wagtailsnippets_").removeprefix("wagtailsnippetchoosers_")
            instance = apps.get_model(*label.split("_", 1)).objects.first()
            return reverse(name, args=[instance.pk if instance else 1])
    return reverse(name)


@pytest.mark.parametrize("role", ROLES)
def test_each_role_gets_the_expected_answer_on_every_address(client, world, role):
    objects, users = world
    if users[role] is not None:
        client.force_login(users[role])
    if role == "applicant":
        session = client.session
        from workflow.applicant_session import SESSION_KEY

        session[SESSION_KEY] = {"person_id": objects["host"].person_id}
        session.save()

    found = {}
    with translation.override("fr"):
        # Signing out last: it ends the session the other requests rely on.
        for name in sorted(MATRIX, key=lambda n: (n == "applicant_sign_out", n)):
            url = address(name, objects)
            data = POST_DATA.get(name, {})
            if name == "letters_posted":
                data = {"scope": "selected", "letter": [objects["letter"].pk]}
            response = client.post(url, data) if name in POSTED else client.get(url)
            found[name] = response.status_code

    expected = {name: statuses[ROLES.index(role)] for name, statuses in MATRIX.items()}
    assert {n: s for n, s in found.items() if s != expected[n]} == {}
