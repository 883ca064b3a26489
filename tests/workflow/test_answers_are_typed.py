"""The answers the platform reads arrive as Python values (dates, amounts, numbers, choices), not strings."""

import dataclasses
import typing
from datetime import date
from decimal import Decimal

import pytest

from pairings.matching import features
from pairings.matching.features import NO_END, guests_side, hosts_side
from tests.workflow.factories import ApplicationFactory
from workflow.answers import (
    SCHEMA,
    AnswerType,
    GuestAnswers,
    HostAnswers,
    Programme,
    Smoking,
    answers_of,
    typed_answers,
)
from workflow.enums import Gender, Service


def test_a_hosts_answers_stored_as_json_arrive_as_python_values():
    host = ApplicationFactory(
        host=True,
        answers={
            "available_from": "2026-04-01",
            "available_until": "2027-03-31",
            "contribution": "80.50",
            "evenings_per_week": 3,
            "languages": ["fr", "es"],
            "services": ["company"],
            "smoking": "outside",
            "step_free": True,
            "gender": "woman",
        },
    )

    answers = typed_answers(host)

    assert isinstance(answers, HostAnswers)
    assert answers.available_from == date(2026, 4, 1)
    assert answers.available_until == date(2027, 3, 31)
    assert answers.contribution == Decimal("80.50")
    assert answers.evenings_per_week == 3
    assert answers.languages == ("fr", "es")
    assert answers.services == (Service.COMPANY,)
    assert answers.smoking is Smoking.OUTSIDE
    assert answers.step_free is True
    assert answers.gender is Gender.WOMAN


def test_a_guests_answers_arrive_as_python_values():
    guest = ApplicationFactory(
        answers={"start_date": "2026-04-01", "budget": 120, "programme": "erasmus", "smoker": False}
    )

    answers = typed_answers(guest)

    assert isinstance(answers, GuestAnswers)
    assert answers.start_date == date(2026, 4, 1)
    assert answers.budget == Decimal("120")
    assert answers.programme is Programme.ERASMUS
    assert answers.smoker is False


def test_an_answer_not_given_reads_as_none_and_a_list_as_empty():
    answers = typed_answers(ApplicationFactory(host=True, answers={}))

    assert answers.available_from is None
    assert answers.contribution is None
    assert answers.languages == ()


def test_an_unreadable_stored_answer_reads_as_not_given():
    """Files stored before answers were validated may hold anything; the readers never crash on them."""
    host = ApplicationFactory(
        host=True, answers={"available_until": "soon", "contribution": "a lot", "smoking": "sometimes"}
    )

    answers = typed_answers(host)

    assert (answers.available_until, answers.contribution, answers.smoking) == (None, None, None)


def test_the_matching_reads_a_date_stored_as_iso_text_as_a_date():
    host = ApplicationFactory(host=True, answers={"available_from": "2026-04-01", "contribution": "80.50"})
    guest = ApplicationFactory(answers={"start_date": "2026-04-15", "end_date": "2026-12-15"})

    hosts, guests = hosts_side([host]), guests_side([guest])

    assert hosts.start[0] == date(2026, 4, 1).toordinal()
    assert hosts.end[0] == NO_END
    assert hosts.money[0] == pytest.approx(80.5)
    assert (guests.start[0], guests.end[0]) == (date(2026, 4, 15).toordinal(), date(2026, 12, 15).toordinal())


def test_the_matching_takes_its_values_from_the_schemas_accessor(monkeypatch):
    """Whatever the JSON holds, the matching sees what the typed answers say: it reads no key itself."""
    typed = HostAnswers(available_from=date(2030, 1, 1), smoking=Smoking.YES, pets="a dog")
    monkeypatch.setattr(features.HostAnswers, "read", classmethod(lambda cls, raw: typed))

    hosts = hosts_side([ApplicationFactory(host=True, answers={"available_from": "2026-04-01"})])

    assert hosts.start[0] == date(2030, 1, 1).toordinal()
    assert not hosts.smoking[0]
    assert hosts.pets[0]


PYTHON_TYPES = {
    AnswerType.DATE: date,
    AnswerType.DECIMAL: Decimal,
    AnswerType.INTEGER: int,
    AnswerType.BOOLEAN: bool,
    AnswerType.TEXT: str,
}


@pytest.mark.parametrize("typed", [HostAnswers, GuestAnswers])
def test_each_typed_answer_has_the_python_type_its_declaration_says(typed):
    hints = {field.name: typing.get_type_hints(typed)[field.name] for field in dataclasses.fields(typed)}

    assert set(hints) == {answer.name for answer in answers_of(typed.KIND)}
    for name, hint in hints.items():
        answer = SCHEMA[name]
        if answer.type == AnswerType.CHOICES:
            assert typing.get_origin(hint) is tuple, name
        elif answer.type == AnswerType.CHOICE:
            assert set(typing.get_args(hint)) == {answer.choices, type(None)}, name
        else:
            assert set(typing.get_args(hint)) == {PYTHON_TYPES[answer.type], type(None)}, name
