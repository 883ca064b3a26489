"""System checks of the workflow app: the public forms still ask every answer the platform reads.

Registered in :meth:`workflow.apps.WorkflowConfig.ready`; ``manage.py check`` (and so every
``runserver``, ``migrate`` and test run) fails when a step's field that the answer schema
(:mod:`workflow.answers`) declares was renamed, removed or changed to another type.
"""

from django import forms
from django.core import checks

from .answers import AnswerType, Use, answers_of

#: The form field each type of answer is asked with (subclasses are fine).
FIELD_FOR = {
    AnswerType.DATE: forms.DateField,
    AnswerType.DECIMAL: forms.DecimalField,
    AnswerType.INTEGER: forms.IntegerField,
    AnswerType.BOOLEAN: forms.BooleanField,
    AnswerType.TEXT: forms.CharField,
    AnswerType.CHOICE: forms.ChoiceField,
    AnswerType.CHOICES: forms.MultipleChoiceField,
}


def _readers(answer) -> str:
    order = [Use.MATCHING, Use.CONVENTION, Use.STATISTICS, Use.PROFILE]
    return ", ".join(str(use) for use in order if use in answer.used_by)


def _asks_as(field, answer) -> bool:
    if not isinstance(field, FIELD_FOR[answer.type]):
        return False
    # A multiple choice is a ChoiceField too, and a choice must not become a list of them.
    return answer.type == AnswerType.CHOICES or not isinstance(field, forms.MultipleChoiceField)


def answers_missing_from_forms(steps=None) -> list[checks.CheckMessage]:
    """An error for each declared answer that no step of its kind's form asks as the schema says.

    ``steps`` (kind → steps, each with a ``form_class``) defaults to the public forms' steps.
    """
    if steps is None:
        from .forms import STEPS as steps
    errors: list[checks.CheckMessage] = []
    for kind, kind_steps in steps.items():
        fields = {}
        for step in kind_steps:
            fields.update(step.form_class.base_fields)
        for answer in answers_of(kind):
            if not answer.asked:
                continue
            field = fields.get(answer.name)
            if field is None:
                errors.append(
                    checks.Error(
                        f"No step of the {kind} form asks the answer {answer.name!r}, which the {_readers(answer)} "
                        "read.",
                        hint=f"Name the form field after the schema (workflow.answers: {answer.name!r}), or change "
                        "the schema and its readers together.",
                        obj=f"workflow.answers.{answer.name}",
                        id="workflow.E001",
                    )
                )
            elif not _asks_as(field, answer):
                errors.append(
                    checks.Error(
                        f"The {kind} form asks {answer.name!r} with a {type(field).__name__}, but the schema says it "
                        f"is a {answer.type} answer.",
                        hint=f"Use a {FIELD_FOR[answer.type].__name__} or change the schema's type.",
                        obj=f"workflow.answers.{answer.name}",
                        id="workflow.E002",
                    )
                )
            elif answer.allowed and {str(code) for code, _label in field.choices if code} != set(answer.allowed):
                errors.append(
                    checks.Error(
                        f"The choices of {answer.name!r} in the {kind} form differ from the schema's.",
                        hint="Take the field's choices from the schema's enum.",
                        obj=f"workflow.answers.{answer.name}",
                        id="workflow.E003",
                    )
                )
    return errors


def check_answers_are_asked(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """The registered check (``app_configs`` is ignored: the forms are the workflow app's)."""
    return answers_missing_from_forms()
