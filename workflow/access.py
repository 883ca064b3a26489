"""Who may see and do what: the one place that says so.

Scoping is enforced in querysets (a file outside a person's territories is not found, so its
existence does not leak) and in object rules used as django-fsm-2 transition permissions.

- association advisors and managers: the files of the territories their association covers,
  which they vet;
- pension-office officers: the files of their region (a department without its own office
  falls under its region's), read only for now;
- national officers: every file of their country, read only;
- editors: no personal data at all.
"""

from django.db.models import Q, QuerySet

from .enums import VETTING_ROLES, StaffRole
from .models import Application, StaffMembership


def _memberships(user) -> QuerySet[StaffMembership]:
    return StaffMembership.objects.filter(user=user, user__is_active=True)


def applications_visible_to(user) -> QuerySet[Application]:
    """The applications ``user`` may see."""
    if user is None or not user.is_authenticated or not user.is_active:
        return Application.objects.none()
    if user.is_superuser:
        return Application.objects.all()
    memberships = _memberships(user)
    associations = memberships.filter(role__in=VETTING_ROLES).values("organisation")
    pension_offices = memberships.filter(role=StaffRole.PENSION_OFFICER).values("organisation")
    national_countries = memberships.filter(role=StaffRole.NATIONAL_OFFICER).values("organisation__country")
    visible = (
        Q(territory__associations__in=associations)
        | Q(territory__pension_office__in=pension_offices)
        | Q(territory__pension_office__isnull=True, territory__parent__pension_office__in=pension_offices)
        | Q(country__in=national_countries)
    )
    matching = Application.objects.filter(visible).values("pk")
    return Application.objects.filter(pk__in=matching)


def may_view(user, application: Application) -> bool:
    return applications_visible_to(user).filter(pk=application.pk).exists()


def may_vet(user, application: Application) -> bool:
    """Advisors and managers of an association covering the file's territory vet it."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return (
        _memberships(user)
        .filter(role__in=VETTING_ROLES, organisation__in=application.territory.associations.all())
        .exists()
    )


def territories_vetted_by(user):
    """The departments whose files ``user`` vets (through their association)."""
    from .enums import TerritoryLevel
    from .models import Territory

    if user is None or not user.is_authenticated or not user.is_active:
        return Territory.objects.none()
    departments = Territory.objects.filter(level=TerritoryLevel.DEPARTMENT, associations__isnull=False)
    if not user.is_superuser:
        associations = _memberships(user).filter(role__in=VETTING_ROLES).values("organisation")
        departments = departments.filter(associations__in=associations)
    return departments.select_related("country").distinct().order_by("country__name", "code")


def may_countersign(user, application: Application) -> bool:
    """Officers of the pension office overseeing the file's territory (or its region) counter-sign."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    office = application.territory.effective_pension_office()
    return (
        office is not None and _memberships(user).filter(role=StaffRole.PENSION_OFFICER, organisation=office).exists()
    )


def vetting_staff_for(territory):
    """The active advisors and managers who vet the files of ``territory`` and have an email."""
    from django.contrib.auth import get_user_model

    return (
        get_user_model()
        .objects.filter(
            is_active=True,
            memberships__role__in=VETTING_ROLES,
            memberships__organisation__in=territory.associations.all(),
        )
        .exclude(email="")
        .distinct()
    )
