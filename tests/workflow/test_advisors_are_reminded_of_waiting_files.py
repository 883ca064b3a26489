"""Files waiting too long for the association are in their advisors' daily reminder, once a day."""

from datetime import timedelta

from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django_q.models import Schedule

from workflow.models import Application, ApplicationRules, ReminderSent
from workflow.tasks import remind_advisors_of_waiting_files

from .factories import ApplicationFactory, StaffMembershipFactory, association_covering, set_state


def waiting(days, state="submitted", **kwargs):
    application = set_state(ApplicationFactory(**kwargs), state)
    Application.objects.filter(pk=application.pk).update(state_changed_at=timezone.now() - timedelta(days=days))
    application.refresh_from_db()
    return application


def test_an_advisor_gets_one_email_listing_the_files_waiting_too_long(as_the_worker):
    old = waiting(10)
    advisor = StaffMembershipFactory(organisation=association_covering(old.territory)).user
    also_old = waiting(8, state="in_review", territory=old.territory, country=old.country)
    recent = waiting(2, territory=old.territory, country=old.country)

    assert as_the_worker(remind_advisors_of_waiting_files) == 1

    (message,) = mail.outbox
    assert message.to == [advisor.email]
    assert str(old) in message.body and str(also_old) in message.body
    assert str(recent) not in message.body
    assert reverse("workflow_application:inspect", args=[old.pk]) in message.body


def test_a_second_run_the_same_day_sends_nothing(as_the_worker):
    application = waiting(10)
    StaffMembershipFactory(organisation=association_covering(application.territory))
    as_the_worker(remind_advisors_of_waiting_files)

    assert as_the_worker(remind_advisors_of_waiting_files) == 0
    assert len(mail.outbox) == 1
    assert ReminderSent.objects.filter(application=application).count() == 1


def test_the_delay_is_set_per_country_and_kind_in_the_admin():
    application = waiting(4)
    StaffMembershipFactory(organisation=association_covering(application.territory))
    assert remind_advisors_of_waiting_files() == 0

    ApplicationRules.objects.create(country=application.country, kind="guest", reminder_after_days=3)
    ReminderSent.objects.all().delete()

    assert remind_advisors_of_waiting_files() == 1


def test_files_decided_or_with_the_applicant_are_not_reminded():
    for state in ("approved", "rejected", "sent_back", "withdrawn", "draft"):
        application = waiting(30, state=state)
        StaffMembershipFactory(organisation=association_covering(application.territory))

    assert remind_advisors_of_waiting_files() == 0


def test_the_reminder_runs_daily_in_the_worker():
    schedule = Schedule.objects.get(func="workflow.tasks.remind_advisors_of_waiting_files")

    assert schedule.schedule_type == Schedule.DAILY


def test_the_admin_list_filters_files_waiting_more_than_a_week(client):
    old = waiting(10)
    advisor = StaffMembershipFactory(organisation=association_covering(old.territory)).user
    recent = waiting(1, territory=old.territory, country=old.country)
    client.force_login(advisor)

    response = client.get(reverse("workflow_application:index"), {"waiting": "7"})

    body = response.content.decode()
    assert old.last_name in body
    assert recent.last_name not in body
