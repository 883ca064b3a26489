"""A proxy reads the file they act on in words about the person they help ("the application was
sent"), never in the words the person reads about themselves ("you sent your application")."""

from django.urls import reverse
from django.utils import timezone, translation

from workflow.models import Application
from workflow.space import HAPPENED, HAPPENED_FOR_PROXY, NEXT, NEXT_FOR_PROXY

from .factories_mandates import mandate_between, senior_file, signed_in_as


def _sent_senior_file():
    application = senior_file()
    Application.objects.filter(pk=application.pk).update(submitted_at=timezone.now())
    return application


def test_the_proxys_page_tells_what_happened_and_what_comes_next_about_the_person(client):
    application = _sent_senior_file()
    mandate = mandate_between(application, rights=["follow"])
    signed_in_as(client, mandate.proxy_id)

    with translation.override("en"):
        page = client.get(reverse("applicant_proxy_file", args=[application.pk])).content.decode()

    assert "The application was started" in page
    assert "The application was sent" in page
    assert "An advisor of the association reads the file" in page
    assert "You started your application" not in page
    assert "You sent your application" not in page
    assert "reads your file" not in page


def test_the_person_still_reads_their_own_space_in_the_second_person(client):
    application = _sent_senior_file()
    signed_in_as(client, application.person_id)

    with translation.override("en"):
        page = client.get(reverse("applicant_space")).content.decode()

    assert "You sent your application" in page
    assert "The application was sent" not in page


def test_every_state_has_its_words_for_a_proxy():
    assert set(HAPPENED_FOR_PROXY) == set(HAPPENED)
    assert set(NEXT_FOR_PROXY) == set(NEXT)
