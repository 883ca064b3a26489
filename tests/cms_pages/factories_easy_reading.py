"""Answers that pass each step of the French application forms (France's rules of the demo)."""

from datetime import date, timedelta

from django.utils import timezone

from cms_pages.models import ApplicationFormPage
from workflow.enums import TerritoryLevel
from workflow.models import Territory


def french_form_page(kind: str) -> ApplicationFormPage:
    return ApplicationFormPage.objects.get(kind=kind, locale__language_code="fr", url_path__contains="/france/")


def step_url(page, number: int) -> str:
    return page.url if number == 1 else page.url + page.reverse_subpage("later_step", args=[number])


def _years_ago(years: int) -> str:
    return date(timezone.localdate().year - years, 1, 10).isoformat()


def _french_territory() -> Territory:
    return (
        Territory.objects.filter(country__code="FR", level=TerritoryLevel.DEPARTMENT, associations__isnull=False)
        .order_by("code")
        .first()
    )


def french_steps(kind: str) -> list[dict]:
    """The answers of every step of the French ``kind`` form, valid under France's rules."""
    start = timezone.localdate() + timedelta(days=30)
    identity = {
        "form_key": "3b0f6a52-0c1d-4c3e-9d7a-5e2f8b9c1a20",
        "first_name": "Monique",
        "last_name": "Durand",
        "email": "monique.durand@example.org",
        "phone": "05 56 00 00 00",
        "language": "fr",
        "territory": _french_territory().pk,
        "consent": "on",
    }
    if kind == "host":
        return [
            {
                **identity,
                "birth_date": _years_ago(72),
                "address": "12 rue des Lilas",
                "postcode": "33000",
                "city": "Bordeaux",
            },
            {
                "housing_status": "owner",
                "room_size": "12",
                "available_from": start.isoformat(),
                "smoking": "no",
                "visits": "ask",
                "meals": "sometimes",
            },
            {
                "languages": ["fr"],
                "evenings_per_week": "3",
                "weekends": "free",
                "contribution": "0",
                "emergency_contact": "Paul Durand 06 00 00 00 00",
            },
        ]
    return [
        {
            **identity,
            "email": "lea.martin@example.org",
            "first_name": "Léa",
            "birth_date": _years_ago(21),
            "nationality": "française",
        },
        {
            "programme": "student",
            "institution": "Université de Bordeaux",
            "city": "Bordeaux",
            "start_date": start.isoformat(),
            "end_date": (start + timedelta(days=270)).isoformat(),
        },
        {
            "languages": ["fr"],
            "budget": "90",
            "evenings_per_week": "3",
            "motivation": "Je veux partager la vie de tous les jours avec une personne âgée, rendre service et "
            "apprendre de son expérience pendant mes études à Bordeaux.",
        },
    ]
