"""Renaming, removing or retyping a form field the matching reads is reported by a system check, not lost."""

import pytest
from django import forms
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from workflow.checks import answers_missing_from_forms
from workflow.enums import ApplicationKind
from workflow.forms import STEPS, GuestLifeForm, HostHomeForm, Step


def renamed(fields, old, new):
    """The fields in their order, one of them under another name."""
    return {new if name == old else name: field for name, field in fields.items()}


def test_the_public_forms_ask_every_answer_the_schema_declares():
    assert answers_missing_from_forms() == []


def test_renaming_a_field_the_matching_reads_is_reported(monkeypatch):
    monkeypatch.setattr(HostHomeForm, "base_fields", renamed(HostHomeForm.base_fields, "available_until", "until"))

    errors = answers_missing_from_forms()

    assert [error.id for error in errors] == ["workflow.E001"]
    assert "'available_until'" in errors[0].msg
    assert "matching" in errors[0].msg
    assert errors[0].obj == "workflow.answers.available_until"


def test_the_check_stops_manage_py_check(monkeypatch):
    monkeypatch.setattr(HostHomeForm, "base_fields", renamed(HostHomeForm.base_fields, "smoking", "smoke"))

    with pytest.raises(SystemCheckError, match="workflow.E001"):
        call_command("check", tags=["workflow"])


def test_a_form_subclass_with_a_renamed_field_is_reported():
    class RenamedLifeForm(GuestLifeForm):
        pass

    RenamedLifeForm.base_fields = renamed(GuestLifeForm.base_fields, "budget", "monthly_budget")
    steps = {**STEPS, ApplicationKind.GUEST: [*STEPS[ApplicationKind.GUEST][:2], Step("life", "", RenamedLifeForm)]}

    errors = answers_missing_from_forms(steps)

    assert [(error.id, error.obj) for error in errors] == [("workflow.E001", "workflow.answers.budget")]


def test_asking_an_answer_with_a_field_of_another_type_is_reported(monkeypatch):
    fields = {**GuestLifeForm.base_fields, "evenings_per_week": forms.CharField()}
    monkeypatch.setattr(GuestLifeForm, "base_fields", fields)

    assert [(e.id, e.obj) for e in answers_missing_from_forms()] == [
        ("workflow.E002", "workflow.answers.evenings_per_week")
    ]


def test_offering_other_choices_than_the_schema_is_reported(monkeypatch):
    fields = {**HostHomeForm.base_fields, "smoking": forms.ChoiceField(choices=[("no", "no"), ("yes", "yes")])}
    monkeypatch.setattr(HostHomeForm, "base_fields", fields)

    assert [(e.id, e.obj) for e in answers_missing_from_forms()] == [("workflow.E003", "workflow.answers.smoking")]


def test_an_answer_written_by_the_association_is_not_expected_in_the_forms():
    host_fields = {name for step in STEPS[ApplicationKind.HOST] for name in step.form_class.base_fields}

    assert "room" not in host_fields
    assert answers_missing_from_forms() == []
