"""A person gives a mandate from their space: what the proxy may do and for how long, accepted at
once, and the proxy invited by a code shown once (only its hash is kept)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from workflow import access
from workflow.enums import ConsentMethod, MandateRight
from workflow.mandates import MandateRefused, mandate_create
from workflow.models import Mandate

from .factories_mandates import mandate_between, senior_file, signed_in_as


@pytest.fixture
def client(committing_client):
    return committing_client


@pytest.mark.parametrize(("duration", "days"), [("day", 1), ("month", 30), ("half_year", 183), ("year", 365)])
def test_a_mandate_given_in_the_space_runs_from_now_for_its_duration(duration, days):
    application = senior_file()

    mandate = mandate_between(application, duration=duration)

    assert mandate.accepted_via == ConsentMethod.SPACE
    assert mandate.accepted_at == timezone.now()
    assert mandate.expires_at == timezone.now() + timedelta(days=days)
    assert "Paul Martin" in mandate.wording


def test_a_proxy_holds_only_the_rights_the_mandate_names():
    application = senior_file()
    mandate = mandate_between(application, rights=[MandateRight.FOLLOW, MandateRight.UPLOAD])

    rights = access.proxy_rights(mandate.proxy_id, application)

    assert rights == {MandateRight.FOLLOW, MandateRight.UPLOAD}
    assert not access.proxy_may(mandate.proxy_id, application.pk, MandateRight.WRITE)
    assert not access.proxy_may(mandate.proxy_id, application.pk, MandateRight.ANSWER)


def test_a_mandate_without_any_right_is_refused_and_nothing_is_kept():
    application = senior_file()

    with pytest.raises(MandateRefused):
        mandate_create(
            person=application.person, proxy_name="Paul", proxy_relation="relative", duration="month", rights=[]
        )

    assert not Mandate.objects.exists()


def test_a_mandate_prepared_by_an_advisor_gives_no_right_until_the_person_accepts():
    application = senior_file()

    mandate = mandate_between(application, accepted=False)

    assert mandate.accepted_at is None
    assert access.proxy_rights(mandate.proxy_id, application) == frozenset()


def test_the_person_gives_a_mandate_from_their_space_and_sees_the_code_once(client):
    application = senior_file()
    signed_in_as(client, application.person_id)

    response = client.post(
        reverse("applicant_mandates"),
        {
            "proxy_name": "Paul Martin",
            "proxy_relation": "relative",
            "duration": "half_year",
            "rights": ["follow", "write"],
        },
    )

    assert response.status_code == 200
    mandate = Mandate.objects.get()
    code = response.context["code"]
    assert code in response.content.decode()
    assert mandate.invitation_hash and code not in mandate.invitation_hash
    assert mandate.rights() == ["follow", "write"]
    assert mandate.accepted_via == "space"
    assert response.wsgi_request.path.startswith("/fr/")


def test_the_form_says_which_answer_is_missing(client):
    application = senior_file()
    signed_in_as(client, application.person_id)

    response = client.post(reverse("applicant_mandates"), {"proxy_name": "Paul Martin", "duration": "month"})

    assert response.status_code == 400
    assert set(response.context["form"].errors) == {"proxy_relation", "rights"}
    assert 'role="alert"' in response.content.decode()
    assert not Mandate.objects.exists()
