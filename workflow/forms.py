"""The steps of the public application forms, for hosts and for guests.

Each step is a plain form validated on the server; the country's rules (ages, contribution
bounds, minimum stay) come from :class:`~workflow.models.Country`. Answers that are not identity
fields are stored as JSON-friendly values in ``Application.answers``; the fields of the answers
that the platform reads are declared in ``answer_fields``, under the names of
:mod:`workflow.answers` (the schema), and a system check keeps both in step.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django import forms
from django.conf import settings
from django.forms.forms import DeclarativeFieldsMetaclass
from django.utils import formats, timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from . import answers as schema
from .answers import HousingStatus, Meals, Programme, Smoking, Visits, Weekends
from .enums import ApplicationKind, Channel, Gender, GenderPreference, Interest, Service, TerritoryLevel
from .models import Territory
from .postcodes import postcode_clean, postcode_help

LANGUAGE_CHOICES = settings.LANGUAGES


def amount_text(amount) -> str:
    """An amount as people write it: 150, or 150.50 when there are cents."""
    return f"{amount:.2f}".removesuffix(".00")


class DateInput(forms.DateInput):
    input_type = "date"


#: The date every "for example" shows, written in the format of the page's language.
EXAMPLE_DATE = date(1958, 5, 24)
#: What an email address looks like, in every message about one.
EXAMPLE_EMAIL = "name@example.com"


def date_pattern() -> tuple[str, str]:
    """How to write a date in the active language ("DD/MM/YYYY") and the example date so written."""
    written = str(formats.get_format("DATE_INPUT_FORMATS")[0])
    words = {"%d": _("DD"), "%m": _("MM"), "%Y": _("YYYY"), "%y": _("YY")}
    pattern = written
    for code, word in words.items():
        pattern = pattern.replace(code, str(word))
    return pattern, EXAMPLE_DATE.strftime(written)


def email_problem(value: str) -> str:
    """What is wrong with an email address that is not one, and how to put it right."""
    value = (value or "").strip()
    local, _at, domain = value.partition("@")
    if any(character.isspace() for character in value):
        return _("Remove the spaces: an email address has none, for example %(example)s.") % {"example": EXAMPLE_EMAIL}
    if "@" not in value:
        return _("Add the @ sign: an email address looks like %(example)s.") % {"example": EXAMPLE_EMAIL}
    if "@" in domain:
        return _("Keep only one @ sign: an email address looks like %(example)s.") % {"example": EXAMPLE_EMAIL}
    if not local:
        return _("Write your name before the @ sign, for example %(example)s.") % {"example": EXAMPLE_EMAIL}
    if not domain:
        return _("Write the address of your email provider after the @ sign, for example %(example)s.") % {
            "example": EXAMPLE_EMAIL
        }
    if "." not in domain.strip("."):
        return _("Add the end of the address after the @ sign, such as .com or .fr: for example %(example)s.") % {
            "example": EXAMPLE_EMAIL
        }
    return _("Check the email address for a typing mistake: it should look like %(example)s.") % {
        "example": EXAMPLE_EMAIL
    }


class ExplainedEmailField(forms.EmailField):
    """An email field whose refusal says what is wrong with the address and how to put it right."""

    default_error_messages = {
        "required": _("Enter your email address, for example name@example.com."),
    }

    def run_validators(self, value):
        try:
            super().run_validators(value)
        except forms.ValidationError as error:
            if any(getattr(item, "code", None) == "invalid" for item in error.error_list):
                raise forms.ValidationError(email_problem(value), code="invalid") from error
            raise


def _default_messages(field) -> dict:
    defaults = {}
    for klass in reversed(type(field).__mro__):
        defaults.update(getattr(klass, "default_error_messages", {}))
    return defaults


def explain_errors(form) -> None:
    """Gives every field of ``form`` error messages that say how to put the answer right, where
    it still has Django's generic ones (messages a field chose itself are kept)."""
    pattern, example = date_pattern()
    for field in form.fields.values():
        label = str(field.label or "")
        defaults = _default_messages(field)
        if isinstance(field, forms.BooleanField):
            required = _("Tick this box to go on.")
        elif isinstance(field, forms.MultipleChoiceField):
            required = _("Tick at least one answer for “%(label)s”.") % {"label": label}
        elif isinstance(field, forms.ChoiceField | forms.ModelChoiceField):
            required = _("Choose an answer for “%(label)s”.") % {"label": label}
        elif isinstance(field, forms.DateField):
            required = _("Enter the date as %(pattern)s, for example %(example)s.") % {
                "pattern": pattern,
                "example": example,
            }
        else:
            required = _("Fill in “%(label)s”: it cannot be left empty.") % {"label": label}
        messages = {
            "required": required,
            "invalid_choice": _("Choose one of the answers offered in the list."),
            "min_length": _("Write at least %(limit_value)d characters: there are %(show_value)d so far."),
            "max_length": _("Shorten this to %(limit_value)d characters at most: it has %(show_value)d."),
            "min_value": _("Enter %(limit_value)s or more."),
            "max_value": _("Enter %(limit_value)s or less."),
        }
        if isinstance(field, forms.DateField):
            messages["invalid"] = _("Enter the date as %(pattern)s, for example %(example)s.") % {
                "pattern": pattern,
                "example": example,
            }
        elif isinstance(field, forms.DecimalField):
            messages["invalid"] = _("Enter an amount in figures, for example 150 or 150.50.")
            messages["max_decimal_places"] = _("Keep at most %(max)s figures after the point, for example 150.50.")
            messages["max_digits"] = _("Enter a smaller amount, for example 150.")
            messages["max_whole_digits"] = _("Enter a smaller amount, for example 150.")
        elif isinstance(field, forms.IntegerField):
            messages["invalid"] = _("Enter a whole number in figures, for example 3.")
        for key, message in messages.items():
            if field.error_messages.get(key) is defaults.get(key):
                field.error_messages[key] = message


class AnswerFieldsMetaclass(DeclarativeFieldsMetaclass):
    """Declares the fields listed in a form's ``answer_fields`` ({schema answer: field}) under the
    answers' names, where the dictionary stands in the class body."""

    def __new__(mcs, name, bases, attrs):
        if "answer_fields" in attrs:
            spread = {}
            for key, value in attrs.items():
                if key != "answer_fields":
                    spread[key] = value
                    continue
                for answer, field in value.items():
                    if not isinstance(answer, schema.Answer) or answer.name in attrs:
                        raise TypeError(f"{name}.answer_fields: {answer!r} is not a schema answer or is declared twice")
                    spread[answer.name] = field
            attrs = spread
        return super().__new__(mcs, name, bases, attrs)


class StepForm(forms.Form, metaclass=AnswerFieldsMetaclass):
    """A step of an application form, aware of the country and kind it is for.

    ``extra_questions`` (the last step only) adds the questions the country set in the admin.
    """

    def __init__(self, *args, country, kind, extra_questions=(), **kwargs):
        self.country = country
        self.kind = kind
        super().__init__(*args, **kwargs)
        for question in extra_questions:
            self.fields[f"extra_{question.pk}"] = forms.CharField(
                label=question.label,
                help_text=question.help_text,
                required=question.required,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 3}),
            )
        explain_errors(self)
        for field in self.fields.values():
            # The rules are said before the person types, not only once they have broken one.
            if getattr(field, "min_length", None) and not field.help_text:
                field.help_text = _("At least %(count)s characters.") % {"count": field.min_length}

    def rule(self, name: str, text) -> None:
        """Show a rule of the country as the help text of a field (after any help it already has)."""
        field = self.fields.get(name)
        if field is None or not text:
            return
        field.help_text = f"{field.help_text} {text}" if field.help_text else text

    def answers(self) -> dict:
        """The cleaned data as JSON-friendly values (dates and amounts as strings)."""
        result = {}
        for name, value in self.cleaned_data.items():
            if isinstance(value, date):
                value = value.isoformat()
            elif isinstance(value, Decimal):
                value = str(value)
            elif hasattr(value, "pk"):
                value = value.pk
            result[name] = value
        return result

    @classmethod
    def initial_from(cls, application) -> dict:
        initial = dict(application.answers)
        for name in ("first_name", "last_name", "email", "phone", "birth_date", "language"):
            initial[name] = getattr(application, name)
        initial["territory"] = application.territory_id
        return initial


def referral_consent_text(partner) -> str:
    """What an applicant agrees to when the partner whose link brought them follows their file."""
    return _(
        "I agree that %(partner)s follows the progress of my application (its state and dates, never my documents)."
    ) % {"partner": partner.name}


class IdentityForm(StepForm):
    first_name = forms.CharField(label=_("First name"), max_length=100)
    last_name = forms.CharField(label=_("Last name"), max_length=100)
    email = ExplainedEmailField(label=_("Email address"), help_text=_("We will send you a link to confirm it."))
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    birth_date = forms.DateField(label=_("Date of birth"), widget=DateInput)
    answer_fields = {
        schema.GENDER: forms.ChoiceField(
            label=pgettext_lazy("gender", "You are"),
            choices=Gender.choices,
            initial=Gender.OTHER,
            required=False,
            help_text=_("Only used to respect the wishes of the person you would live with."),
        )
    }
    language = forms.ChoiceField(label=_("Language for our messages"), choices=LANGUAGE_CHOICES)
    territory = forms.ModelChoiceField(
        label=_("Where do you live (or will you live)?"),
        queryset=Territory.objects.none(),
        empty_label=_("Choose…"),
        error_messages={"required": _("Choose the area where you live or will live.")},
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that the association of my area and the pension office process my data to examine my "
            "application, as described in the privacy notice."
        )
    )

    def __init__(self, *args, referrer=None, **kwargs):
        super().__init__(*args, **kwargs)
        if referrer is not None and self.kind == ApplicationKind.GUEST:
            # The visitor came through a partner's referral link: the partner follows the file
            # only if they tick this box, which is left unticked.
            self.fields["referral_consent"] = forms.BooleanField(
                label=referral_consent_text(referrer),
                required=False,
                help_text=_("If you leave it unticked, your application is examined in exactly the same way."),
            )
        self.fields["territory"].queryset = Territory.objects.filter(
            country=self.country, level=TerritoryLevel.DEPARTMENT, associations__isnull=False
        ).distinct()
        if self.kind == ApplicationKind.HOST:
            self.rule(
                "birth_date",
                _("Hosts are at least %(age)s years old in this country.") % {"age": self.country.host_min_age},
            )
        else:
            self.rule(
                "birth_date",
                _("Guests are between %(min)s and %(max)s years old in this country.")
                % {"min": self.country.guest_min_age, "max": self.country.guest_max_age - 1},
            )

    def answers(self) -> dict:
        result = super().answers()
        result.pop("referral_consent", None)
        return result

    def clean_first_name(self):
        return self.cleaned_data["first_name"].strip()

    def clean_last_name(self):
        return self.cleaned_data["last_name"].strip()

    def clean_birth_date(self):
        born = self.cleaned_data["birth_date"]
        today = timezone.localdate()
        if born >= today:
            pattern, example = date_pattern()
            raise forms.ValidationError(
                _("Enter a date of birth in the past, as %(pattern)s, for example %(example)s.")
                % {"pattern": pattern, "example": example}
            )
        age = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
        if self.kind == ApplicationKind.HOST and not self.country.host_age_allowed(age):
            raise forms.ValidationError(
                _("Hosts must be at least %(age)s years old in this country.") % {"age": self.country.host_min_age}
            )
        if self.kind == ApplicationKind.GUEST and not self.country.guest_age_allowed(age):
            raise forms.ValidationError(
                _("Guests must be between %(min)s and %(max)s years old in this country.")
                % {"min": self.country.guest_min_age, "max": self.country.guest_max_age - 1}
            )
        return born


class HostIdentityForm(IdentityForm):
    answer_fields = {
        schema.ADDRESS: forms.CharField(label=_("Address of the home"), max_length=250),
        schema.POSTCODE: forms.CharField(label=_("Postcode"), max_length=12),
        schema.CITY: forms.CharField(label=_("Town or city"), max_length=100),
    }

    field_order = [
        "first_name",
        "last_name",
        "email",
        "phone",
        "birth_date",
        "gender",
        "address",
        "postcode",
        "city",
        "language",
        "territory",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.rule(schema.POSTCODE.name, postcode_help(self.country.code))

    def clean_postcode(self):
        return postcode_clean(self.country.code, self.cleaned_data[schema.POSTCODE.name])


class GuestIdentityForm(IdentityForm):
    nationality = forms.CharField(label=_("Nationality"), max_length=80)

    field_order = [
        "first_name",
        "last_name",
        "email",
        "phone",
        "birth_date",
        "gender",
        "nationality",
        "language",
        "territory",
    ]


class HostHomeForm(StepForm):
    answer_fields = {
        schema.HOUSING_STATUS: forms.ChoiceField(
            label=_("Your home is"),
            choices=HousingStatus.choices,
            widget=forms.RadioSelect,
            help_text=_("If you rent your home, you will be asked for your landlord's consent."),
        ),
        schema.ROOM_SIZE: forms.IntegerField(label=_("Size of the room (m²)"), min_value=6, max_value=80),
        schema.FURNISHED: forms.BooleanField(label=_("The room is furnished"), required=False),
        schema.STEP_FREE: forms.BooleanField(
            label=_("The room, a bathroom and the entrance can be reached without steps"), required=False
        ),
        schema.AVAILABLE_FROM: forms.DateField(label=_("Available from"), widget=DateInput),
        schema.AVAILABLE_UNTIL: forms.DateField(
            label=_("Available until (optional)"), widget=DateInput, required=False
        ),
        schema.SMOKING: forms.ChoiceField(label=_("Smoking"), choices=Smoking.choices),
        schema.PETS: forms.CharField(label=_("Pets at home (which ones)"), max_length=200, required=False),
        schema.VISITS: forms.ChoiceField(label=_("Visits of friends"), choices=Visits.choices),
        schema.MEALS: forms.ChoiceField(label=_("Meals"), choices=Meals.choices),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.rule(
            schema.AVAILABLE_UNTIL.name,
            _("The stay lasts at least %(days)s days in this country.") % {"days": self.country.minimum_stay_days},
        )

    def clean(self):
        data = super().clean()
        start, end = data.get(schema.AVAILABLE_FROM.name), data.get(schema.AVAILABLE_UNTIL.name)
        if start and end and end <= start + timedelta(days=self.country.minimum_stay_days):
            self.add_error(
                schema.AVAILABLE_UNTIL.name,
                _("The stay must last at least %(days)s days.") % {"days": self.country.minimum_stay_days},
            )
        return data


SERVICE_CHOICES = Service.choices
INTEREST_CHOICES = Interest.choices


class HostLifeForm(StepForm):
    answer_fields = {
        schema.LANGUAGES: forms.MultipleChoiceField(
            label=_("Languages you speak"), choices=LANGUAGE_CHOICES, widget=forms.CheckboxSelectMultiple
        ),
        schema.EVENINGS_PER_WEEK: forms.IntegerField(
            label=_("Evenings of presence you hope for, per week"), min_value=0, max_value=7
        ),
        schema.WEEKENDS: forms.ChoiceField(label=_("Weekends"), choices=Weekends.choices),
        schema.SERVICES: forms.MultipleChoiceField(
            label=_("Help you would welcome"),
            choices=SERVICE_CHOICES,
            widget=forms.CheckboxSelectMultiple,
            required=False,
        ),
        schema.INTERESTS: forms.MultipleChoiceField(
            label=_("What you enjoy"), choices=INTEREST_CHOICES, widget=forms.CheckboxSelectMultiple, required=False
        ),
        schema.GUEST_GENDER: forms.ChoiceField(
            label=_("You would rather live with"),
            choices=GenderPreference.choices,
            initial=GenderPreference.ANY,
            required=False,
        ),
        schema.CONTRIBUTION: forms.DecimalField(
            label=_("Monthly contribution to charges you ask"), min_value=0, decimal_places=2
        ),
    }
    accessibility = forms.CharField(
        label=_("Accessibility needs"), widget=forms.Textarea, required=False, max_length=1000
    )
    emergency_contact = forms.CharField(label=_("Emergency contact (name and phone)"), max_length=200)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.rule(
            schema.CONTRIBUTION.name,
            _("Between %(min)s and %(max)s %(currency)s a month in this country.")
            % {
                "min": amount_text(self.country.min_contribution),
                "max": amount_text(self.country.max_contribution),
                "currency": self.country.currency,
            },
        )

    def clean(self):
        data = super().clean()
        amount = data.get(schema.CONTRIBUTION.name)
        if amount is not None and not self.country.contribution_allowed(amount):
            self.add_error(
                schema.CONTRIBUTION.name,
                _("The contribution must be between %(min)s and %(max)s %(currency)s a month.")
                % {
                    "min": amount_text(self.country.min_contribution),
                    "max": amount_text(self.country.max_contribution),
                    "currency": self.country.currency,
                },
            )
        return data


class GuestStudiesForm(StepForm):
    institution = forms.CharField(label=_("School, university or organisation"), max_length=200)
    answer_fields = {
        schema.PROGRAMME: forms.ChoiceField(label=_("You are"), choices=Programme.choices, widget=forms.RadioSelect),
        schema.CITY: forms.CharField(label=_("City of your studies or work"), max_length=100),
        schema.INSTITUTION_POSTCODE: forms.CharField(
            label=_("Postcode of your place of study or work"),
            max_length=12,
            required=False,
            help_text=_("It helps us find a home near it."),
        ),
        schema.START_DATE: forms.DateField(label=_("Arrival"), widget=DateInput),
        schema.END_DATE: forms.DateField(label=_("Departure"), widget=DateInput),
    }
    field_order = [schema.PROGRAMME.name, "institution"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.rule(
            schema.END_DATE.name,
            _("The stay lasts at least %(days)s days in this country.") % {"days": self.country.minimum_stay_days},
        )
        self.rule(schema.INSTITUTION_POSTCODE.name, postcode_help(self.country.code))

    def clean_institution_postcode(self):
        value = self.cleaned_data[schema.INSTITUTION_POSTCODE.name]
        return postcode_clean(self.country.code, value) if value.strip() else ""

    def clean(self):
        data = super().clean()
        start, end = data.get(schema.START_DATE.name), data.get(schema.END_DATE.name)
        if start and end and end < start + timedelta(days=self.country.minimum_stay_days):
            self.add_error(
                schema.END_DATE.name,
                _("The stay must last at least %(days)s days.") % {"days": self.country.minimum_stay_days},
            )
        return data


class GuestLifeForm(StepForm):
    answer_fields = {
        schema.LANGUAGES: forms.MultipleChoiceField(
            label=_("Languages you speak"), choices=LANGUAGE_CHOICES, widget=forms.CheckboxSelectMultiple
        ),
        schema.BUDGET: forms.DecimalField(
            label=_("Monthly budget for charges"), min_value=0, max_value=2000, decimal_places=2
        ),
        schema.WISH_TO_PRACTISE: forms.MultipleChoiceField(
            label=_("Languages you would like to practise"),
            choices=LANGUAGE_CHOICES,
            widget=forms.CheckboxSelectMultiple,
            required=False,
        ),
        schema.SMOKER: forms.BooleanField(label=_("I smoke"), required=False),
        schema.NEEDS_STEP_FREE: forms.BooleanField(
            label=_("I need a home without steps (reduced mobility)"), required=False
        ),
        schema.SERVICES: forms.MultipleChoiceField(
            label=_("Help you could give"), choices=SERVICE_CHOICES, widget=forms.CheckboxSelectMultiple, required=False
        ),
        schema.INTERESTS: forms.MultipleChoiceField(
            label=_("What you enjoy"), choices=INTEREST_CHOICES, widget=forms.CheckboxSelectMultiple, required=False
        ),
        schema.HOST_GENDER: forms.ChoiceField(
            label=_("You would rather live with"),
            choices=GenderPreference.choices,
            initial=GenderPreference.ANY,
            required=False,
        ),
        schema.PETS_OK: forms.BooleanField(label=_("I am happy to live with pets"), required=False),
        schema.PREFERENCES: forms.CharField(
            label=_("Your wishes (neighbourhood, habits, what matters to you)"),
            widget=forms.Textarea(attrs={"rows": 3}),
            required=False,
            max_length=1000,
        ),
        schema.EVENINGS_PER_WEEK: forms.IntegerField(
            label=_("Evenings you can spend at home, per week"), min_value=0, max_value=7
        ),
    }
    motivation = forms.CharField(
        label=_("Why do you want to live with a senior?"), widget=forms.Textarea, min_length=80, max_length=3000
    )
    references = forms.CharField(
        label=_("References (optional)"), widget=forms.Textarea, required=False, max_length=1000
    )


@dataclass(frozen=True)
class Step:
    """One page of the form: its address slug, its title, its form and, in plain words, what it
    asks and why (shown at the top of the step)."""

    slug: str
    title: str
    form_class: type[StepForm]
    summary: str = ""


STEPS = {
    ApplicationKind.HOST: [
        Step(
            "identity",
            _("About you"),
            HostIdentityForm,
            _(
                "We ask who you are, where you live and how to reach you. The association of your area "
                "uses it to call you back. It takes about 5 minutes."
            ),
        ),
        Step(
            "home",
            _("Your home"),
            HostHomeForm,
            _(
                "We ask about the room you offer and when it is free. This helps us find a young person "
                "who suits your home. It takes about 5 minutes."
            ),
        ),
        Step(
            "life",
            _("Living together"),
            HostLifeForm,
            _(
                "We ask how you like to live day to day and what help you would welcome. There are no "
                "right or wrong answers. It takes about 5 minutes."
            ),
        ),
    ],
    ApplicationKind.GUEST: [
        Step(
            "identity",
            _("About you"),
            GuestIdentityForm,
            _(
                "We ask who you are, where you will live and how to reach you. The association of your area "
                "uses it to call you back. It takes about 5 minutes."
            ),
        ),
        Step(
            "studies",
            _("Your studies or work"),
            GuestStudiesForm,
            _(
                "We ask where you study or work and the dates of your stay. This helps us find a home "
                "near it. It takes about 3 minutes."
            ),
        ),
        Step(
            "life",
            _("Living together"),
            GuestLifeForm,
            _(
                "We ask how you like to live, what help you could give and why you want to live with a "
                "senior. There are no right or wrong answers. It takes about 10 minutes."
            ),
        ),
    ],
}


def step_forms(application, extra_questions=()) -> list[tuple[Step, StepForm]]:
    """Each step of a draft with its form bound to the answers stored, to check and to show them."""
    steps = STEPS[application.kind]
    result = []
    for number, step in enumerate(steps, start=1):
        data = step.form_class.initial_from(application)
        if number == 1:
            data["consent"] = application.consented_at is not None
        extra = {"extra_questions": extra_questions} if number == len(steps) else {}
        data = {name: value for name, value in data.items() if value is not None}
        form = step.form_class(data, country=application.country, kind=application.kind, **extra)
        result.append((step, form))
    return result


def first_unfinished_step(application, extra_questions=()) -> int | None:
    """The number of the first step whose stored answers are missing or no longer valid."""
    for number, (_step, form) in enumerate(step_forms(application, extra_questions), start=1):
        if not form.is_valid():
            return number
    return None


def answer_text(bound_field) -> str:
    """A stored answer as the applicant chose it: labels, never codes; empty as an empty string."""
    field, value = bound_field.field, bound_field.form.cleaned_data.get(bound_field.name)
    if isinstance(field, forms.BooleanField):
        return str(_("Yes") if value else _("No"))
    if value in (None, "", []):
        return ""
    if isinstance(field, forms.ModelChoiceField):
        return str(value)
    if isinstance(field, forms.MultipleChoiceField):
        labels = dict(field.choices)
        return capfirst(", ".join(str(labels.get(v, v)) for v in value))
    if isinstance(field, forms.ChoiceField):
        return capfirst(str(dict(field.choices).get(value, value)))
    if isinstance(value, date):
        return formats.date_format(value, "DATE_FORMAT")
    if isinstance(value, Decimal):
        return f"{amount_text(value)} {bound_field.form.country.currency}"
    return str(value)


def answers_summary(application, extra_questions=()) -> list[dict]:
    """What the applicant answered, step by step, as (label, text) rows for "check your answers"."""
    summary = []
    for number, (step, form) in enumerate(step_forms(application, extra_questions), start=1):
        form.is_valid()
        rows = [
            {"label": bound.label, "text": answer_text(bound)}
            for bound in form
            if bound.name != "consent" and bound.name in form.cleaned_data
        ]
        summary.append({"number": number, "title": step.title, "rows": rows})
    return summary


def extra_questions_for(country, kind):
    """The questions a country adds to one kind of form, in their order."""
    from .models import ExtraQuestion

    return list(ExtraQuestion.objects.filter(rules__country=country, rules__kind=kind).order_by("sort_order", "pk"))


class PersonContactForm(forms.ModelForm):
    """How an advisor records the ways to reach a person (by phone or at a home visit)."""

    preferred_channels = forms.MultipleChoiceField(
        label=_("Preferred channels"),
        choices=[(c.value, c.label) for c in (Channel.EMAIL, Channel.SMS, Channel.POST)],
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Messages go by every channel ticked that can reach the person; by email otherwise."),
    )

    class Meta:
        from .models import Person

        model = Person
        fields = ["mobile", "postal_address", "postcode", "city", "preferred_channels", "language"]
        widgets = {"postal_address": forms.Textarea(attrs={"rows": 2})}

    def clean(self):
        data = super().clean()
        chosen = data.get("preferred_channels") or []
        if Channel.SMS in chosen and not data.get("mobile"):
            self.add_error("mobile", _("Give a mobile phone number to send text messages."))
        if Channel.POST in chosen and not (data.get("postal_address") and data.get("city")):
            self.add_error("postal_address", _("Give a postal address and a town to send letters."))
        return data
