"""The contact form sends a message to the association; bad input gets clear messages and stores nothing."""

from django.core import mail
from wagtail.contrib.forms.models import FormSubmission

from cms_pages.models import ContactPage


def contact_page(language="fr"):
    return ContactPage.objects.get(locale__language_code=language, url_path__contains="/france/")


def form_data(page, **overrides):
    form = page.get_form(page=page, user=None)
    data = {}
    for name, field in form.fields.items():
        if name == "wagtailcaptcha":
            continue
        choices = getattr(field, "choices", None)
        if choices:
            data[name] = [c for c, _label in choices if c][0]
        elif "email" in field.__class__.__name__.lower():
            data[name] = "jeanne.martin@example.org"
        else:
            data[name] = "Bonjour, je voudrais accueillir une étudiante."
    data.update(overrides)
    return data


def test_a_valid_message_is_stored_and_emailed_to_the_association(client, demo):
    page = contact_page()

    response = client.post(page.url, form_data(page))

    assert response.status_code == 200
    assert FormSubmission.objects.filter(page=page).count() == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [page.to_address]


def test_a_message_without_the_required_fields_is_refused_in_french(client, demo):
    page = contact_page()

    response = client.post(page.url, {}, HTTP_ACCEPT_LANGUAGE="fr")

    assert response.status_code == 200
    body = response.content.decode()
    assert "Champ requis" in body
    assert 'id="id_adresse_electronique_error"' in body
    assert FormSubmission.objects.count() == 0
    assert mail.outbox == []


def test_a_message_without_the_required_fields_is_refused_in_english(client, demo):
    page = contact_page("en")

    response = client.post(page.url, {})

    assert "This field is required" in response.content.decode() or "Required field" in response.content.decode()
    assert FormSubmission.objects.count() == 0


def test_an_invalid_email_address_is_refused(client, demo):
    page = contact_page()
    data = form_data(page)
    email_field = next(name for name, value in data.items() if value == "jeanne.martin@example.org")
    data[email_field] = "pas-une-adresse"

    response = client.post(page.url, data)

    body = response.content.decode()
    assert f'id="id_{email_field}_error"' in body
    assert "valide" in body
    assert FormSubmission.objects.count() == 0
