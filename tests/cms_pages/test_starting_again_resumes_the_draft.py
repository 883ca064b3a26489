"""Someone who starts the form again in the same browser continues their draft, with their
answers shown, instead of opening a second file; nobody else's draft is ever resumed."""

from django.test import Client

from workflow.models import Application

from ..workflow.test_applying_online import form_page, guest_steps

EMAIL = "lucia.martin@example.org"


def test_the_first_page_opened_again_shows_the_drafts_answers(client):
    page = form_page("guest", "es")
    client.post(page.url, guest_steps()[0])

    again = client.get(page.url)

    html = again.content.decode()
    assert 'value="Lucía"' in html
    draft = Application.objects.get(email=EMAIL)
    assert f'value="{draft.form_key}"' in html


def test_the_first_step_sent_again_without_its_key_continues_the_draft(client):
    page = form_page("guest", "es")
    first = guest_steps()[0]
    client.post(page.url, first)

    client.post(page.url, {**{k: v for k, v in first.items() if k != "form_key"}, "first_name": "Lucia"})

    (draft,) = Application.objects.filter(email=EMAIL)
    assert draft.first_name == "Lucia"


def test_a_fresh_page_in_another_tab_with_the_same_address_continues_the_draft(client):
    page = form_page("guest", "es")
    first = guest_steps()[0]
    client.post(page.url, first)

    client.post(page.url, {**first, "form_key": "0e6f8a3c-1b2d-4e5f-8a9b-0c1d2e3f4a5b"})

    assert Application.objects.filter(email=EMAIL).count() == 1


def test_another_browser_with_the_same_address_never_resumes_the_draft(client):
    page = form_page("guest", "es")
    first = guest_steps()[0]
    client.post(page.url, first)
    mine = Application.objects.get(email=EMAIL)

    stranger = Client()
    stranger.post(page.url, {**first, "form_key": "", "first_name": "Mallory"})

    mine.refresh_from_db()
    assert mine.first_name == "Lucía"
    assert Application.objects.filter(email=EMAIL).count() == 2
