"""What the export tests share: a territory of their own with its files, and who sees them."""

from datetime import timedelta

from django.utils import timezone

from tests.workflow.factories import (
    ApplicationFactory,
    OrganisationFactory,
    StaffMembershipFactory,
    TerritoryFactory,
    association_covering,
    set_state,
)

STATES = ["submitted", "in_review", "approved", "rejected", "approved", "submitted", "sent_back"]


def files_in(territory, *, count=7):
    """Files of hosts and guests in ``territory``, in several states, sent on different days."""
    made = []
    for n in range(count):
        extra = {"host": True} if n % 2 else {}
        application = ApplicationFactory(territory=territory, country=territory.country, **extra)
        application = set_state(application, STATES[n % len(STATES)])
        sent = timezone.now() - timedelta(days=n + 1, hours=n)
        type(application).objects.filter(pk=application.pk).update(submitted_at=sent, state_changed_at=sent)
        application.refresh_from_db()
        made.append(application)
    return made


def advisor_of(territory):
    return StaffMembershipFactory(organisation=association_covering(territory)).user


def national_officer_of(country):
    body = OrganisationFactory(country=country, kind="national_body", name="Agence nationale")
    return StaffMembershipFactory(organisation=body, role="national_officer").user


def a_department():
    return TerritoryFactory(department=True)
