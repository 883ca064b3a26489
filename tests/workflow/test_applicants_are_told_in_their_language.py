"""After each change of their file the applicant gets one email, in their language, after commit."""

import pytest
from django.core import mail
from django.db import transaction

from workflow.models import Notification
from workflow.services import application_act
from workflow.tasks import deliver_notification

from .factories import ApplicationFactory, StaffMembershipFactory, association_covering, set_state


def approve(application, django_capture_on_commit_callbacks):
    advisor = StaffMembershipFactory(organisation=association_covering(application.territory)).user
    with django_capture_on_commit_callbacks(execute=True):
        application_act(application_id=application.pk, action="approve", by=advisor)


@pytest.mark.parametrize(
    ("language", "words"),
    [("fr", "Bonne nouvelle"), ("es", "Buenas noticias"), ("en", "Good news")],
)
def test_the_approval_email_is_written_in_the_applicants_language(django_capture_on_commit_callbacks, language, words):
    application = set_state(ApplicationFactory(language=language), "interview_scheduled")

    approve(application, django_capture_on_commit_callbacks)

    (message,) = mail.outbox
    assert message.to == [application.email]
    assert words in message.body
    assert application.first_name in message.body


def test_running_the_notification_task_twice_sends_one_email(django_capture_on_commit_callbacks):
    application = set_state(ApplicationFactory(), "interview_scheduled")
    approve(application, django_capture_on_commit_callbacks)
    notification = Notification.objects.get(application=application, channel="email")

    assert deliver_notification(notification.pk) == "already sent"
    assert len(mail.outbox) == 1


def test_a_rolled_back_action_sends_nothing(django_capture_on_commit_callbacks):
    application = set_state(ApplicationFactory(), "interview_scheduled")
    advisor = StaffMembershipFactory(organisation=association_covering(application.territory)).user

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            with transaction.atomic():
                application_act(application_id=application.pk, action="approve", by=advisor)
                raise RuntimeError("the request failed after the action")
        except RuntimeError:
            pass

    assert callbacks == []
    assert mail.outbox == []
    application.refresh_from_db()
    assert application.state == "interview_scheduled"


def test_the_reason_of_a_sending_back_is_in_the_email(django_capture_on_commit_callbacks):
    application = set_state(ApplicationFactory(language="fr"), "in_review")
    advisor = StaffMembershipFactory(organisation=association_covering(application.territory)).user

    with django_capture_on_commit_callbacks(execute=True):
        application_act(
            application_id=application.pk, action="send_back", by=advisor, comment="Ajoutez votre pièce d'identité."
        )

    assert "Ajoutez votre pièce d'identité." in mail.outbox[0].body
