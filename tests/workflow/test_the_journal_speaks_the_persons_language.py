"""The journal of what a proxy did is worded in the language of the person who reads it, not in
the proxy's: a daughter writing in German for her French mother leaves French lines."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import translation

from workflow.enums import DocumentKind, MandateRight
from workflow.mandates import mandates_send_monthly_journal, proxy_action_record
from workflow.models import Notification, ProxyAction
from workflow.notifications import deliver

from .factories_mandates import mandate_between, senior_file, signed_in_as

PARIS = ZoneInfo("Europe/Paris")


def _sent_in_german(mandate, application):
    with translation.override("de"):
        return proxy_action_record(
            proxy_id=mandate.proxy_id,
            application=application,
            right=MandateRight.UPLOAD,
            action="proxy.document_uploaded",
            summary=translation.gettext("Sent a document: %(kind)s") % {"kind": DocumentKind.PENSION.label},
            details={"kind": DocumentKind.PENSION},
        )


def _in(language, text, **values):
    with translation.override(language):
        return translation.gettext(text) % {key: str(value) for key, value in values.items()}


def test_the_journal_page_words_the_action_in_the_persons_language(client):
    application = senior_file(language="fr")
    action = _sent_in_german(mandate_between(application), application)
    signed_in_as(client, application.person_id)

    with translation.override("fr"):
        page = client.get(reverse("applicant_mandate_journal")).content.decode()
        french = _in("fr", "Sent a document: %(kind)s", kind=DocumentKind.PENSION.label)

    assert french != action.summary
    assert french in page
    assert action.summary not in page


@pytest.mark.clock(at=datetime(2026, 3, 12, 9, 30, tzinfo=PARIS))
def test_the_monthly_journal_words_the_action_in_the_persons_language():
    application = senior_file(language="fr")
    application.person.language = "fr"
    application.person.save(update_fields=["language"])
    action = _sent_in_german(mandate_between(application), application)

    with time_machine.travel(datetime(2026, 4, 1, 6, 0, tzinfo=PARIS)):
        mandates_send_monthly_journal()
        email = Notification.objects.get(kind="mandate.journal", channel="email")
        deliver(email.pk)

    body = mail.outbox[-1].body
    with translation.override("fr"):
        assert _in("fr", "Sent a document: %(kind)s", kind=DocumentKind.PENSION.label) in body
    assert action.summary not in body


def test_an_action_recorded_without_details_keeps_its_summary():
    application = senior_file()
    mandate = mandate_between(application)
    action = ProxyAction.objects.create(
        mandate=mandate,
        person_id=application.person_id,
        proxy_id=mandate.proxy_id,
        application=application,
        right=MandateRight.WRITE,
        action="proxy.message_sent",
        summary="Wrote a message to the association",
    )

    assert action.description() == "Wrote a message to the association"
