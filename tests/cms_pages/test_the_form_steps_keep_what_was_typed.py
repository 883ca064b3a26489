"""Nothing typed in the application form is lost to a time-out: the browser keeps a draft of each
step that a step with nothing stored yet puts back, and a step sent after its security token
expired comes back with every answer kept, ready to send again with one button."""

import re

import pytest
from django.test import Client

from workflow.models import Application

from .factories_easy_reading import french_form_page, french_steps, step_url

OUR_ORIGIN = "http://testserver"


@pytest.fixture
def kept_on_token_failure(settings):
    settings.CSRF_FAILURE_VIEW = "config.csrf.csrf_failure"


def form_tag(html: str) -> str:
    return re.search(r"<form method=\"post\" novalidate[^>]*>", html).group(0)


def test_a_step_with_nothing_stored_yet_takes_back_the_browsers_draft(client, demo):
    page = french_form_page("guest")

    html = client.get(page.url).content.decode()

    tag = form_tag(html)
    assert f'data-draft="{page.pk}-1"' in tag
    assert "data-draft-fresh" in tag
    assert "js/form-drafts.js" in html


def test_a_step_showing_stored_answers_keeps_them_and_the_next_one_takes_its_draft(client, demo):
    page = french_form_page("guest")
    client.post(page.url, french_steps("guest")[0])

    first = form_tag(client.get(page.url).content.decode())
    second = form_tag(client.get(step_url(page, 2)).content.decode())

    assert "data-draft-fresh" not in first
    assert f'data-draft="{page.pk}-2"' in second
    assert "data-draft-fresh" in second


def test_a_step_sent_with_problems_shows_what_was_sent_not_the_draft(client, demo):
    page = french_form_page("guest")

    response = client.post(page.url, {**french_steps("guest")[0], "first_name": ""})

    assert response.status_code == 400
    assert "data-draft-fresh" not in form_tag(response.content.decode())


def test_a_step_sent_after_its_token_expired_comes_back_with_every_answer(demo, kept_on_token_failure):
    page = french_form_page("guest")
    answers = french_steps("guest")[0]
    browser = Client(enforce_csrf_checks=True)

    refused = browser.post(page.url, answers, HTTP_ORIGIN=OUR_ORIGIN)

    html = refused.content.decode()
    assert refused.status_code == 403
    assert "no-store" in refused["Cache-Control"]
    assert f'action="{page.url}"' in html
    for name in ("first_name", "last_name", "email", "birth_date", "nationality", "territory"):
        assert f'name="{name}" value="{answers[name]}"' in html
    assert 'name="consent" value="on"' in html
    assert not Application.objects.filter(email=answers["email"]).exists()

    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    kept = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', html))
    kept.pop("csrfmiddlewaretoken", None)
    again = browser.post(page.url, {**kept, "csrfmiddlewaretoken": token}, HTTP_ORIGIN=OUR_ORIGIN)

    assert again.status_code == 302
    assert Application.objects.get(email=answers["email"]).first_name == "Léa"


def test_a_post_from_another_site_gets_the_plain_refusal_without_the_answers(demo, kept_on_token_failure):
    page = french_form_page("guest")
    answers = french_steps("guest")[0]

    refused = Client(enforce_csrf_checks=True).post(page.url, answers, HTTP_ORIGIN="https://elsewhere.example")

    assert refused.status_code == 403
    assert answers["last_name"] not in refused.content.decode()
    assert "Send" not in refused.content.decode()


def test_a_post_naming_no_page_of_ours_gets_the_plain_refusal(demo, kept_on_token_failure):
    page = french_form_page("guest")
    answers = french_steps("guest")[0]

    refused = Client(enforce_csrf_checks=True).post(page.url, answers)

    assert refused.status_code == 403
    assert answers["last_name"] not in refused.content.decode()
