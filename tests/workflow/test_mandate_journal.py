"""Every action of a proxy is written in the person's journal and the audit trail with both
identities; the person reads it in their space and receives it every month they were acted for,
by post when they chose the post."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from audit.models import AuditEvent
from workflow.enums import MandateRight
from workflow.mandates import ProxyNotAllowed, mandates_send_monthly_journal, proxy_action_record
from workflow.models import Notification, ProxyAction

from .factories_mandates import mandate_between, senior_file, signed_in_as


def _act(mandate, application, summary="Sent a document: identity"):
    return proxy_action_record(
        proxy_id=mandate.proxy_id,
        application=application,
        right=MandateRight.UPLOAD,
        action="proxy.document_uploaded",
        summary=summary,
    )


def test_an_action_is_recorded_with_both_identities():
    application = senior_file()
    mandate = mandate_between(application)

    action = _act(mandate, application)

    assert (action.person_id, action.proxy_id, action.mandate_id) == (
        application.person_id,
        mandate.proxy_id,
        mandate.pk,
    )
    event = AuditEvent.objects.get(action="proxy.document_uploaded")
    assert event.actor == f"applicant:{mandate.proxy_id}"
    assert event.data["on_behalf_of"] == application.person_id
    assert event.application_id == application.pk


def test_nothing_is_recorded_for_a_right_the_proxy_does_not_hold():
    application = senior_file()
    mandate = mandate_between(application, rights=["follow"])

    with pytest.raises(ProxyNotAllowed):
        _act(mandate, application)

    assert not ProxyAction.objects.exists()


def test_the_person_reads_who_acted_for_them(client):
    application = senior_file()
    mandate = mandate_between(application)
    _act(mandate, application, summary="Sent a document: identity")
    signed_in_as(client, application.person_id)

    page = client.get(reverse("applicant_mandate_journal"))

    assert page.status_code == 200
    assert "Paul Martin" in page.content.decode()
    assert "Sent a document: identity" in page.content.decode()


PARIS = ZoneInfo("Europe/Paris")


@pytest.mark.clock(at=datetime(2026, 3, 12, 9, 30, tzinfo=PARIS))
def test_the_monthly_letter_goes_once_only_to_those_acted_for():
    acted_for = senior_file()
    acted_for.person.postal_address = "3 rue des Lilas"
    acted_for.person.city = "Lyon"
    acted_for.person.postcode = "69003"
    acted_for.person.preferred_channels = ["post"]
    acted_for.person.save()
    mandate = mandate_between(acted_for)
    mandate_between(senior_file(), name="Nobody Acts")
    _act(mandate, acted_for)

    with time_machine.travel(datetime(2026, 4, 1, 6, 0, tzinfo=PARIS)):
        sent = mandates_send_monthly_journal()
        again = mandates_send_monthly_journal()

    letters = Notification.objects.filter(kind="mandate.journal")
    assert (sent, again) == (1, 1)
    assert {(n.person_id, n.occasion) for n in letters} == {(acted_for.person_id, "2026-03")}
    assert "post" in set(letters.values_list("channel", flat=True))


@pytest.mark.clock(at=datetime(2026, 3, 12, 9, 30, tzinfo=PARIS))
def test_no_letter_in_a_month_without_any_action():
    application = senior_file()
    mandate = mandate_between(application)
    _act(mandate, application)

    with time_machine.travel(datetime(2026, 5, 1, 6, 0, tzinfo=PARIS)):
        assert mandates_send_monthly_journal() == 0

    assert not Notification.objects.filter(kind="mandate.journal").exists()
