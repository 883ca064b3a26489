"""Every message leads its reader to the page where they act: their file in the space, their
proposal, their convention; staff messages to the admin."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from pairings.services import pairing_act, pairing_answer, pairing_propose
from tests.pairings.conftest import approved, rendered_convention
from workflow.models import Notification
from workflow.notifications import KINDS, _render, action_url, notify

from .factories import ApplicationFactory, StaffMembershipFactory, association_covering

URL = re.compile(r"https?://\S+")


def bodies():
    folder = next(
        Path(d) / "notifications" for d in settings.TEMPLATES[0]["DIRS"] if (Path(d) / "notifications").is_dir()
    )
    return sorted(p for p in folder.glob("*.txt") if not p.name.endswith(".sms.txt"))


def test_every_email_template_holds_a_link():
    found = bodies()

    assert {p.name.removesuffix(".txt") for p in found} >= {k.template or k.name for k in KINDS.values()}
    for path in found:
        assert re.search(r"\{\{\s*[\w.]*url\s*\}\}", path.read_text()), path.name


def made(recipient, kind, context, about, application=None):
    (notification, *_others) = notify(recipient, kind, context, about=about, occasion=kind, application=application)
    return notification


def site_link(body):
    links = URL.findall(body)
    assert links, body
    return links


@pytest.fixture
def pair():
    application = ApplicationFactory()
    advisor = StaffMembershipFactory(organisation=association_covering(application.territory)).user
    host, guest = approved("host", application.territory), approved("guest", application.territory)
    return pairing_propose(host=host, guest=guest, by=advisor), advisor


def test_a_change_of_the_file_links_to_the_file_in_the_space():
    application = ApplicationFactory(language="fr")
    notification = made(
        application.person, "application.changed", {"state": "sent_back", "reason": ""}, application, application
    )

    _subject, body, _sms = _render(notification, {"message": "…"})

    assert f"{settings.PUBLIC_BASE_URL.rstrip('/')}/fr/my-application/#application-{application.pk}" in site_link(body)


def test_a_proposal_links_to_the_proposal_page(pair):
    pairing, _advisor = pair
    notification = made(pairing.guest.person, "pairing.changed", {"action": "pairing.proposed"}, pairing, pairing.guest)

    _subject, body, sms = _render(notification, {})

    expected = (
        settings.PUBLIC_BASE_URL.rstrip("/")
        + translation.override("fr")(lambda: reverse("applicant_pairing", args=[pairing.pk]))()
    )
    assert expected in site_link(body)


def test_a_convention_to_sign_links_to_the_convention_page(pair):
    pairing, advisor = pair
    for party in ("guest", "host"):
        pairing_answer(pairing_id=pairing.pk, party=party, accept=True)
    for action in ("schedule_meeting", "start_trial", "draft_convention"):
        pairing = pairing_act(pairing_id=pairing.pk, action=action, by=advisor)
    rendered_convention(pairing)
    pairing = pairing_act(pairing_id=pairing.pk, action="open_signing", by=advisor)
    convention = pairing.conventions.get()
    notification = Notification.objects.filter(
        kind="pairing.changed", context__action="pairing.signing_opened", person=pairing.host.person
    ).first()

    with translation.override("fr"):
        expected = settings.PUBLIC_BASE_URL.rstrip("/") + reverse("applicant_convention", args=[convention.pk])
    assert action_url(notification) == expected
    _subject, body, _sms = _render(notification, {})
    assert expected in body


def test_a_signing_code_links_to_the_convention_page():
    application = ApplicationFactory(language="fr")
    notification = made(
        application.person, "convention.signing_code", {"convention_id": 7}, "documents.convention:7", application
    )

    _subject, body, _sms = _render(notification, {"code": "123456", "convention": {"reference": "C-7"}})

    with translation.override("fr"):
        expected = settings.PUBLIC_BASE_URL.rstrip("/") + reverse("applicant_convention", args=[7])
    assert expected in site_link(body)


def test_every_kind_renders_with_a_link_of_the_site():
    application = ApplicationFactory(language="fr")
    # Reachable by every channel: some kinds travel only by text message or only by post.
    person = application.person
    person.mobile, person.postal_address, person.postcode, person.city = (
        "+33612345678",
        "1 rue Haute",
        "33000",
        "Bordeaux",
    )
    person.save()
    staff = StaffMembershipFactory(organisation=association_covering(application.territory)).user
    admin = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/admin/"
    contexts = {
        "application.changed": ({"state": "approved", "reason": ""}, {"message": "…"}),
        "applicant.confirm_email": ({"purpose": "confirm_email"}, {"url": "https://weshare.example/fr/x/"}),
        "applicant.sign_in": ({"purpose": "sign_in"}, {"url": "https://weshare.example/fr/x/"}),
        "applicant.email_changed": ({}, {}),
        "pairing.changed": ({"action": "pairing.accepted"}, {}),
        "pairing.wellbeing_due": (
            {"check_id": 1, "moment": "moving_in"},
            {"answer_url": "https://weshare.example/fr/my-pairing/wellbeing/1/"},
        ),
        "convention.signing_code": ({"convention_id": 3}, {"code": "000000"}),
        "staff.erasure_requested": ({"file_url": "https://admin.weshare.example/admin/x/"}, {}),
        "staff.waiting_files": ({}, {"lines": [{"application": application, "days": 9, "url": admin}]}),
        "staff.check_ins_due": ({}, {"lines": [{"check_in": {"pairing": "A & B"}, "url": admin}]}),
        "staff.signature_awaited": ({"convention_id": 1, "url": admin}, {}),
        "staff.export_ready": ({"export_id": 1, "url": admin + "exports/"}, {}),
        "conversation.unread": ({"conversation_id": 1}, {"url": "https://weshare.example/fr/my-messages/1/"}),
        "convention.signing_code_sms": (
            {"convention_id": 3, "identity_check_id": 1},
            {"code": "000000", "expires_at": None},
        ),
        "convention.signing_code_letter": (
            {"convention_id": 3, "identity_check_id": 1},
            {"code": "000000", "expires_at": None},
        ),
        "mandate.invitation": (
            {"mandate_id": 0, "proxy_name": "Paul", "person_name": "Marie"},
            {"url": "https://weshare.example/fr/my-application/proxy/join/x/"},
        ),
        "mandate.sign_in": ({}, {"url": "https://weshare.example/fr/my-application/link/x/"}),
        "mandate.acceptance_code": ({"mandate_id": 0, "proxy_name": "Paul"}, {"code": "000000"}),
        **{
            kind: (
                {
                    "proxy_name": "Paul",
                    "person_name": "Marie",
                    "expires_on": "2026-04-11",
                    "url": "https://weshare.example/fr/my-application/mandates/",
                },
                {},
            )
            for kind in ("mandate.accepted", "mandate.revoked", "mandate.expiring")
        },
        "mandate.journal": ({"month": "2026-03"}, {"lines": []}),
        "assisted.consent_code_sms": (
            {"consent_id": 1},
            {"code": "000000", "wording": "…", "valid_until": None, "association": None},
        ),
        "assisted.consent_code_post": (
            {"consent_id": 1},
            {"code": "000000", "wording": "…", "valid_until": None, "association": None},
        ),
    }
    for kind in ("invitation", "changed", "cancelled", "reminder"):
        contexts[f"appointment.{kind}"] = (
            {"appointment_id": 0, "sequence": 0, "kind": "interview"},
            {"appointment": None, "time_zone": "Europe/Paris"},
        )
    assert set(contexts) == set(KINDS)
    sites = (
        settings.PUBLIC_BASE_URL.rstrip("/"),
        settings.WAGTAILADMIN_BASE_URL.rstrip("/"),
        "https://weshare.example",
        "https://admin.weshare.example",
    )
    for kind, (context, extra) in contexts.items():
        recipient = staff if kind.startswith("staff.") else application.person
        about = "pairings.pairing:5" if kind == "pairing.changed" else application
        notification = made(recipient, kind, context, about, application)
        _subject, body, _sms = _render(notification, extra)
        links = site_link(body)
        assert any(link.startswith(sites) for link in links), (kind, links)
