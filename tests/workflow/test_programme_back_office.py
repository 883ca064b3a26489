"""National officers edit countries, territories and organisations in the Wagtail admin."""

from django.contrib.auth import get_user_model
from django.urls import reverse

from workflow.models import Country


def admin(client):
    user = get_user_model().objects.create_superuser("officer", "officer@weshare.example", "a-long-password-1")
    client.force_login(user)
    return client


def country_form(**overrides):
    data = {
        "code": "PT",
        "name": "Portugal",
        "currency": "EUR",
        "languages": ["pt", "en"],
        "min_contribution": "0",
        "max_contribution": "120",
        "host_min_age": "60",
        "guest_min_age": "18",
        "guest_max_age": "30",
        "notice_period_days": "30",
        "minimum_stay_days": "90",
        "trial_period_days": "30",
        "weight_languages": "3",
        "weight_presence": "3",
        "weight_budget": "2",
        "weight_stay": "2",
        "weight_services": "2",
        "weight_distance": "2",
        "weight_interests": "1",
        "weight_practise": "1",
        "max_distance_km": "20",
        "retention_days": "730",
    }
    data.update(overrides)
    return data


def test_a_country_is_created_from_the_admin(client):
    response = admin(client).post(reverse("wagtailsnippets_workflow_country:add"), country_form())

    assert response.status_code == 302
    portugal = Country.objects.get(code="PT")
    assert portugal.languages == ["pt", "en"]


def test_inverted_bounds_are_refused_with_a_message_and_nothing_is_saved(client):
    response = admin(client).post(
        reverse("wagtailsnippets_workflow_country:add"),
        country_form(min_contribution="200", max_contribution="100"),
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert response.status_code == 200
    assert "The maximum contribution cannot be below the minimum." in response.content.decode()
    assert not Country.objects.filter(code="PT").exists()


def test_the_programme_listings_answer(client, demo):
    client = admin(client)
    for name in ("country", "territory", "organisation"):
        assert client.get(reverse(f"wagtailsnippets_workflow_{name}:list")).status_code == 200


def test_a_country_editor_has_no_access_to_the_programme(client, demo):
    client.force_login(get_user_model().objects.get(username="editor.france"))

    response = client.get(reverse("wagtailsnippets_workflow_country:list"))

    assert response.status_code in (302, 403)
