"""The application form on paper: every question of the public form's steps, in large type, with
boxes to tick and lines to write on, the consent to sign, and the association to send it back to.

Associations hand it out or post it to people who do not use the internet; an advisor types a
returned form into a file (:mod:`workflow.assisted`) and keeps its scan. Rendered by WeasyPrint
with the fonts shipped with the platform and nothing fetched from elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import weasyprint
from django import forms
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from workflow import access
from workflow.assisted import consent_wording
from workflow.enums import ApplicationKind, OrganisationKind, StaffRole
from workflow.forms import STEPS, extra_questions_for
from workflow.models import Country, Organisation

from .conventions.rendering import FONTS, safe_url_fetcher

#: The smallest type on the form, in points: large enough for readers with poor eyesight.
MIN_FONT_PT = 16
#: Questions the paper form leaves out: the consent is signed at the end, in its own words.
LEFT_OUT = {"consent", "referral_consent"}


@dataclass
class Question:
    label: str
    help: str = ""
    kind: str = "line"  # line, lines, date, number, yesno, choice, choices
    options: list[str] = field(default_factory=list)
    optional: bool = False


@dataclass
class Section:
    number: int
    title: str
    questions: list[Question]


def _question(name: str, form_field: forms.Field) -> Question:
    label, help_text = str(form_field.label or name), str(form_field.help_text or "")
    optional = not form_field.required and not isinstance(form_field, forms.BooleanField)
    if isinstance(form_field, forms.BooleanField):
        return Question(label, help_text, "yesno")
    if isinstance(form_field, forms.ModelChoiceField):
        return Question(label, help_text, "line", optional=optional)
    if isinstance(form_field, forms.MultipleChoiceField):
        options = [str(text) for value, text in form_field.choices if value not in ("", None)]
        return Question(label, help_text, "choices", options, optional)
    if isinstance(form_field, forms.ChoiceField):
        options = [str(text) for value, text in form_field.choices if value not in ("", None)]
        return Question(label, help_text, "choice", options, optional)
    if isinstance(form_field, forms.DateField):
        return Question(label, help_text, "date", optional=optional)
    if isinstance(form_field, forms.IntegerField | forms.DecimalField):
        return Question(label, help_text, "number", optional=optional)
    if isinstance(form_field.widget, forms.Textarea):
        return Question(label, help_text, "lines", optional=optional)
    return Question(label, help_text, "line", optional=optional)


def form_sections(*, country: Country, kind: str) -> list[Section]:
    """The public form's steps as sections of questions (call under the reader's language)."""
    steps = STEPS[kind]
    sections = []
    for number, step in enumerate(steps, start=1):
        extra = {"extra_questions": extra_questions_for(country, kind)} if number == len(steps) else {}
        form = step.form_class(country=country, kind=kind, **extra)
        if "email" in form.fields:
            form.fields["email"].required = False
            form.fields["email"].help_text = _("If you have one.")
        questions = [_question(name, f) for name, f in form.fields.items() if name not in LEFT_OUT]
        sections.append(Section(number, str(step.title), questions))
    return sections


def association_for_print(user, country: Country) -> Organisation | None:
    """The association whose address the form gives: the advisor's own in that country."""
    departments = access.territories_vetted_by(user).filter(country=country)
    organisations = Organisation.objects.filter(
        kind=OrganisationKind.ASSOCIATION, country=country, territories__in=departments
    )
    if not user.is_superuser:
        organisations = organisations.filter(
            memberships__user=user,
            memberships__role__in=(StaffRole.ADVISOR, StaffRole.ASSOCIATION_MANAGER),
        )
    return organisations.order_by("pk").distinct().first()


def application_form_html(*, country: Country, kind: str, language: str, association: Organisation | None) -> str:
    with translation.override(language):
        return render_to_string(
            "documents/application_form_print.html",
            {
                "country": country,
                "kind": kind,
                "kind_label": str(ApplicationKind(kind).label),
                "language": language,
                "association": association,
                "sections": form_sections(country=country, kind=kind),
                "wording": consent_wording(
                    kind=kind,
                    language=language,
                    association_name=association.name if association else str(_("the association of my area")),
                ),
                "min_font_pt": MIN_FONT_PT,
                "font_regular": (FONTS / "DejaVuSans.ttf").as_uri(),
                "font_bold": (FONTS / "DejaVuSans-Bold.ttf").as_uri(),
            },
        )


def application_form_pdf(*, country: Country, kind: str, language: str, association: Organisation | None) -> bytes:
    """The blank form of ``kind`` for ``country`` in ``language``, as PDF bytes."""
    html = application_form_html(country=country, kind=kind, language=language, association=association)
    return weasyprint.HTML(string=html, base_url=str(FONTS), url_fetcher=safe_url_fetcher()).write_pdf()
