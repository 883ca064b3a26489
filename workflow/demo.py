"""Demo staff and case files: who vets where, and a few files at every step of the vetting.

Called by ``manage.py load_demo``; idempotent (looks for what it would create).
"""

import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model

from .enums import ApplicationKind, OrganisationKind, StaffRole
from .models import Application, Country, Organisation, StaffMembership, Territory
from .services import application_act, application_applicant_act


@dataclass(frozen=True)
class DemoFile:
    kind: str
    first_name: str
    last_name: str
    age: int
    language: str
    country: str
    department: str
    steps: tuple[str, ...]
    answers: dict


FILES = [
    DemoFile(
        "host",
        "Monique",
        "Lafargue",
        78,
        "fr",
        "FR",
        "33",
        ("start_review", "schedule_interview", "record_home_visit", "approve"),
        {
            "room": "Chambre de 14 m² meublée, salle d'eau partagée",
            "postcode": "33200",
            "city": "Bordeaux",
            "gender": "woman",
            "contribution": 120,
            "evenings_per_week": 3,
            "languages": ["fr", "es"],
            "services": ["company", "digital"],
            "interests": ["reading", "gardening", "cinema"],
            "smoking": "outside",
            "step_free": True,
        },
    ),
    DemoFile(
        "guest",
        "Léa",
        "Moreau",
        20,
        "fr",
        "FR",
        "33",
        ("start_review", "schedule_interview", "approve"),
        {
            "programme": "student",
            "institution": "Université de Bordeaux",
            "start_date": (date.today() + timedelta(days=14)).isoformat(),
            "end_date": (date.today() + timedelta(days=320)).isoformat(),
            "institution_postcode": "33405",
            "gender": "woman",
            "budget": 150,
            "evenings_per_week": 3,
            "languages": ["fr", "en"],
            "wish_to_practise": ["es"],
            "services": ["company", "digital", "meals"],
            "interests": ["reading", "cinema", "music"],
            "pets_ok": True,
        },
    ),
    DemoFile(
        "host",
        "Jean-Pierre",
        "Duclos",
        81,
        "fr",
        "FR",
        "33",
        ("start_review", "schedule_interview"),
        {"room": "Chambre à l'étage avec bureau", "contribution": 90},
    ),
    DemoFile(
        "guest",
        "Karim",
        "Benali",
        23,
        "fr",
        "FR",
        "33",
        ("start_review",),
        {"programme": "apprentice", "institution": "CFA BTP Gironde", "budget": 100},
    ),
    DemoFile(
        "guest",
        "Sofia",
        "Rossi",
        22,
        "it",
        "FR",
        "24",
        (),
        {"programme": "erasmus", "institution": "Université de Bordeaux — campus de Périgueux", "budget": 130},
    ),
    DemoFile(
        "host",
        "Jeanne",
        "Martin",
        76,
        "fr",
        "FR",
        "33",
        ("start_review", "schedule_interview", "record_home_visit", "approve"),
        {
            "room": "Chambre lumineuse avec vue sur le bassin",
            "postcode": "33260",
            "city": "La Teste-de-Buch",
            "gender": "woman",
            "contribution": 80,
            "evenings_per_week": 2,
            "languages": ["fr", "it"],
            "services": ["errands", "garden"],
            "interests": ["travel", "cooking"],
            "smoking": "no",
        },
    ),
    DemoFile(
        "guest",
        "Giulia",
        "Conti",
        22,
        "it",
        "FR",
        "33",
        ("start_review", "schedule_interview", "approve"),
        {
            "programme": "erasmus",
            "institution": "Station marine d'Arcachon (Université de Bordeaux)",
            "institution_postcode": "33120",
            "gender": "woman",
            "budget": 100,
            "evenings_per_week": 2,
            "languages": ["it", "fr"],
            "services": ["errands", "garden"],
            "interests": ["travel", "cooking"],
            "pets_ok": True,
            "start_date": (date.today() + timedelta(days=10)).isoformat(),
            "end_date": (date.today() + timedelta(days=300)).isoformat(),
        },
    ),
    DemoFile(
        "host",
        "Carmen",
        "Ruiz",
        74,
        "es",
        "ES",
        "28",
        ("start_review", "schedule_interview", "record_home_visit", "approve"),
        {
            "room": "Habitación exterior cerca del metro",
            "postcode": "28015",
            "city": "Madrid",
            "gender": "woman",
            "contribution": 80,
            "languages": ["es", "en"],
            "services": ["errands", "company"],
            "interests": ["music", "cooking"],
        },
    ),
    DemoFile(
        "guest",
        "Pablo",
        "García",
        23,
        "es",
        "ES",
        "28",
        ("start_review", "schedule_interview", "approve"),
        {
            "programme": "student",
            "institution": "Universidad Complutense de Madrid",
            "institution_postcode": "28040",
            "gender": "man",
            "budget": 100,
            "languages": ["es", "pt"],
            "services": ["errands"],
            "interests": ["music", "sport"],
        },
    ),
    DemoFile(
        "guest",
        "Lucas",
        "Silva",
        24,
        "pt",
        "ES",
        "28",
        ("start_review",),
        {"programme": "volunteer", "institution": "Cuerpo Europeo de Solidaridad", "budget": 90},
    ),
]

STAFF = [
    ("advisor.gironde", "FR", OrganisationKind.ASSOCIATION, StaffRole.ADVISOR),
    ("manager.gironde", "FR", OrganisationKind.ASSOCIATION, StaffRole.ASSOCIATION_MANAGER),
    ("officer.carsat", "FR", OrganisationKind.PENSION_OFFICE, StaffRole.PENSION_OFFICER),
    ("officer.cnav", "FR", OrganisationKind.NATIONAL_BODY, StaffRole.NATIONAL_OFFICER),
    ("advisor.madrid", "ES", OrganisationKind.ASSOCIATION, StaffRole.ADVISOR),
]


def _birth_date(age: int) -> date:
    today = date.today()
    return date(today.year - age, 1, 15) if (today.month, today.day) >= (1, 15) else date(today.year - age - 1, 1, 15)


def build_demo_staff() -> list[tuple[str, str]]:
    """Staff accounts with their roles; returns (username, description) pairs."""
    accounts = []
    user_model = get_user_model()
    for username, country_code, kind, role in STAFF:
        organisation = Organisation.objects.filter(country__code=country_code, kind=kind).first()
        if organisation is None:
            continue
        user, created = user_model.objects.get_or_create(
            username=username, defaults={"email": f"{username}@weshare.example"}
        )
        if created:
            user.set_password(settings.DEMO_PASSWORD)
            user.save()
        StaffMembership.objects.get_or_create(user=user, organisation=organisation, role=role)
        accounts.append((username, f"{StaffRole(role).label} — {organisation.name}"))
    return accounts


def build_demo_files() -> int:
    """A few files per country at every step of the vetting, moved there by the demo advisors."""
    created = 0
    for spec in FILES:
        country = Country.objects.filter(code=spec.country).first()
        territory = Territory.objects.filter(country=country, code=spec.department, level="department").first()
        if country is None or territory is None:
            continue
        plain = unicodedata.normalize("NFKD", f"{spec.first_name}.{spec.last_name}").encode("ascii", "ignore").decode()
        email = f"{plain}@example.org".lower().replace(" ", "")
        if Application.objects.filter(email=email).exists():
            continue
        application = Application.objects.create(
            kind=ApplicationKind(spec.kind),
            country=country,
            territory=territory,
            first_name=spec.first_name,
            last_name=spec.last_name,
            email=email,
            birth_date=_birth_date(spec.age),
            language=spec.language,
            answers=spec.answers,
        )
        application_applicant_act(application_id=application.pk, action="submit")
        advisor = StaffMembership.objects.filter(
            role=StaffRole.ADVISOR, organisation__in=territory.associations.all()
        ).first()
        for step in spec.steps:
            application_act(application_id=application.pk, action=step, by=advisor.user)
        created += 1
    return created
