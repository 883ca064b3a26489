"""Conversations of a file and of a pairing, with their people signed in, for the tests of this folder."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from pairings.services import pairing_answer, pairing_propose
from tests.pairings import conftest as pairings_fixtures
from tests.pairings.conftest import approved
from tests.workflow.factories import (
    ApplicationFactory,
    StaffMembershipFactory,
    TerritoryFactory,
    association_covering,
    set_state,
)

# The territory, its advisor and its pension officer, as the pairings' tests make them.
territory, advisor, officer = pairings_fixtures.territory, pairings_fixtures.advisor, pairings_fixtures.officer


@pytest.fixture
def client(committing_client):
    return committing_client


@pytest.fixture
def stranger_advisor():
    """An advisor of another department's association."""
    return StaffMembershipFactory(organisation=association_covering(TerritoryFactory(department=True))).user


@pytest.fixture
def sent_file(territory):
    return set_state(ApplicationFactory(territory=territory, country=territory.country), "submitted")


@pytest.fixture
def pairing(territory, advisor):
    made = pairing_propose(host=approved("host", territory), guest=approved("guest", territory), by=advisor)
    for party in ("guest", "host"):
        pairing_answer(pairing_id=made.pk, party=party, accept=True)
    made.refresh_from_db()
    return made


def sign_in(client, application):
    """The applicant of ``application`` signs in to their space with the link emailed to them."""
    client.post(reverse("applicant_space"), {"email": application.email})
    link = re.search(r"https?://\S+/my-application/link/\S+/", mail.outbox[-1].body).group(0)
    client.post(link)
    return client


@pytest.fixture
def sockets(settings, monkeypatch):
    """Sockets on one in-memory channel layer, their database work on the test's connection."""
    from asgiref.sync import sync_to_async
    from channels.layers import channel_layers

    settings.CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
    # The test's data is in its transaction, which the sockets' own asynchronous connections
    # cannot see: they store through Django's (the loop's store has its own tests).
    settings.CONVERSATION_STORE_ON_LOOP = False
    channel_layers.backends.clear()
    from django.test import TestCase

    def as_its_own_transaction(function, **_options):
        # Each piece of the consumer's database work commits on its own in production: what it
        # queues for after the commit (an announcement) happens as it ends.
        def run(*args, **kwargs):
            with TestCase.captureOnCommitCallbacks(execute=True):
                return function(*args, **kwargs)

        return sync_to_async(run, thread_sensitive=True)

    monkeypatch.setattr("conversations.consumers.in_thread", as_its_own_transaction)
    # Channels' session middleware closes "old" connections around its own database work: in a
    # test, that would be the test's connection, inside its transaction.
    monkeypatch.setattr("channels.db.close_old_connections", lambda: None)
    yield
    channel_layers.backends.clear()
