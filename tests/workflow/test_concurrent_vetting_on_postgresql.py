"""Two advisors acting at once on the same file: one succeeds, the other gets a clear refusal.

Runs on PostgreSQL (row locks); each advisor acts from their own connection, as two web
processes would.
"""

import threading
import time
from datetime import date

from tests.concurrency import in_own_connection
from workflow import services
from workflow.exceptions import StaleState, TransitionRefused, WorkflowError
from workflow.models import Application, ApplicationTransitionLog, Country, Organisation, StaffMembership, Territory


def committed_file():
    from django.contrib.auth import get_user_model

    country = Country.objects.create(code="QX", name="Concurrency", languages=["fr"])
    association = Organisation.objects.create(kind="association", name="Association QX", country=country)
    region = Territory.objects.create(country=country, level="region", code="R1", name="Région")
    department = Territory.objects.create(country=country, level="department", code="D1", name="Dépt", parent=region)
    department.associations.add(association)
    advisors = []
    for name in ("first.advisor.qx", "second.advisor.qx"):
        user = get_user_model().objects.create_user(name, f"{name}@weshare.example", "a-long-password-1")
        StaffMembership.objects.create(user=user, organisation=association, role="advisor")
        advisors.append(user)
    application = Application.objects.create(
        kind="guest",
        country=country,
        territory=department,
        first_name="Lucía",
        last_name="Martín",
        email="lucia@example.org",
        birth_date=date(date.today().year - 21, 1, 1),
    )
    Application.objects.filter(pk=application.pk).update(state="interview_scheduled")
    return application.pk, advisors


def remove_everything():
    from django.contrib.auth import get_user_model

    ApplicationTransitionLog.objects.filter(application__country__code="QX").delete()
    Application.objects.filter(country__code="QX").delete()
    StaffMembership.objects.filter(organisation__country__code="QX").delete()
    get_user_model().objects.filter(username__endswith=".advisor.qx").delete()
    Territory.objects.filter(country__code="QX", level="department").delete()
    Territory.objects.filter(country__code="QX").delete()
    Organisation.objects.filter(country__code="QX").delete()
    Country.objects.filter(code="QX").delete()


def test_two_advisors_approving_at_once_make_one_approval_and_one_clear_refusal(postgresql, monkeypatch):
    application_id, advisors = in_own_connection(committed_file)
    original = services._record_and_notify

    def slow_record(**kwargs):
        # Hold the transaction open so that the second advisor really arrives in the middle.
        time.sleep(0.4)
        return original(**kwargs)

    monkeypatch.setattr(services, "_record_and_notify", slow_record)
    monkeypatch.setattr("workflow.notifications.queue_delivery", lambda notification_id: None)
    barrier = threading.Barrier(2)
    outcomes = []

    def approve_as(advisor):
        from django.db import connection as thread_connection

        try:
            barrier.wait(timeout=10)
            services.application_act(application_id=application_id, action="approve", by=advisor)
            outcomes.append("approved")
        except WorkflowError as refusal:
            outcomes.append(refusal)
        finally:
            thread_connection.close()

    try:
        threads = [threading.Thread(target=approve_as, args=(advisor,)) for advisor in advisors]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)

        assert outcomes.count("approved") == 1
        (refusal,) = [o for o in outcomes if o != "approved"]
        assert isinstance(refusal, TransitionRefused | StaleState)
        assert str(refusal.message)
        logs = in_own_connection(
            lambda: list(ApplicationTransitionLog.objects.filter(application_id=application_id).values_list("action"))
        )
        assert logs == [("application.approved",)]
    finally:
        in_own_connection(remove_everything)
