"""The area a file goes to is chosen by the applicant, never pre-selected for them."""

from workflow.models import Application

from ..workflow.test_applying_online import form_page, guest_steps


def test_the_area_list_starts_empty(client):
    page = form_page("guest", "es")

    html = client.get(page.url).content.decode()

    select = html[html.index('name="territory"') : html.index("</select>", html.index('name="territory"'))]
    assert '<option value="" selected>' in select
    assert select.count(" selected") == 1


def test_an_application_without_an_area_is_told_to_choose_one(client):
    page = form_page("guest", "es")

    response = client.post(page.url, {**guest_steps()[0], "territory": ""})

    assert response.status_code == 400
    assert response.context["form"].errors["territory"]
    assert not Application.objects.filter(email=guest_steps()[0]["email"]).exists()
