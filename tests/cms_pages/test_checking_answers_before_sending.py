"""After the last step the applicant reads all their answers, in words, can change any step,
and only the button of that page sends the confirmation link."""

import pytest
from django.core import mail

from workflow.models import Application

from ..workflow.test_applying_online import check_url, form_page, guest_steps


@pytest.fixture
def client(committing_client):
    return committing_client


def all_steps(client, page):
    steps = guest_steps()
    client.post(page.url, steps[0])
    for number, data in enumerate(steps[1:], start=2):
        response = client.post(page.url + page.reverse_subpage("later_step", args=[number]), data)
    return response


def test_the_last_step_leads_to_the_answers_and_sends_nothing_yet(client):
    page = form_page("guest", "es")

    response = all_steps(client, page)

    assert response.status_code == 302
    assert response["Location"] == check_url(page, guest_steps())
    assert mail.outbox == []


def test_the_answers_are_shown_with_their_labels_never_their_codes(client):
    page = form_page("guest", "es")
    all_steps(client, page)

    response = client.get(check_url(page, guest_steps()))

    assert response.status_code == 200
    rows = {row["label"]: row["text"] for section in response.context["summary"] for row in section["rows"]}
    assert rows["Nombre"] == "Lucía"
    assert rows["Usted es"] == "Estudiante"
    assert "Madrid" in rows["¿Dónde vive (o vivirá)?"]
    assert rows["Fumo"] == "No"
    assert rows["Presupuesto mensual para gastos"] == "90 EUR"
    assert "None" not in response.content.decode()
    assert ">student<" not in response.content.decode()


def test_each_step_has_a_link_to_change_it_that_comes_back_to_the_answers(client):
    page = form_page("guest", "es")
    all_steps(client, page)
    summary = client.get(check_url(page, guest_steps())).context["summary"]
    change = summary[1]["change_url"]

    assert change == page.url + page.reverse_subpage("later_step", args=[2]) + "?change=1"
    form = client.get(change)
    assert 'name="changing"' in form.content.decode()
    back = client.post(
        change.split("?")[0], {**guest_steps()[1], "institution": "Universidad Carlos III", "changing": "1"}
    )
    assert back["Location"] == check_url(page, guest_steps())
    assert Application.objects.get(email="lucia.martin@example.org").answers["institution"] == "Universidad Carlos III"


def test_the_button_of_the_answers_sends_the_confirmation_link(client):
    page = form_page("guest", "es")
    all_steps(client, page)

    response = client.post(check_url(page, guest_steps()))

    assert response["Location"] == page.url + page.reverse_subpage("sent")
    (message,) = mail.outbox
    assert message.to == ["lucia.martin@example.org"]


def test_answers_missing_a_step_lead_back_to_that_step(client):
    page = form_page("guest", "es")
    client.post(page.url, guest_steps()[0])

    response = client.post(check_url(page, guest_steps()))

    assert response["Location"] == page.url + page.reverse_subpage("later_step", args=[2])
    assert mail.outbox == []
