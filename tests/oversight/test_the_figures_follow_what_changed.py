"""The figures read each file's and pairing's milestones: a refresh rewrites the rows of what
changed since the last one, the same rows a full rewrite gives; a reader who finds them older
than their allowed age brings them up to date first."""

from datetime import timedelta

import pytest
from django.utils import timezone

from oversight import milestones
from oversight.milestones import FileMilestone, PairingMilestone, figures_as_of, milestones_rebuild, milestones_refresh
from pairings.models import Pairing
from tests.oversight.figures_seed import seed
from tests.workflow.factories import ApplicationFactory, UserFactory
from workflow.models import ApplicationTransitionLog


def rows():
    files = {row["application_id"]: row for row in FileMilestone.objects.values()}
    pairings = {row["pairing_id"]: row for row in PairingMilestone.objects.values()}
    return files, pairings


@pytest.fixture
def background(settings):
    """As in production: the figures may be five minutes old, the refresh runs in the background."""
    settings.OVERSIGHT_FIGURES_MAX_AGE_SECONDS = 300
    milestones._last_seen = (0.0, None)
    yield
    milestones._last_seen = (0.0, None)


def test_a_refresh_writes_the_files_and_pairings_that_changed_since_the_last_one(background, clock):
    milestones_rebuild()
    clock.shift(timedelta(minutes=1))
    host = ApplicationFactory(host=True, state="approved", submitted_at=timezone.now(), decided_at=timezone.now())
    guest = ApplicationFactory(state="in_review", submitted_at=timezone.now())
    ApplicationTransitionLog.objects.create(
        application=guest, action="application.review_started", from_state="submitted", to_state="in_review"
    )
    pairing = Pairing.objects.create(host=host, guest=guest, created_by=UserFactory())

    milestones_refresh()

    files, pairings = rows()
    assert files[guest.pk]["reviewed"] is True
    assert files[guest.pk]["review_at"] == timezone.now()
    assert files[host.pk]["proposed_at"] == pairing.created_at
    assert pairings[pairing.pk]["territory_id"] == host.territory_id
    assert pairings[pairing.pk]["guest_territory_id"] == guest.territory_id


def test_a_refresh_gives_the_rows_a_full_rewrite_gives(background, clock):
    milestones_rebuild()
    clock.shift(timedelta(minutes=1))
    seed()

    milestones_refresh()
    refreshed = rows()
    milestones_rebuild()

    assert refreshed == rows()
    assert refreshed[0] and refreshed[1]


def test_a_reader_finds_the_figures_as_old_as_allowed_then_brought_up_to_date(background, clock):
    milestones_rebuild()
    clock.shift(timedelta(minutes=1))
    late = ApplicationFactory()

    assert figures_as_of() <= timezone.now() - timedelta(minutes=1)
    assert not FileMilestone.objects.filter(application_id=late.pk).exists()

    clock.shift(timedelta(minutes=5))
    milestones._last_seen = (0.0, None)  # another process, or the same one a while later
    assert figures_as_of() == timezone.now()
    assert FileMilestone.objects.filter(application_id=late.pk).exists()
