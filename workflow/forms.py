"""The steps of the public application forms, for hosts and for guests.

Each step is a plain form validated on the server; the country's rules (ages, contribution
bounds, minimum stay) come from :class:`~workflow.models.Country`. Answers that are not identity
fields are stored as JSON-friendly values in ``Application.answers``.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .enums import ApplicationKind, Gender, GenderPreference, Interest, Service, TerritoryLevel
from .models import Territory

LANGUAGE_CHOICES = settings.LANGUAGES


class DateInput(forms.DateInput):
    input_type = "date"


class StepForm(forms.Form):
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


class IdentityForm(StepForm):
    first_name = forms.CharField(label=_("First name"), max_length=100)
    last_name = forms.CharField(label=_("Last name"), max_length=100)
    email = forms.EmailField(label=_("Email address"), help_text=_("We will send you a link to confirm it."))
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    birth_date = forms.DateField(label=_("Date of birth"), widget=DateInput)
    gender = forms.ChoiceField(
        label=pgettext_lazy("gender", "You are"),
        choices=Gender.choices,
        initial=Gender.OTHER,
        required=False,
        help_text=_("Only used to respect the wishes of the person you would live with."),
    )
    language = forms.ChoiceField(label=_("Language for our messages"), choices=LANGUAGE_CHOICES)
    territory = forms.ModelChoiceField(
        label=_("Where do you live (or will you live)?"), queryset=Territory.objects.none(), empty_label=None
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that the association of my area and the pension office process my data to examine my "
            "application, as described in the privacy notice."
        )
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["territory"].queryset = Territory.objects.filter(
            country=self.country, level=TerritoryLevel.DEPARTMENT, associations__isnull=False
        ).distinct()

    def clean_first_name(self):
        return self.cleaned_data["first_name"].strip()

    def clean_last_name(self):
        return self.cleaned_data["last_name"].strip()

    def clean_birth_date(self):
        born = self.cleaned_data["birth_date"]
        today = timezone.localdate()
        if born >= today:
            raise forms.ValidationError(_("The date of birth must be in the past."))
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
    address = forms.CharField(label=_("Address of the home"), max_length=250)
    postcode = forms.CharField(label=_("Postcode"), max_length=12)
    city = forms.CharField(label=_("Town or city"), max_length=100)

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
    housing_status = forms.ChoiceField(
        label=_("Your home is"),
        choices=[("owner", _("my property")), ("tenant", _("rented (the landlord will be informed)"))],
        widget=forms.RadioSelect,
        help_text=_("If you rent your home, you will be asked for your landlord's consent."),
    )
    room_size = forms.IntegerField(label=_("Size of the room (m²)"), min_value=6, max_value=80)
    furnished = forms.BooleanField(label=_("The room is furnished"), required=False)
    step_free = forms.BooleanField(
        label=_("The room, a bathroom and the entrance can be reached without steps"), required=False
    )
    available_from = forms.DateField(label=_("Available from"), widget=DateInput)
    available_until = forms.DateField(label=_("Available until (optional)"), widget=DateInput, required=False)
    smoking = forms.ChoiceField(
        label=_("Smoking"), choices=[("no", _("not at all")), ("outside", _("outside only")), ("yes", _("allowed"))]
    )
    pets = forms.CharField(label=_("Pets at home (which ones)"), max_length=200, required=False)
    visits = forms.ChoiceField(
        label=_("Visits of friends"),
        choices=[("welcome", _("welcome")), ("ask", _("after asking me")), ("no", _("not at home"))],
    )
    meals = forms.ChoiceField(
        label=_("Meals"),
        choices=[("shared", _("often shared")), ("sometimes", _("sometimes shared")), ("separate", _("separate"))],
    )

    def clean(self):
        data = super().clean()
        start, end = data.get("available_from"), data.get("available_until")
        if start and end and end <= start + timedelta(days=self.country.minimum_stay_days):
            self.add_error(
                "available_until",
                _("The stay must last at least %(days)s days.") % {"days": self.country.minimum_stay_days},
            )
        return data


SERVICE_CHOICES = Service.choices
INTEREST_CHOICES = Interest.choices


class HostLifeForm(StepForm):
    languages = forms.MultipleChoiceField(
        label=_("Languages you speak"), choices=LANGUAGE_CHOICES, widget=forms.CheckboxSelectMultiple
    )
    evenings_per_week = forms.IntegerField(
        label=_("Evenings of presence you hope for, per week"), min_value=0, max_value=7
    )
    weekends = forms.ChoiceField(
        label=_("Weekends"), choices=[("free", _("the guest is free")), ("some", _("some weekends together"))]
    )
    services = forms.MultipleChoiceField(
        label=_("Help you would welcome"), choices=SERVICE_CHOICES, widget=forms.CheckboxSelectMultiple, required=False
    )
    interests = forms.MultipleChoiceField(
        label=_("What you enjoy"), choices=INTEREST_CHOICES, widget=forms.CheckboxSelectMultiple, required=False
    )
    guest_gender = forms.ChoiceField(
        label=_("You would rather live with"),
        choices=GenderPreference.choices,
        initial=GenderPreference.ANY,
        required=False,
    )
    contribution = forms.DecimalField(label=_("Monthly contribution to charges you ask"), min_value=0, decimal_places=2)
    accessibility = forms.CharField(
        label=_("Accessibility needs"), widget=forms.Textarea, required=False, max_length=1000
    )
    emergency_contact = forms.CharField(label=_("Emergency contact (name and phone)"), max_length=200)

    def clean_contribution(self):
        amount = self.cleaned_data["contribution"]
        if not self.country.contribution_allowed(amount):
            raise forms.ValidationError(
                _("The contribution must be between %(min)s and %(max)s %(currency)s a month.")
                % {
                    "min": self.country.min_contribution,
                    "max": self.country.max_contribution,
                    "currency": self.country.currency,
                }
            )
        return amount


class GuestStudiesForm(StepForm):
    programme = forms.ChoiceField(
        label=_("You are"),
        choices=[
            ("student", _("a student")),
            ("apprentice", _("an apprentice")),
            ("volunteer", _("a volunteer")),
            ("erasmus", _("an Erasmus+ student")),
        ],
        widget=forms.RadioSelect,
    )
    institution = forms.CharField(label=_("School, university or organisation"), max_length=200)
    city = forms.CharField(label=_("City of your studies or work"), max_length=100)
    institution_postcode = forms.CharField(
        label=_("Postcode of your place of study or work"),
        max_length=12,
        required=False,
        help_text=_("It helps us find a home near it."),
    )
    start_date = forms.DateField(label=_("Arrival"), widget=DateInput)
    end_date = forms.DateField(label=_("Departure"), widget=DateInput)

    def clean(self):
        data = super().clean()
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start + timedelta(days=self.country.minimum_stay_days):
            self.add_error(
                "end_date", _("The stay must last at least %(days)s days.") % {"days": self.country.minimum_stay_days}
            )
        return data


class GuestLifeForm(StepForm):
    languages = forms.MultipleChoiceField(
        label=_("Languages you speak"), choices=LANGUAGE_CHOICES, widget=forms.CheckboxSelectMultiple
    )
    budget = forms.DecimalField(label=_("Monthly budget for charges"), min_value=0, max_value=2000, decimal_places=2)
    wish_to_practise = forms.MultipleChoiceField(
        label=_("Languages you would like to practise"),
        choices=LANGUAGE_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    smoker = forms.BooleanField(label=_("I smoke"), required=False)
    needs_step_free = forms.BooleanField(label=_("I need a home without steps (reduced mobility)"), required=False)
    services = forms.MultipleChoiceField(
        label=_("Help you could give"), choices=SERVICE_CHOICES, widget=forms.CheckboxSelectMultiple, required=False
    )
    interests = forms.MultipleChoiceField(
        label=_("What you enjoy"), choices=INTEREST_CHOICES, widget=forms.CheckboxSelectMultiple, required=False
    )
    host_gender = forms.ChoiceField(
        label=_("You would rather live with"),
        choices=GenderPreference.choices,
        initial=GenderPreference.ANY,
        required=False,
    )
    pets_ok = forms.BooleanField(label=_("I am happy to live with pets"), required=False)
    preferences = forms.CharField(
        label=_("Your wishes (neighbourhood, habits, what matters to you)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=1000,
    )
    evenings_per_week = forms.IntegerField(
        label=_("Evenings you can spend at home, per week"), min_value=0, max_value=7
    )
    motivation = forms.CharField(
        label=_("Why do you want to live with a senior?"), widget=forms.Textarea, min_length=80, max_length=3000
    )
    references = forms.CharField(
        label=_("References (optional)"), widget=forms.Textarea, required=False, max_length=1000
    )


@dataclass(frozen=True)
class Step:
    slug: str
    title: str
    form_class: type[StepForm]


STEPS = {
    ApplicationKind.HOST: [
        Step("identity", _("About you"), HostIdentityForm),
        Step("home", _("Your home"), HostHomeForm),
        Step("life", _("Living together"), HostLifeForm),
    ],
    ApplicationKind.GUEST: [
        Step("identity", _("About you"), GuestIdentityForm),
        Step("studies", _("Your studies or work"), GuestStudiesForm),
        Step("life", _("Living together"), GuestLifeForm),
    ],
}


def extra_questions_for(country, kind):
    """The questions a country adds to one kind of form, in their order."""
    from .models import ExtraQuestion

    return list(ExtraQuestion.objects.filter(rules__country=country, rules__kind=kind).order_by("sort_order", "pk"))
