"""The space shows the person who acts for them, with a button per right and one for the whole
mandate; the proxy's space shows whom they act for, with a link to that file saying so."""

import pytest
from django.urls import reverse

from .factories_mandates import mandate_between, senior_file, signed_in_as


@pytest.fixture
def client(committing_client):
    return committing_client


def test_the_person_sees_who_acts_for_them_and_can_take_back_each_right(client):
    application = senior_file()
    mandate = mandate_between(application, rights=["follow", "write"], name="Paul Martin")
    signed_in_as(client, application.person_id)

    page = client.get(reverse("applicant_space")).content.decode()

    assert "Paul Martin" in page
    assert reverse("applicant_mandate_right_revoke", args=[mandate.pk, "follow"]) in page
    assert reverse("applicant_mandate_right_revoke", args=[mandate.pk, "write"]) in page
    assert reverse("applicant_mandate_right_revoke", args=[mandate.pk, "upload"]) not in page
    assert reverse("applicant_mandate_revoke", args=[mandate.pk]) in page


def test_the_proxys_space_leads_to_the_file_they_act_on(client):
    application = senior_file(first_name="Marie", last_name="Durand")
    mandate = mandate_between(application, rights=["follow"])
    signed_in_as(client, mandate.proxy_id)

    space = client.get(reverse("applicant_space")).content.decode()
    file_page = client.get(reverse("applicant_proxy_file", args=[application.pk]))

    assert reverse("applicant_proxy_file", args=[application.pk]) in space
    assert file_page.status_code == 200
    assert "Marie Durand" in file_page.content.decode()
    assert file_page.context["follows"] and not file_page.context["may_upload"]
