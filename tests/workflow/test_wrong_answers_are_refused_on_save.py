"""A declared answer of the wrong type is refused when a file is saved, with a message saying which and why."""

import uuid
from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from tests.workflow.factories import ApplicationFactory, TerritoryFactory, association_covering
from workflow.applicants import application_save_answers, application_start
from workflow.models import Application


@pytest.fixture(autouse=True)
def _in_english():
    """The messages are read in English here; they are translated like every other (tests/translations)."""
    with translation.override("en"):
        yield


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ({"start_date": "next week"}, "The answer “start_date” must be a date written YYYY-MM-DD."),
        ({"end_date": "2026-02-30"}, "The answer “end_date” must be a date written YYYY-MM-DD."),
        ({"budget": "a lot"}, "The answer “budget” must be an amount, such as 120 or 120.50."),
        ({"evenings_per_week": "three"}, "The answer “evenings_per_week” must be a whole number."),
        ({"pets_ok": "yes"}, "The answer “pets_ok” must be yes or no."),
        ({"preferences": 12}, "The answer “preferences” must be a text."),
        ({"programme": "astronaut"}, "“astronaut” is not one of the choices of the answer “programme”."),
        ({"languages": "fr"}, "The answer “languages” must be a list of choices."),
        ({"services": ["knitting"]}, "“knitting” is not one of the choices of the answer “services”."),
        ({"programme": ""}, "The answer “programme” cannot be left empty."),
        ({"contribution": "80"}, "The answer “contribution” does not belong to this kind of file."),
    ],
)
def test_a_wrong_answer_is_refused_and_the_file_stays_as_it_was(answers, message):
    guest = ApplicationFactory(answers={"budget": "90"})

    with pytest.raises(ValidationError) as refused:
        application_save_answers(application_id=guest.pk, answers={**answers, "preferences_ok": "kept?"})

    assert refused.value.message_dict == {next(iter(answers)): [message]}
    guest.refresh_from_db()
    assert guest.answers == {"budget": "90"}


def test_each_wrong_answer_is_named_at_once():
    guest = ApplicationFactory()

    with pytest.raises(ValidationError) as refused:
        application_save_answers(application_id=guest.pk, answers={"budget": "?", "smoker": "?", "budget_note": "?"})

    assert set(refused.value.message_dict) == {"budget", "smoker"}


def test_answers_are_stored_as_json_whatever_python_values_they_came_as():
    guest = ApplicationFactory()

    application_save_answers(
        application_id=guest.pk,
        answers={"start_date": date(2026, 4, 1), "budget": Decimal("90.50"), "evenings_per_week": "3", "smoker": False},
    )

    guest.refresh_from_db()
    assert guest.answers == {"start_date": "2026-04-01", "budget": "90.50", "evenings_per_week": 3, "smoker": False}


def test_questions_the_schema_does_not_declare_are_stored_as_they_come():
    guest = ApplicationFactory()

    application_save_answers(application_id=guest.pk, answers={"extra_7": "Oui", "motivation": "Partager", "x": [1]})

    guest.refresh_from_db()
    assert guest.answers == {"extra_7": "Oui", "motivation": "Partager", "x": [1]}


def test_an_optional_answer_left_empty_is_accepted():
    host = ApplicationFactory(host=True)

    application_save_answers(application_id=host.pk, answers={"available_until": None, "guest_gender": ""})

    host.refresh_from_db()
    assert host.answers == {"available_until": None, "guest_gender": ""}


def test_the_first_step_refuses_a_wrong_answer_before_creating_anything():
    territory = TerritoryFactory(department=True)
    association_covering(territory)
    identity = {
        "first_name": "Paulette",
        "last_name": "Arnaud",
        "email": "paulette@example.org",
        "birth_date": date(1950, 5, 1),
        "language": "fr",
        "postcode": 33000,
    }

    with pytest.raises(ValidationError) as refused:
        application_start(
            form_key=uuid.uuid4(), kind="host", country=territory.country, territory=territory, identity=identity
        )

    assert refused.value.message_dict == {"postcode": ["The answer “postcode” must be a text."]}
    assert not Application.objects.filter(email="paulette@example.org").exists()
