"""A mandate is revoked in one step or right by right, ends by itself after its duration, and the
person and the proxy are told a week before, once."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEvent
from workflow import access
from workflow.enums import MandateRight
from workflow.mandates import mandates_remind_of_expiry
from workflow.models import Notification

from .factories_mandates import mandate_between, senior_file, signed_in_as


@pytest.fixture
def client(committing_client):
    return committing_client


def test_the_person_takes_back_one_right_and_keeps_the_others(client):
    application = senior_file()
    mandate = mandate_between(application)
    signed_in_as(client, application.person_id)

    client.post(reverse("applicant_mandate_right_revoke", args=[mandate.pk, "write"]))

    assert access.proxy_rights(mandate.proxy_id, application) == {"follow", "upload", "answer"}
    assert AuditEvent.objects.filter(action="mandate.right_revoked").exists()


def test_taking_back_the_last_right_ends_the_mandate(client):
    application = senior_file()
    mandate = mandate_between(application, rights=["follow"])
    signed_in_as(client, application.person_id)

    client.post(reverse("applicant_mandate_right_revoke", args=[mandate.pk, "follow"]))

    mandate.refresh_from_db()
    assert mandate.revoked_at is not None


def test_the_person_revokes_the_whole_mandate_in_one_step(client):
    application = senior_file()
    mandate = mandate_between(application)
    signed_in_as(client, application.person_id)

    response = client.post(reverse("applicant_mandate_revoke", args=[mandate.pk]))

    mandate.refresh_from_db()
    assert response.status_code == 302
    assert mandate.revoked_at is not None
    assert access.proxy_rights(mandate.proxy_id, application) == frozenset()
    assert set(Notification.objects.filter(kind="mandate.revoked").values_list("person_id", flat=True)) == {
        application.person_id,
        mandate.proxy_id,
    }


def test_a_proxy_cannot_revoke_the_persons_mandate(client):
    application = senior_file()
    mandate = mandate_between(application)
    signed_in_as(client, mandate.proxy_id)

    client.post(reverse("applicant_mandate_revoke", args=[mandate.pk]))

    mandate.refresh_from_db()
    assert mandate.revoked_at is None


def test_a_mandate_ends_by_itself_after_its_duration():
    application = senior_file()
    mandate = mandate_between(application, duration="month")

    with time_machine.travel(timezone.now() + timedelta(days=29, hours=23)):
        assert access.proxy_may(mandate.proxy_id, application.pk, MandateRight.FOLLOW)
    with time_machine.travel(timezone.now() + timedelta(days=30, seconds=1)):
        assert not access.proxy_may(mandate.proxy_id, application.pk, MandateRight.FOLLOW)
        mandate.refresh_from_db()
        assert mandate.status() == "expired"


def test_the_person_and_the_proxy_are_reminded_a_week_before_once(django_capture_on_commit_callbacks):
    application = senior_file()
    mandate = mandate_between(application, duration="month")

    with time_machine.travel(timezone.now() + timedelta(days=22)):
        early = mandates_remind_of_expiry()
    with time_machine.travel(timezone.now() + timedelta(days=24)):
        first = mandates_remind_of_expiry()
        again = mandates_remind_of_expiry()

    assert (early, first, again) == (0, 1, 0)
    told = Notification.objects.filter(kind="mandate.expiring")
    assert {n.person_id for n in told} == {application.person_id, mandate.proxy_id}


def test_a_one_day_mandate_is_not_reminded_of():
    mandate_between(senior_file(), duration="day")

    with time_machine.travel(timezone.now() + timedelta(hours=12)):
        assert mandates_remind_of_expiry() == 0


def test_a_revoked_mandate_is_not_reminded_of(client):
    application = senior_file()
    mandate = mandate_between(application, duration="month")
    signed_in_as(client, application.person_id)
    client.post(reverse("applicant_mandate_revoke", args=[mandate.pk]))

    with time_machine.travel(timezone.now() + timedelta(days=25)):
        assert mandates_remind_of_expiry() == 0
