"""seed_demo fills the back office with realistic applicants in every state; running it twice adds nothing."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from workflow.enums import ApplicationState
from workflow.models import Application


def seeded():
    return Application.objects.filter(email__startswith="seed-")


def test_seed_demo_creates_files_in_every_state_across_countries():
    err = StringIO()

    call_command("seed_demo", "--seniors", "10", "--youths", "9", stdout=StringIO(), stderr=err)

    assert seeded().count() == 19
    assert set(seeded().filter(kind="host").values_list("state", flat=True)) == set(ApplicationState.values)
    guest_states = set(seeded().filter(kind="guest").values_list("state", flat=True))
    assert guest_states == set(ApplicationState.values) - {"home_visit_done"}
    assert set(seeded().values_list("country__code", flat=True)) == {"FR", "ES"}
    assert "Applicants" in err.getvalue()  # the progress bar


def test_each_seeded_file_has_the_history_of_its_state():
    call_command("seed_demo", "--seniors", "10", "--youths", "0", verbosity=0)

    approved = seeded().get(state="approved")
    assert list(approved.transitions.values_list("to_state", flat=True)) == [
        "submitted",
        "in_review",
        "interview_scheduled",
        "home_visit_done",
        "approved",
    ]
    for application in seeded():
        assert application.age_allowed(), application


def test_running_seed_demo_twice_adds_nothing():
    call_command("seed_demo", "--seniors", "3", "--youths", "3", verbosity=0)
    out = StringIO()

    call_command("seed_demo", "--seniors", "3", "--youths", "3", stdout=out, stderr=StringIO())

    assert seeded().count() == 6
    assert "0 files created, 6 already there." in out.getvalue()


def test_negative_numbers_are_refused():
    with pytest.raises(CommandError):
        call_command("seed_demo", "--seniors", "-1", verbosity=0)


def test_no_audit_entry_of_the_seeded_files_holds_an_address_or_a_name():
    out = StringIO()
    call_command("seed_demo", "--seniors", "10", "--youths", "9", verbosity=0)

    call_command("audit_scan_personal_data", stdout=out)

    assert "No personal data in" in out.getvalue()
