"""Every refusal of the application form says how to put the answer right: the expected form of a
date with an example in the page's language, the country's form of a postcode, what is wrong
with an email address, what to fill in or choose, how many characters are needed."""

import pytest
from django.utils import translation

from workflow.enums import ApplicationKind
from workflow.forms import (
    GuestIdentityForm,
    GuestLifeForm,
    HostHomeForm,
    HostIdentityForm,
    HostLifeForm,
    StepForm,
    email_problem,
)
from workflow.models import Country

from ..cms_pages.factories_easy_reading import french_form_page, french_steps

DJANGOS_GENERIC = (
    "Enter a valid date.",
    "Saisissez une date valide.",
    "Enter a valid email address.",
    "Saisissez une adresse e-mail valide.",
    "This field is required.",
    "Ce champ est obligatoire.",
    "Select a valid choice.",
    "Sélectionnez un choix valide.",
    "Ensure this value",
    "Assurez-vous",
)


def errors_of(form_class, data, *, kind, country_code="FR", language="fr") -> dict:
    country = Country.objects.get(code=country_code)
    with translation.override(language):
        form = form_class(data, country=country, kind=ApplicationKind(kind))
        form.is_valid()
        return {name: [str(message) for message in messages] for name, messages in form.errors.items()}


def host_identity(**changes) -> dict:
    return {**french_steps("host")[0], **changes}


def test_a_date_in_the_wrong_format_names_the_format_with_an_example_in_french(demo):
    errors = errors_of(HostIdentityForm, host_identity(birth_date="le 3 mars"), kind="host")

    (message,) = errors["birth_date"]
    assert "24/05/1958" in message
    assert "/" in message.split("24/05/1958")[0], "the expected form is named before the example"


def test_a_date_in_the_wrong_format_shows_the_english_form_on_an_english_page(demo):
    errors = errors_of(HostHomeForm, {**french_steps("host")[1], "available_from": "soon"}, kind="host", language="en")

    (message,) = errors["available_from"]
    assert "1958-05-24" in message
    assert "YYYY-MM-DD" in message


def test_a_postcode_says_the_countrys_form(demo):
    french = errors_of(HostIdentityForm, host_identity(postcode="3300"), kind="host")
    assert "5" in french["postcode"][0] and "33000" in french["postcode"][0]

    spanish = errors_of(HostIdentityForm, host_identity(postcode="99999"), kind="host", country_code="ES")
    assert "28013" in spanish["postcode"][0]


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("monique.durand.example.org", "@"),
        ("monique durand@example.org", "space"),
        ("monique@@example.org", "only one @"),
        ("@example.org", "before the @"),
        ("monique@", "after the @"),
        ("monique@example", ".com"),
    ],
)
def test_an_email_address_that_is_not_one_is_told_what_is_wrong(demo, typed, says):
    errors = errors_of(HostIdentityForm, host_identity(email=typed), kind="host", language="en")

    (message,) = errors["email"]
    assert says in message
    assert "name@example.com" in message
    with translation.override("en"):
        assert message == email_problem(typed)


def test_an_empty_answer_names_the_field_to_fill_in_or_the_answer_to_choose(demo):
    errors = errors_of(
        HostIdentityForm, host_identity(last_name="", language="", consent=""), kind="host", language="en"
    )

    assert "Last name" in errors["last_name"][0]
    assert "Choose" in errors["language"][0]
    assert "Tick" in errors["consent"][0]


def test_numbers_and_lengths_say_what_is_expected(demo):
    host_life = errors_of(
        HostLifeForm,
        {**french_steps("host")[2], "evenings_per_week": "9", "contribution": "beaucoup", "languages": []},
        kind="host",
        language="en",
    )
    assert host_life["evenings_per_week"] == ["Enter 7 or less."]
    assert "150" in host_life["contribution"][0]
    assert "Tick at least one" in host_life["languages"][0]

    guest_life = errors_of(
        GuestLifeForm, {**french_steps("guest")[2], "motivation": "Pour aider."}, kind="guest", language="en"
    )
    assert guest_life["motivation"] == ["Write at least 80 characters: there are 11 so far."]


def test_no_field_of_any_step_keeps_djangos_generic_messages(demo):
    country = Country.objects.get(code="FR")
    for form_class, kind in (
        (HostIdentityForm, "host"),
        (HostHomeForm, "host"),
        (HostLifeForm, "host"),
        (GuestIdentityForm, "guest"),
        (GuestLifeForm, "guest"),
    ):
        with translation.override("fr"):
            form: StepForm = form_class(country=country, kind=ApplicationKind(kind))
            for name, field in form.fields.items():
                for key in ("required", "invalid", "invalid_choice"):
                    message = str(field.error_messages.get(key, ""))
                    assert not message.startswith(DJANGOS_GENERIC), f"{form_class.__name__}.{name}: {key}"


def test_the_page_shows_the_message_beside_the_field_and_in_the_summary(client, demo):
    page = french_form_page("host")

    response = client.post(page.url, host_identity(birth_date="3 mars", email="monique.example.org"))

    html = response.content.decode()
    assert response.status_code == 400
    assert html.count("24/05/1958") >= 2
    assert html.count("name@example.com") >= 2
