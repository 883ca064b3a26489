"""A postcode is checked against its country's form, and a wrong one is told what is expected."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from workflow.postcodes import postcode_clean, postcode_help


@pytest.mark.parametrize(
    ("country", "postcode"),
    [
        ("FR", "33000"),
        ("ES", "28013"),
        ("ES", "52001"),
        ("IT", "00184"),
        ("DE", "10115"),
        ("PT", "1100-148"),
        ("BE", "1000"),
    ],
)
def test_a_postcode_of_the_countrys_form_is_accepted(country, postcode):
    assert postcode_clean(country, f" {postcode} ") == postcode


@pytest.mark.parametrize(
    ("country", "postcode"),
    [
        ("FR", "3300"),
        ("FR", "33 000x"),
        ("ES", "53001"),
        ("ES", "00100"),
        ("IT", "1018"),
        ("DE", "101150"),
        ("PT", "1100148"),
        ("BE", "0999"),
        ("BE", "10000"),
    ],
)
def test_a_postcode_of_another_form_is_refused(country, postcode):
    with pytest.raises(ValidationError):
        postcode_clean(country, postcode)


def test_the_message_names_the_expected_form_with_an_example():
    with translation.override("en"):
        with pytest.raises(ValidationError) as refusal:
            postcode_clean("PT", "1100")

        assert refusal.value.messages == ["Enter a postcode of 4 digits, a hyphen and 3 digits, for example 1100-148."]


def test_the_expected_form_is_said_before_typing():
    with translation.override("en"):
        assert postcode_help("ES") == "5 digits, starting with 01 to 52, for example 28013"


def test_a_country_without_a_known_form_accepts_letters_and_digits():
    assert postcode_clean("SE", "114 55") == "114 55"
    with pytest.raises(ValidationError):
        postcode_clean("SE", "<script>")


def test_a_host_with_a_postcode_of_another_form_is_told_the_expected_one(client):
    from cms_pages.models import ApplicationFormPage
    from workflow.models import Application, Territory

    page = ApplicationFormPage.objects.get(kind="host", locale__language_code="fr")
    gironde = Territory.objects.get(country__code="FR", code="33", level="department")

    response = client.post(
        page.url,
        {
            "first_name": "Monique",
            "last_name": "Lafargue",
            "email": "monique.postcode@example.org",
            "birth_date": "1948-01-10",
            "address": "12 rue des Faures",
            "postcode": "3380",
            "city": "Bordeaux",
            "language": "fr",
            "territory": gironde.pk,
            "consent": "on",
        },
    )

    assert response.status_code == 400
    assert response.context["form"].errors["postcode"]
    assert "33000" in response.content.decode()
    assert not Application.objects.filter(email="monique.postcode@example.org").exists()
