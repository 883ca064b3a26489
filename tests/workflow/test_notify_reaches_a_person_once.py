"""notify() picks the channels from the person's preferences and the kind, records each
notification, sends it after commit through the worker, and sends it once however often asked."""

import json
from datetime import timedelta
from unittest import mock

import pytest
import time_machine
from django.core import mail
from django.db import transaction
from django.utils import timezone

from workflow import sms
from workflow.models import Notification, Person
from workflow.notifications import KINDS, channels_for, notify
from workflow.tasks import deliver_notification, retry_failed_notifications

from .factories import ApplicationFactory, UserFactory


@pytest.fixture(autouse=True)
def _empty_sms_outbox():
    sms.outbox.clear()


def person(**kwargs):
    defaults = {"email": "ana@example.org", "language": "fr", "preferred_channels": ["email"]}
    return Person.objects.create(**{**defaults, **kwargs})


def changed(application, **extra):
    return notify(
        application.person,
        "application.changed",
        {"state": "approved", "reason": ""},
        about=application,
        occasion=1,
        application=application,
        **extra,
    )


def test_the_preferred_channels_come_first_and_the_space_is_added(today):
    someone = person(mobile="+33600000000", preferred_channels=["sms", "email"])

    assert channels_for(someone, KINDS["application.changed"]) == ["sms", "email", "space"]
    assert channels_for(someone, KINDS["applicant.sign_in"]) == ["email"]


def test_a_channel_that_cannot_reach_the_person_is_skipped_for_one_that_can():
    no_email = person(email="", mobile="+33600000000", preferred_channels=["email"])
    by_post = person(email="", postal_address="3 rue des Lilas", postcode="33000", city="Bordeaux")

    assert channels_for(no_email, KINDS["convention.signing_code"]) == ["sms"]
    assert channels_for(by_post, KINDS["application.changed"]) == ["post", "space"]


def test_a_code_goes_by_one_channel_only():
    both = person(mobile="+33600000000", preferred_channels=["sms", "email"])

    assert channels_for(both, KINDS["convention.signing_code"]) == ["sms"]


def test_asked_twice_it_is_recorded_and_sent_once(django_capture_on_commit_callbacks):
    application = ApplicationFactory(language="es")

    with django_capture_on_commit_callbacks(execute=True):
        changed(application)
        changed(application)

    assert Notification.objects.filter(application=application, channel="email").count() == 1
    (message,) = mail.outbox
    assert message.to == [application.email]
    assert "Buenas noticias" in message.body
    assert "/my-application/" in message.body


def test_a_redelivered_task_sends_nothing_more(django_capture_on_commit_callbacks):
    application = ApplicationFactory()
    with django_capture_on_commit_callbacks(execute=True):
        (email, _space) = changed(application)

    assert deliver_notification(email.pk) == "already sent"
    assert len(mail.outbox) == 1
    email.refresh_from_db()
    assert (email.status, email.address, email.attempts) == ("sent", application.email, 1)
    assert email.sent_at is not None and email.subject


def test_nothing_is_queued_when_the_transaction_rolls_back(django_capture_on_commit_callbacks):
    application = ApplicationFactory()

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            with transaction.atomic():
                changed(application)
                raise RuntimeError("the request failed")
        except RuntimeError:
            pass

    assert callbacks == []
    assert not Notification.objects.filter(application=application).exists()
    assert mail.outbox == []


def test_a_text_message_goes_through_the_sms_backend(django_capture_on_commit_callbacks):
    application = ApplicationFactory(phone="+34600000000", language="es")
    Person.objects.filter(pk=application.person_id).update(preferred_channels=["sms"])
    application.refresh_from_db()

    with django_capture_on_commit_callbacks(execute=True):
        changed(application)

    (text,) = sms.outbox
    assert text.to == "+34600000000"
    assert "WeShare" in text.body and "/my-application/" in text.body
    assert mail.outbox == []


def test_a_failure_is_recorded_and_the_next_try_sends_it(django_capture_on_commit_callbacks, monkeypatch):
    application = ApplicationFactory()
    monkeypatch.setattr("workflow.notifications.EmailMessage.send", mock.Mock(side_effect=OSError("mail server down")))
    with django_capture_on_commit_callbacks(execute=True):
        changed(application)
    email = Notification.objects.get(application=application, channel="email")
    assert (email.status, email.failure) == ("failed", "mail server down")
    monkeypatch.undo()

    with time_machine.travel(timezone.now() + timedelta(minutes=4)):
        assert retry_failed_notifications() == 0
    with time_machine.travel(timezone.now() + timedelta(minutes=6)):
        assert retry_failed_notifications() == 1

    email.refresh_from_db()
    assert (email.status, email.attempts, len(mail.outbox)) == ("sent", 2, 1)


def test_a_staff_member_is_reached_by_email_in_the_language_given(django_capture_on_commit_callbacks):
    advisor = UserFactory(first_name="Bernadette")
    application = ApplicationFactory()

    with django_capture_on_commit_callbacks(execute=True):
        notify(
            advisor,
            "staff.erasure_requested",
            {"file_url": "https://admin.example/f/1/"},
            about=application,
            application=application,
            language="fr",
        )

    (message,) = mail.outbox
    assert message.to == [advisor.email]
    assert "effacement" in message.subject
    assert "https://admin.example/f/1/" in message.body


def test_the_file_backend_writes_one_file_per_message(settings, tmp_path):
    settings.SMS_FILE_PATH = str(tmp_path)

    sms.FileBackend().send("+33 6 00 00 00 00", "Bonjour")

    (written,) = tmp_path.iterdir()
    assert written.read_text() == "To: +33 6 00 00 00 00\n\nBonjour\n"


def test_the_http_backend_posts_json_over_https_only(settings):
    settings.SMS_HTTP_URL = "https://sms.example/send"
    settings.SMS_HTTP_TOKEN = "secret"
    answer = mock.MagicMock(status=202)
    answer.__enter__.return_value = answer
    with mock.patch("urllib.request.urlopen", return_value=answer) as opened:
        sms.HttpBackend().send("+33600000000", "Bonjour")

    request = opened.call_args.args[0]
    assert json.loads(request.data) == {"from": "WeShare", "to": "+33600000000", "text": "Bonjour"}
    assert request.get_header("Authorization") == "Bearer secret"

    settings.SMS_HTTP_URL = "http://sms.example/send"
    with pytest.raises(RuntimeError):
        sms.HttpBackend().send("+33600000000", "Bonjour")
