"""Realistic demo applicants across territories and countries, in every state of the vetting.

Used by ``manage.py seed_demo``. Deterministic (seeded) and idempotent: the n-th senior or
youth always has the same email address, and an existing one is left as it is.
"""

import random
from collections.abc import Callable, Iterable
from datetime import date, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from .answers import GuestAnswers, HostAnswers, Programme, Smoking
from .enums import (
    ApplicationKind,
    ApplicationState,
    Gender,
    GenderPreference,
    Interest,
    OrganisationKind,
    Service,
    StaffRole,
    TerritoryLevel,
)
from .models import Application, Organisation, StaffMembership, Territory
from .services import application_act, application_applicant_act

FAKER_LOCALES = {"FR": "fr_FR", "ES": "es_ES", "IT": "it_IT", "DE": "de_DE", "PT": "pt_PT"}

#: The staff actions that bring a submitted file to each state (hosts have a home visit).
PATHS = {
    ApplicationState.DRAFT: None,
    ApplicationState.SUBMITTED: (),
    ApplicationState.IN_REVIEW: ("start_review",),
    ApplicationState.INTERVIEW_SCHEDULED: ("start_review", "schedule_interview"),
    ApplicationState.HOME_VISIT_DONE: ("start_review", "schedule_interview", "record_home_visit"),
    ApplicationState.APPROVED: ("start_review", "schedule_interview", "approve"),
    ApplicationState.REJECTED: ("start_review", "reject"),
    ApplicationState.SENT_BACK: ("start_review", "send_back"),
    ApplicationState.WITHDRAWN: ("start_review",),
    ApplicationState.ARCHIVED: ("start_review", "reject", "archive"),
}
REASONS = {
    "reject": "Le logement proposé ne correspond pas aux conditions du programme.",
    "send_back": "Merci d'ajouter un justificatif de domicile récent.",
}
PROGRAMMES = list(Programme)
INSTITUTIONS = {
    "FR": ["Université de Bordeaux", "Sciences Po Bordeaux", "CFA BTP Gironde", "Université Paris Cité"],
    "ES": ["Universidad Complutense de Madrid", "Universidad Politécnica de Madrid", "Universidad Carlos III"],
}


#: Postcodes of the demo departments, where homes and places of study are drawn.
POSTCODES = {
    ("FR", "33"): [
        "33000", "33100", "33110", "33130", "33140", "33150", "33170", "33200", "33300", "33310",
        "33400", "33405", "33600", "33700", "33800", "33520", "33160", "33120", "33500", "33260",
    ],
    ("FR", "24"): ["24000", "24100", "24200", "24650", "24660", "24750", "24600", "24300"],
    ("ES", "28"): [
        "28001", "28004", "28005", "28010", "28012", "28015", "28020", "28029", "28035", "28040",
        "28045", "28050", "28801", "28901", "28911", "28931", "28100", "28223",
    ],
}  # fmt: skip


def _states_for(kind: str) -> list[str]:
    states = list(PATHS)
    if kind == ApplicationKind.GUEST:
        states.remove(ApplicationState.HOME_VISIT_DONE)
    return states


def _advisor_for(territory: Territory):
    membership = StaffMembership.objects.filter(
        role=StaffRole.ADVISOR, organisation__in=territory.associations.all()
    ).first()
    if membership is not None:
        return membership.user
    association = territory.associations.first()
    user, _ = get_user_model().objects.get_or_create(
        username=f"seed.advisor.{association.pk}", defaults={"email": f"seed.advisor.{association.pk}@weshare.example"}
    )
    StaffMembership.objects.get_or_create(user=user, organisation=association, role=StaffRole.ADVISOR)
    return user


def _birth_date(rng: random.Random, youngest: int, oldest: int) -> date:
    today = date.today()
    return date(today.year - rng.randint(youngest, oldest) - 1, rng.randint(1, 12), rng.randint(1, 28))


def seed_applications(*, seniors: int, youths: int, progress: Callable[[Iterable], Iterable] = iter) -> dict:
    """Create ``seniors`` host and ``youths`` guest files; returns counts of created and kept files."""
    from faker import Faker

    territories = list(
        Territory.objects.filter(level=TerritoryLevel.DEPARTMENT, associations__isnull=False)
        .select_related("country")
        .distinct()
        .order_by("country__code", "code")
    )
    if not territories:
        raise ValueError("No department with an association: load the demo content first (manage.py load_demo).")
    plan = [(ApplicationKind.HOST, n) for n in range(seniors)] + [(ApplicationKind.GUEST, n) for n in range(youths)]
    # The students of a university with a partner office mostly come through its referral link.
    partners = {
        partner.country_id: partner
        for partner in Organisation.objects.filter(kind=OrganisationKind.PARTNER).order_by("-pk")
    }
    created = kept = 0
    for kind, number in progress(plan):
        email = f"seed-{kind}-{number}@example.org"
        if Application.objects.filter(email=email).exists():
            kept += 1
            continue
        rng = random.Random(f"{kind}-{number}")  # noqa: S311 - demo data, not security.
        territory = territories[number % len(territories)]
        country = territory.country
        fake = Faker(FAKER_LOCALES.get(country.code, "en_GB"))
        fake.seed_instance(f"{kind}-{number}")
        postcodes = POSTCODES.get((country.code, territory.code), [])
        states = _states_for(kind)
        target = states[number % len(states)]
        referred_by = None
        if kind == ApplicationKind.HOST:
            birth = _birth_date(rng, country.host_min_age, 92)
            start = date.today() - timedelta(days=rng.randint(0, 60))
            answers = HostAnswers(
                postcode=rng.choice(postcodes) if postcodes else None,
                gender=rng.choice([Gender.WOMAN, Gender.WOMAN, Gender.MAN, Gender.OTHER]),
                guest_gender=rng.choice([GenderPreference.ANY] * 3 + [GenderPreference.WOMAN]),
                step_free=rng.random() < 0.4,
                services=tuple(rng.sample(list(Service), rng.randint(0, 3))),
                interests=tuple(rng.sample(list(Interest), rng.randint(1, 4))),
                room=rng.choice(["Chambre meublée de 12 m²", "Chambre avec bureau", "Studio attenant"]),
                contribution=Decimal(rng.randint(int(country.min_contribution), int(country.max_contribution))),
                evenings_per_week=rng.randint(1, 5),
                languages=tuple(sorted({country.main_language, rng.choice(["en", "es", "it", "de", "pt", "fr"])})),
                available_from=start,
                available_until=start + timedelta(days=rng.randint(300, 720)),
                smoking=rng.choice([Smoking.NO, Smoking.NO, Smoking.OUTSIDE]),
                pets=rng.choice(["", "", "un chat"]),
            ).as_json()
            language = country.main_language
        else:
            birth = _birth_date(rng, country.guest_min_age, country.guest_max_age - 2)
            language = rng.choice(["fr", "en", "es", "it", "de", "pt"])
            start = date.today() + timedelta(days=rng.randint(0, 90))
            postcode = rng.choice(postcodes) if postcodes else None
            gender = rng.choice([Gender.WOMAN, Gender.MAN, Gender.MAN, Gender.OTHER])
            wish = rng.choice([GenderPreference.ANY] * 3 + [GenderPreference.WOMAN])
            needs_step_free = rng.random() < 0.03
            services = tuple(rng.sample(list(Service), rng.randint(1, 4)))
            interests = tuple(rng.sample(list(Interest), rng.randint(1, 4)))
            practise = tuple(rng.sample(["fr", "en", "es", "it", "de", "pt"], rng.randint(0, 2)))
            programme = rng.choice(PROGRAMMES)
            # Free text the schema does not declare: nothing computes with it.
            institution = rng.choice(INSTITUTIONS.get(country.code, ["University"]))
            answers = GuestAnswers(
                institution_postcode=postcode,
                gender=gender,
                host_gender=wish,
                needs_step_free=needs_step_free,
                services=services,
                interests=interests,
                wish_to_practise=practise,
                programme=programme,
                budget=Decimal(rng.randint(50, 200)),
                evenings_per_week=rng.randint(1, 6),
                languages=tuple(sorted({language, rng.choice(["fr", "en", "es"])})),
                start_date=start,
                end_date=start + timedelta(days=rng.randint(180, 400)),
                smoker=rng.random() < 0.15,
                pets_ok=rng.random() < 0.6,
            ).as_json(institution=institution)
            if institution.startswith("Université de Bordeaux") and rng.random() < 0.7:
                referred_by = partners.get(country.pk)
        with transaction.atomic():
            application = Application.objects.create(
                kind=kind,
                country=country,
                territory=territory,
                first_name=fake.first_name(),
                last_name=fake.last_name(),
                email=email,
                phone=fake.phone_number()[:40],
                birth_date=birth,
                language=language,
                answers=answers,
                referred_by=referred_by,
                referral_consent_at=timezone.now() if referred_by else None,
            )
            path = PATHS[target]
            if kind == ApplicationKind.HOST and target == ApplicationState.APPROVED:
                path = ("start_review", "schedule_interview", "record_home_visit", "approve")
            if path is not None:
                application_applicant_act(application_id=application.pk, action="submit")
                advisor = _advisor_for(territory)
                for action in path:
                    application_act(
                        application_id=application.pk, action=action, by=advisor, comment=REASONS.get(action, "")
                    )
                if target == ApplicationState.WITHDRAWN:
                    application_applicant_act(
                        application_id=application.pk, action="withdraw", comment="J'ai trouvé une autre solution."
                    )
        created += 1
    return {"created": created, "kept": kept}
