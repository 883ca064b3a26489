"""Factories of assisted files: an advisor of the Gironde (the demo's France), the form's answers
as the advisor types them, and a host's file filled in by phone without an email address."""

from datetime import date

from django.utils import timezone

import documents.assisted_hooks  # noqa: F401  (the scans' admin addresses, on the consent page)
from tests.workflow.factories import StaffMembershipFactory, association_covering
from workflow.models import Territory


def gironde() -> Territory:
    return Territory.objects.get(country__code="FR", code="33", level="department")


def advisor_of(territory=None, **kwargs):
    """An advisor of the association covering ``territory`` (the Gironde by default)."""
    territory = territory or gironde()
    return StaffMembershipFactory(organisation=association_covering(territory), **kwargs).user


def years_ago(years: int) -> str:
    today = timezone.localdate()
    return date(today.year - years, 3, 1).isoformat()


def host_identity(territory=None, **changes) -> dict:
    data = {
        "first_name": "Jeanne",
        "last_name": "Lacoste",
        "email": "",
        "phone": "06 12 34 56 78",
        "birth_date": years_ago(81),
        "gender": "woman",
        "address": "4 rue Sainte-Catherine",
        "postcode": "33000",
        "city": "Bordeaux",
        "language": "fr",
        "territory": (territory or gironde()).pk,
    }
    return {**data, **changes}


def host_home(**changes) -> dict:
    data = {
        "housing_status": "owner",
        "room_size": "14",
        "furnished": "on",
        "available_from": timezone.localdate().isoformat(),
        "smoking": "no",
        "visits": "ask",
        "meals": "sometimes",
    }
    return {**data, **changes}


def host_life(**changes) -> dict:
    data = {
        "languages": ["fr"],
        "evenings_per_week": "3",
        "weekends": "free",
        "contribution": "100",
        "emergency_contact": "Sophie Lacoste, 06 00 00 00 00",
    }
    return {**data, **changes}


def filled_in(client, advisor, *, via="phone", identity=None):
    """Drive the advisor's screens through the three steps of a host's file; returns the file."""
    import re

    from django.urls import reverse

    from workflow.models import Application

    client.force_login(advisor)
    response = client.post(reverse("assisted_new_identity", args=["host", via]), identity or host_identity())
    assert response.status_code == 302, re.findall(r'role="alert">(.*?)</', response.content.decode(), re.S)
    application = Application.objects.filter(assisted_by=advisor).latest("pk")
    response = client.post(reverse("assisted_step", args=[application.pk, 2]), host_home())
    assert response.status_code == 302, re.findall(r'role="alert">(.*?)</', response.content.decode(), re.S)
    response = client.post(reverse("assisted_step", args=[application.pk, 3]), host_life())
    assert response.status_code == 302, re.findall(r'role="alert">(.*?)</', response.content.decode(), re.S)
    application.refresh_from_db()
    return application
