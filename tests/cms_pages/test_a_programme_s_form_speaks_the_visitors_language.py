"""A programme's form speaks the language of the home its visitor came from, even where the
programme's pages do not exist in that language: a Spanish student applies to France in Spanish."""

import re

import pytest
from django.core import mail

from cms_pages.models import ApplicationFormPage

from ..workflow.test_applying_online import guest_steps


@pytest.fixture
def client(committing_client):
    return committing_client


def france_guest_form():
    return ApplicationFormPage.objects.get(kind="guest", locale__language_code="en", url_path__contains="/france/")


def test_the_spanish_home_leads_to_france_s_form_in_spanish(client, demo):
    page = france_guest_form()

    html = client.get("/es/").content.decode()

    assert f'href="{page.url}?lang=es"' in html


def test_the_form_and_its_next_steps_are_in_the_visitor_s_language(client, demo):
    page = france_guest_form()

    first = client.get(page.url + "?lang=es")
    # The next page, without the question: the session remembers the language.
    again = client.get(page.url)

    for response in (first, again):
        html = response.content.decode()
        assert '<html lang="es"' in html
        assert "Nombre" in html
        assert f'<h1 lang="en">{page.title}</h1>' in html
        assert response.context["form"]["language"].value() == "es"


def test_a_wrong_answer_is_told_in_the_visitor_s_language(client, demo):
    page = france_guest_form()
    client.get(page.url + "?lang=es")

    response = client.post(page.url, {"email": "lucia@"})

    assert response.status_code == 400
    assert "Hay un problema" in response.content.decode()


def test_the_page_s_own_language_needs_no_question(client, demo):
    page = france_guest_form()
    client.get(page.url + "?lang=es")

    response = client.get(page.url + "?lang=en")

    assert '<html lang="en"' in response.content.decode()
    assert '<h1 lang="en">' not in response.content.decode()
    assert '<html lang="en"' in client.get(page.url).content.decode()


def test_an_unknown_language_is_ignored(client, demo):
    page = france_guest_form()

    response = client.get(page.url + "?lang=xx")

    assert response.status_code == 200
    assert '<html lang="en"' in response.content.decode()


def test_the_confirmation_link_keeps_the_language(client, demo):
    page = france_guest_form()
    client.get(page.url + "?lang=es")
    gironde = page.country().territories.get(code="33", level="department")
    steps = guest_steps()
    steps[0]["territory"] = gironde.pk
    steps[1].update(institution="Université Bordeaux Montaigne", city="Pessac", institution_postcode="33607")
    response = client.post(page.url, steps[0])
    for number, data in enumerate(steps[1:], start=2):
        assert response.status_code == 302, response.content.decode()[:2000]
        response = client.post(page.url + page.reverse_subpage("later_step", args=[number]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    client.post(page.url + page.reverse_subpage("later_step", args=[len(steps) + 1]))

    (message,) = mail.outbox
    link = re.search(r"https?://\S+/confirm/\S+/\?lang=es", message.body).group(0)
    # Opened in another browser, without the session.
    client.cookies.clear()
    assert '<html lang="es"' in client.get(link).content.decode()
