"""A file's answers as the form asked them, for the staff who vet it: step by step, in words.

Labels are the form's own (the applicant and the advisor read the same question), choices are
shown by their labels, never their codes, and a question left empty reads "not answered".
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from django import forms
from django.utils import formats
from django.utils.translation import gettext as _

from .forms import STEPS, extra_questions_for
from .models import Application

#: Fields of the identity step stored on the file itself rather than among its answers.
ON_THE_FILE = ("first_name", "last_name", "email", "phone", "birth_date", "language", "territory")
#: Questions that are not answers to vet (the consent is recorded with its date on the file).
NOT_SHOWN = ("consent",)


@dataclass(frozen=True)
class Answer:
    label: str
    value: str
    answered: bool
    long: bool = False


@dataclass(frozen=True)
class AnswerGroup:
    title: str
    answers: list[Answer]


def _choice_labels(field) -> dict:
    labels = {}
    for value, label in field.choices:
        if isinstance(label, list | tuple):  # a group of choices
            labels.update({str(v): str(lbl) for v, lbl in label})
        else:
            labels[str(value)] = str(label)
    return labels


def _as_date(value):
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None


def _words(field, value) -> str | None:
    """``value`` as a person reads it, or None when the question was left empty."""
    if isinstance(field, forms.BooleanField):
        if value is None or value == "":
            return None
        return _("Yes") if value else _("No")
    if value is None or value == "" or value == []:
        return None
    if isinstance(field, forms.ModelChoiceField):
        return str(value)
    if isinstance(field, forms.MultipleChoiceField):
        labels = _choice_labels(field)
        chosen = value if isinstance(value, list | tuple) else [value]
        return ", ".join(labels.get(str(item), str(item)) for item in chosen)
    if isinstance(field, forms.ChoiceField):
        return _choice_labels(field).get(str(value), str(value))
    if isinstance(field, forms.DateField):
        day = _as_date(value)
        return formats.date_format(day, "DATE_FORMAT") if day else str(value)
    if isinstance(field, forms.DecimalField):
        try:
            return formats.number_format(Decimal(str(value)), decimal_pos=2, use_l10n=True)
        except InvalidOperation:
            return str(value)
    return str(value)


def _value(application: Application, name: str):
    if name == "territory":
        return application.territory
    if name in ON_THE_FILE:
        return getattr(application, name)
    return application.answers.get(name)


def answer_groups(application: Application) -> list[AnswerGroup]:
    """The file's answers grouped by the steps of its kind's form, the country's questions last."""
    steps = STEPS.get(application.kind, [])
    groups = []
    for index, step in enumerate(steps):
        extra = extra_questions_for(application.country, application.kind) if index == len(steps) - 1 else ()
        form = step.form_class(country=application.country, kind=application.kind, extra_questions=extra)
        answers = []
        for name, field in form.fields.items():
            if name in NOT_SHOWN:
                continue
            words = _words(field, _value(application, name))
            answers.append(
                Answer(
                    label=str(field.label),
                    value=words if words is not None else _("not answered"),
                    answered=words is not None,
                    long=isinstance(field.widget, forms.Textarea),
                )
            )
        groups.append(AnswerGroup(title=str(step.title), answers=answers))
    return groups
