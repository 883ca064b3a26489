"""Two advisors proposing the same guest to two hosts at once: one pairing, one clear refusal.

Runs on PostgreSQL (row locks, partial unique constraints); each advisor acts from their own
connection, as two web processes would.
"""

import time
from datetime import date, timedelta

from django.utils import timezone

from pairings import services
from pairings.exceptions import AlreadyPaired
from pairings.models import Pairing, PairingTransitionLog
from tests.concurrency import in_own_connection, race
from workflow.models import Application, Country, Organisation, StaffMembership, Territory


def committed_world():
    from django.contrib.auth import get_user_model

    today = timezone.localdate()
    country = Country.objects.create(code="QP", name="Pairings", languages=["fr"])
    association = Organisation.objects.create(kind="association", name="Association QP", country=country)
    region = Territory.objects.create(country=country, level="region", code="R1", name="Région")
    department = Territory.objects.create(country=country, level="department", code="D1", name="Dépt", parent=region)
    department.associations.add(association)
    advisors = []
    for name in ("first.advisor.qp", "second.advisor.qp"):
        user = get_user_model().objects.create_user(name, f"{name}@weshare.example", "a-long-password-1")
        StaffMembership.objects.create(user=user, organisation=association, role="advisor")
        advisors.append(user)
    answers = {
        "languages": ["fr"],
        "contribution": "50",
        "budget": "100",
        "available_from": today.isoformat(),
        "start_date": (today + timedelta(days=5)).isoformat(),
        "end_date": (today + timedelta(days=300)).isoformat(),
        "pets_ok": True,
    }
    people = []
    for kind, name, age in (("host", "Jeanne", 75), ("host", "Pierre", 80), ("guest", "Inès", 21)):
        people.append(
            Application.objects.create(
                kind=kind,
                country=country,
                territory=department,
                first_name=name,
                last_name="QP",
                email=f"{name.lower()}.qp@example.org",
                birth_date=date(today.year - age, 1, 1),
                answers=answers,
            )
        )
    Application.objects.filter(country=country).update(state="approved")
    return advisors, [p.pk for p in people]


def remove_everything():
    from django.contrib.auth import get_user_model

    PairingTransitionLog.objects.filter(pairing__host__country__code="QP").delete()
    Pairing.objects.filter(host__country__code="QP").delete()
    Application.objects.filter(country__code="QP").delete()
    StaffMembership.objects.filter(organisation__country__code="QP").delete()
    get_user_model().objects.filter(username__endswith=".advisor.qp").delete()
    Territory.objects.filter(country__code="QP", level="department").delete()
    Territory.objects.filter(country__code="QP").delete()
    Organisation.objects.filter(country__code="QP").delete()
    Country.objects.filter(code="QP").delete()


def test_two_advisors_cannot_book_the_same_guest_at_once(postgresql, monkeypatch):
    advisors, (first_host, second_host, guest) = in_own_connection(committed_world)
    original = services._log

    def slow_log(*args, **kwargs):
        time.sleep(0.4)  # hold the transaction open: the other advisor arrives in the middle
        return original(*args, **kwargs)

    monkeypatch.setattr(services, "_log", slow_log)
    monkeypatch.setattr("workflow.notifications.queue_delivery", lambda notification_id: None)

    def propose(advisor, host_pk):
        def run():
            host = Application.objects.get(pk=host_pk)
            return services.pairing_propose(host=host, guest=Application.objects.get(pk=guest), by=advisor)

        return run

    try:
        outcomes = race([propose(advisors[0], first_host), propose(advisors[1], second_host)])

        made = [o for o in outcomes if isinstance(o, Pairing)]
        refused = [o for o in outcomes if isinstance(o, AlreadyPaired)]
        assert (len(made), len(refused)) == (1, 1), outcomes
        assert str(refused[0].message)
        assert in_own_connection(lambda: Pairing.objects.filter(guest_id=guest).count()) == 1
    finally:
        in_own_connection(remove_everything)
