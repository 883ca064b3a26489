"""Demo staff and case files: who vets where, and a few files at every step of the vetting.

Called by ``manage.py load_demo``; idempotent (looks for what it would create).
"""

import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone

from .answers import GuestAnswers, HostAnswers, Programme, Smoking
from .enums import ApplicationKind, Gender, Interest, OrganisationKind, Service, StaffRole
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
    answers: HostAnswers | GuestAnswers
    #: Free text the schema does not declare (nothing computes with it).
    others: dict = field(default_factory=dict)
    #: The partner whose referral link the applicant came through and agreed to be followed by.
    referred_by: str = ""


#: The demo's partner: a university's international office, which sends young people the link of
#: the form and follows those who agree to it.
PARTNER_NAME = "Université de Bordeaux — Relations internationales"
PARTNERS = [("FR", PARTNER_NAME, "international@u-bordeaux.example")]

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
        HostAnswers(
            room="Chambre de 14 m² meublée, salle d'eau partagée",
            postcode="33200",
            city="Bordeaux",
            gender=Gender.WOMAN,
            contribution=Decimal("120"),
            evenings_per_week=3,
            languages=("fr", "es"),
            services=(Service.COMPANY, Service.DIGITAL),
            interests=(Interest.READING, Interest.GARDENING, Interest.CINEMA),
            smoking=Smoking.OUTSIDE,
            step_free=True,
        ),
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
        GuestAnswers(
            programme=Programme.STUDENT,
            start_date=date.today() + timedelta(days=14),
            end_date=date.today() + timedelta(days=320),
            institution_postcode="33405",
            gender=Gender.WOMAN,
            budget=Decimal("150"),
            evenings_per_week=3,
            languages=("fr", "en"),
            wish_to_practise=("es",),
            services=(Service.COMPANY, Service.DIGITAL, Service.MEALS),
            interests=(Interest.READING, Interest.CINEMA, Interest.MUSIC),
            pets_ok=True,
        ),
        others={"institution": "Université de Bordeaux"},
        referred_by=PARTNER_NAME,
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
        HostAnswers(room="Chambre à l'étage avec bureau", contribution=Decimal("90")),
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
        GuestAnswers(programme=Programme.APPRENTICE, budget=Decimal("100")),
        others={"institution": "CFA BTP Gironde"},
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
        GuestAnswers(programme=Programme.ERASMUS, budget=Decimal("130")),
        others={"institution": "Université de Bordeaux — campus de Périgueux"},
        referred_by=PARTNER_NAME,
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
        HostAnswers(
            room="Chambre lumineuse avec vue sur le bassin",
            postcode="33260",
            city="La Teste-de-Buch",
            gender=Gender.WOMAN,
            contribution=Decimal("80"),
            evenings_per_week=2,
            languages=("fr", "it"),
            services=(Service.ERRANDS, Service.GARDEN),
            interests=(Interest.TRAVEL, Interest.COOKING),
            smoking=Smoking.NO,
        ),
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
        GuestAnswers(
            programme=Programme.ERASMUS,
            institution_postcode="33120",
            gender=Gender.WOMAN,
            budget=Decimal("100"),
            evenings_per_week=2,
            languages=("it", "fr"),
            services=(Service.ERRANDS, Service.GARDEN),
            interests=(Interest.TRAVEL, Interest.COOKING),
            pets_ok=True,
            start_date=date.today() + timedelta(days=10),
            end_date=date.today() + timedelta(days=300),
        ),
        others={"institution": "Station marine d'Arcachon (Université de Bordeaux)"},
        referred_by=PARTNER_NAME,
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
        HostAnswers(
            room="Habitación exterior cerca del metro",
            postcode="28015",
            city="Madrid",
            gender=Gender.WOMAN,
            contribution=Decimal("80"),
            languages=("es", "en"),
            services=(Service.ERRANDS, Service.COMPANY),
            interests=(Interest.MUSIC, Interest.COOKING),
        ),
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
        GuestAnswers(
            programme=Programme.STUDENT,
            institution_postcode="28040",
            gender=Gender.MAN,
            budget=Decimal("100"),
            languages=("es", "pt"),
            services=(Service.ERRANDS,),
            interests=(Interest.MUSIC, Interest.SPORT),
        ),
        others={"institution": "Universidad Complutense de Madrid"},
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
        GuestAnswers(programme=Programme.VOLUNTEER, budget=Decimal("90")),
        others={"institution": "Cuerpo Europeo de Solidaridad"},
    ),
]

STAFF = [
    ("advisor.gironde", "FR", OrganisationKind.ASSOCIATION, StaffRole.ADVISOR),
    ("manager.gironde", "FR", OrganisationKind.ASSOCIATION, StaffRole.ASSOCIATION_MANAGER),
    ("officer.carsat", "FR", OrganisationKind.PENSION_OFFICE, StaffRole.PENSION_OFFICER),
    ("officer.cnav", "FR", OrganisationKind.NATIONAL_BODY, StaffRole.NATIONAL_OFFICER),
    ("advisor.madrid", "ES", OrganisationKind.ASSOCIATION, StaffRole.ADVISOR),
    ("partner.bordeaux", "FR", OrganisationKind.PARTNER, StaffRole.PARTNER),
]


def _birth_date(age: int) -> date:
    today = date.today()
    return date(today.year - age, 1, 15) if (today.month, today.day) >= (1, 15) else date(today.year - age - 1, 1, 15)


#: The names the demo staff sign their messages with.
STAFF_NAMES = {
    "advisor.gironde": ("Camille", "Martin"),
    "manager.gironde": ("Sophie", "Lefèvre"),
    "officer.carsat": ("Jean", "Dupuis"),
    "officer.cnav": ("Claire", "Moreau"),
    "advisor.madrid": ("Lucía", "García"),
    "partner.bordeaux": ("Nadia", "Roussel"),
}


def build_demo_staff() -> list[tuple[str, str]]:
    """Staff accounts with their roles; returns (username, description) pairs."""
    accounts = []
    user_model = get_user_model()
    for country_code, name, email in PARTNERS:
        country = Country.objects.filter(code=country_code).first()
        if country is not None:
            Organisation.objects.get_or_create(
                country=country, name=name, defaults={"kind": OrganisationKind.PARTNER, "email": email}
            )
    for username, country_code, kind, role in STAFF:
        organisation = Organisation.objects.filter(country__code=country_code, kind=kind).first()
        if organisation is None:
            continue
        user, created = user_model.objects.get_or_create(
            username=username, defaults={"email": f"{username}@weshare.example"}
        )
        if created:
            user.set_password(settings.DEMO_PASSWORD)
        if not user.first_name and username in STAFF_NAMES:
            user.first_name, user.last_name = STAFF_NAMES[username]
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
        partner = (
            Organisation.objects.filter(country=country, name=spec.referred_by).first() if spec.referred_by else None
        )
        application = Application.objects.create(
            kind=ApplicationKind(spec.kind),
            country=country,
            territory=territory,
            first_name=spec.first_name,
            last_name=spec.last_name,
            email=email,
            birth_date=_birth_date(spec.age),
            language=spec.language,
            answers=spec.answers.as_json(**spec.others),
            referred_by=partner,
            referral_consent_at=timezone.now() if partner else None,
        )
        application_applicant_act(application_id=application.pk, action="submit")
        advisor = StaffMembership.objects.filter(
            role=StaffRole.ADVISOR, organisation__in=territory.associations.all()
        ).first()
        for step in spec.steps:
            application_act(application_id=application.pk, action=step, by=advisor.user)
        created += 1
    return created
