"""A pairing ready to be signed: two applicants of different languages, their advisor, the region's
pension office, convention templates in both languages, authenticator apps for the staff."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.test import TestCase
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.blocks import StreamValue

from documents.conventions.services import convention_render, signing_code_send
from documents.models import ConventionTemplate
from pairings.services import pairing_act, pairing_answer, pairing_propose
from tests.workflow.factories import (
    ApplicationFactory,
    OrganisationFactory,
    StaffMembershipFactory,
    TerritoryFactory,
    association_covering,
    set_state,
)

TEXTS = {
    "fr": (
        "Convention d'hébergement",
        "Les parties",
        "<p>{host_name} accueille {guest_name} pour {contribution} {currency} par mois.</p>",
    ),
    "it": (
        "Convenzione di coabitazione",
        "Le parti",
        "<p>{host_name} accoglie {guest_name} per {contribution} {currency} al mese.</p>",
    ),
}


def make_template(country, language, *, body=None, title=None):
    default_title, heading, default_body = TEXTS[language]
    template = ConventionTemplate(
        country=country, language=language, title=title or default_title, legal_mentions="<p>Préavis d'un mois.</p>"
    )
    template.articles = StreamValue(
        template.articles.stream_block, [("article", {"heading": heading, "body": body or default_body})], is_lazy=False
    )
    return template


@pytest.fixture
def territory():
    territory = TerritoryFactory(department=True)
    office = OrganisationFactory(pension_office=True, country=territory.country, name="CARSAT Test")
    territory.parent.pension_office = office
    territory.parent.save()
    return territory


@pytest.fixture
def advisor(territory):
    user = StaffMembershipFactory(organisation=association_covering(territory)).user
    TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    return user


@pytest.fixture
def officer(territory):
    user = StaffMembershipFactory(organisation=territory.parent.pension_office, role="pension_officer").user
    TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    return user


@pytest.fixture
def templates(territory):
    found = []
    for language in ("fr", "it"):
        template = make_template(territory.country, language)
        template.full_clean()
        template.save()
        found.append(template)
    return found


def _approved(kind, territory, **fields):
    today = timezone.localdate()
    answers = {
        "languages": ["fr", "it"],
        "evenings_per_week": 3,
        "contribution": "90",
        "budget": "150",
        "available_from": today.isoformat(),
        "start_date": today.isoformat(),
        "end_date": (today + timedelta(days=250)).isoformat(),
        "pets_ok": True,
        "room": "Chambre bleue",
        "smoking": "outside",
    }
    extra = {"host": True} if kind == "host" else {}
    return set_state(
        ApplicationFactory(territory=territory, country=territory.country, answers=answers, **extra, **fields),
        "approved",
    )


@pytest.fixture
def pairing(territory, advisor, officer, templates):
    """A pairing whose convention is rendered and open for signatures."""
    host = _approved("host", territory, language="fr", first_name="Monique", last_name="Durand")
    guest = _approved("guest", territory, language="it", first_name="Giulia", last_name="Bianchi")
    pairing = pairing_propose(host=host, guest=guest, by=advisor)
    for party in ("guest", "host"):
        pairing_answer(pairing_id=pairing.pk, party=party, accept=True)
    for action in ("schedule_meeting", "start_trial", "draft_convention"):
        pairing = pairing_act(pairing_id=pairing.pk, action=action, by=advisor)
    convention_render(pairing_id=pairing.pk)
    return pairing_act(pairing_id=pairing.pk, action="open_signing", by=advisor)


@pytest.fixture
def convention(pairing):
    return pairing.conventions.get()


def emailed_code(convention, application) -> str:
    """Ask for a code as the signing page does; it leaves once the request's transaction commits."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        signing_code_send(convention_id=convention.pk, application=application)
    return re.search(r"^\s+(\d{6})\s*$", mail.outbox[-1].body, re.MULTILINE).group(1)


def app_code(user) -> str:
    device = TOTPDevice.objects.get(user=user)
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):0{device.digits}d}"


def sign_all(convention, advisor, officer):
    from documents.conventions.services import convention_sign

    pairing = convention.pairing
    convention_sign(
        convention_id=convention.pk,
        party="guest",
        code=emailed_code(convention, pairing.guest),
        application=pairing.guest,
    )
    convention_sign(
        convention_id=convention.pk, party="host", code=emailed_code(convention, pairing.host), application=pairing.host
    )
    convention_sign(convention_id=convention.pk, party="association", code=app_code(advisor), user=advisor)
    return convention_sign(convention_id=convention.pk, party="pension_office", code=app_code(officer), user=officer)
