"""Who may see and do what: the one place that says so.

Scoping is enforced in querysets (a file outside a person's territories is not found, so its
existence does not leak) and in object rules used as django-fsm-2 transition permissions.

- association advisors and managers: the files of the territories their association covers,
  which they vet;
- pension-office officers: the files of their region (a department without its own office
  falls under its region's), which they read and whose conventions they counter-sign;
- national officers: every file of their country, read only;
- editors: no personal data at all;
- partners' referents (a university's international office, an Erasmus+ office): none of these
  files, pairings, documents, conversations or audit entries; only, apart, the progress of the
  young people who applied through their partner's referral link and agreed to be followed
  (:func:`applications_referred_to`: state and dates, never a document). Those pages are a
  partner's own: a superuser, who sees every file here, is not shown them.

Pairings, conventions, supporting documents and audit entries are seen through their files: a
pairing (and its convention) when both its host's and its guest's files are visible, a document
when its file is. This module imports none of the apps that own those objects (pairings and
documents import workflow, never the reverse): the functions that scope them take the queryset
to scope, and the object rules read the objects through their attributes (``pairing.host``,
``convention.pairing``, ``document.application``). The parties who sign a convention are named
with workflow's own words: an applicant signs as their file's kind (``host``, ``guest``), staff
as their organisation's kind (``association``, ``pension_office``).
"""

from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils import timezone

from .enums import PARTNER_ROLES, VETTING_ROLES, ApplicationKind, ApplicationState, OrganisationKind, StaffRole
from .models import Application, MandateGrant, StaffMembership

#: Roles that open the files area of the back office (each then sees only its own scope).
FILE_VIEWING_ROLES = (
    StaffRole.ADVISOR,
    StaffRole.ASSOCIATION_MANAGER,
    StaffRole.PENSION_OFFICER,
    StaffRole.NATIONAL_OFFICER,
)

#: The parties who sign a convention for an organisation, in the order they sign.
STAFF_SIGNING_PARTIES = (OrganisationKind.ASSOCIATION, OrganisationKind.PENSION_OFFICE)


def _signed_out(user) -> bool:
    return user is None or not user.is_authenticated or not user.is_active


def _memberships(user) -> QuerySet[StaffMembership]:
    return StaffMembership.objects.filter(user=user, user__is_active=True)


def _roles(user) -> tuple:
    """``(role, organisation id, organisation kind)`` of each of ``user``'s memberships, read once
    per request (the user object of a request keeps them; menus and panels ask many times)."""
    cached = getattr(user, "_weshare_roles", None)
    if cached is None:
        cached = tuple(_memberships(user).values_list("role", "organisation_id", "organisation__kind"))
        user._weshare_roles = cached
    return cached


def _holds(user, roles, *, kind: str | None = None, organisation: int | None = None) -> bool:
    """Whether ``user`` holds one of ``roles`` (in an organisation of ``kind``, or that one)."""
    return any(
        role in roles and (kind is None or held_kind == kind) and (organisation is None or held_in == organisation)
        for role, held_in, held_kind in _roles(user)
    )


def may_open_files_area(user) -> bool:
    """Whether the files area of the back office is shown to ``user`` at all."""
    if _signed_out(user):
        return False
    return user.is_superuser or _holds(user, FILE_VIEWING_ROLES)


def staff_who_open_files_area(users: QuerySet) -> QuerySet:
    """Among ``users``, those :func:`may_open_files_area` lets in."""
    users = users.filter(is_active=True)
    return users.filter(memberships__role__in=FILE_VIEWING_ROLES).distinct() | users.filter(is_superuser=True)


def applications_visible_to(user) -> QuerySet[Application]:
    """The applications ``user`` may see (never a draft whose email address is not confirmed yet)."""
    if _signed_out(user):
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
    # A draft whose address is not confirmed may be a typing error or someone else's address:
    # no association sees it until its person has shown the address is theirs.
    # A draft nobody confirmed stays out of sight, unless an advisor is filling it in for its applicant.
    unconfirmed_drafts = Q(state=ApplicationState.DRAFT, email_confirmed_at__isnull=True, assisted_by__isnull=True)
    matching = Application.objects.filter(visible).exclude(unconfirmed_drafts).values("pk")
    return Application.objects.filter(pk__in=matching)


def may_view(user, application: Application) -> bool:
    return applications_visible_to(user).filter(pk=application.pk).exists()


@dataclass(frozen=True)
class FileScope:
    """Where the files ``user`` sees lie: every file, or those of some departments and of some
    whole countries. The same rule as :func:`applications_visible_to`, told as territories, for
    the tables of figures that keep a file's territory and country beside its dates."""

    everything: bool = False
    territories: frozenset = frozenset()
    countries: frozenset = frozenset()

    def q(self, *, territory: str = "territory_id", country: str = "country_id") -> Q:
        if self.everything:
            return Q()
        if not self.territories and not self.countries:
            return Q(pk__in=[])
        return Q(**{f"{territory}__in": sorted(self.territories)}) | Q(**{f"{country}__in": sorted(self.countries)})


def file_scope(user) -> FileScope:
    """The territories and countries of the files ``user`` sees (see :class:`FileScope`); drafts
    whose address is not confirmed stay out, as in :func:`applications_visible_to`."""
    from .models import Territory

    if _signed_out(user):
        return FileScope()
    if user.is_superuser:
        return FileScope(everything=True)
    # Read once per request: a page of figures asks for it in every query it builds.
    cached = getattr(user, "_weshare_file_scope", None)
    if cached is not None:
        return cached
    memberships = _memberships(user)
    associations = memberships.filter(role__in=VETTING_ROLES).values("organisation")
    pension_offices = memberships.filter(role=StaffRole.PENSION_OFFICER).values("organisation")
    territories = Territory.objects.filter(
        Q(associations__in=associations)
        | Q(pension_office__in=pension_offices)
        | Q(pension_office__isnull=True, parent__pension_office__in=pension_offices)
    ).values_list("pk", flat=True)
    countries = memberships.filter(role=StaffRole.NATIONAL_OFFICER).values_list("organisation__country", flat=True)
    user._weshare_file_scope = FileScope(territories=frozenset(territories), countries=frozenset(countries))
    return user._weshare_file_scope


#: Roles that open the programme's statistics (advisors have their dashboard's task lists).
STATISTICS_ROLES = (StaffRole.ASSOCIATION_MANAGER, StaffRole.PENSION_OFFICER, StaffRole.NATIONAL_OFFICER)


def may_view_statistics(user) -> bool:
    """Managers of an association, pension-office officers, national officers (and superusers)
    read the statistics of the files they see."""
    if _signed_out(user):
        return False
    return user.is_superuser or _holds(user, STATISTICS_ROLES)


# Partners: the young people who applied through their referral link and agreed to be followed.


def may_follow_referrals(user) -> bool:
    """Whether ``user`` is a partner's referent, who follows the files referred by the partner."""
    if _signed_out(user):
        return False
    return _holds(user, PARTNER_ROLES, kind=OrganisationKind.PARTNER)


def applications_referred_to(user) -> QuerySet[Application]:
    """The files referred by the partners ``user`` is a referent of, whose applicant agreed to be
    followed (never a draft whose email address is not confirmed, never an anonymised file).

    What a partner reads of them is their state and dates, never a document, an address or an
    answer; :func:`applications_visible_to` stays closed to partners.
    """
    if not may_follow_referrals(user):
        return Application.objects.none()
    partners = _memberships(user).filter(role__in=PARTNER_ROLES, organisation__kind=OrganisationKind.PARTNER)
    return Application.objects.filter(
        referred_by__in=partners.values("organisation"), referral_consent_at__isnull=False, anonymised_at__isnull=True
    ).exclude(state=ApplicationState.DRAFT, email_confirmed_at__isnull=True, assisted_by__isnull=True)


def may_vet(user, application: Application) -> bool:
    """Advisors and managers of an association covering the file's territory vet it."""
    if _signed_out(user):
        return False
    if user.is_superuser:
        return True
    return (
        _memberships(user)
        .filter(role__in=VETTING_ROLES, organisation__in=application.territory.associations.all())
        .exists()
    )


def vets_somewhere(user) -> bool:
    """Whether ``user`` vets the files of at least one department (remembered for the request)."""
    cached = getattr(user, "_weshare_vets_somewhere", None)
    if cached is None:
        cached = territories_vetted_by(user).exists()
        if not _signed_out(user):
            user._weshare_vets_somewhere = cached
    return cached


def territories_vetted_by(user):
    """The departments whose files ``user`` vets (through their association)."""
    from .enums import TerritoryLevel
    from .models import Territory

    if _signed_out(user):
        return Territory.objects.none()
    departments = Territory.objects.filter(level=TerritoryLevel.DEPARTMENT, associations__isnull=False)
    if not user.is_superuser:
        associations = _memberships(user).filter(role__in=VETTING_ROLES).values("organisation")
        departments = departments.filter(associations__in=associations)
    return departments.select_related("country").distinct().order_by("country__name", "code")


def may_countersign(user, application: Application) -> bool:
    """Officers of the pension office overseeing the file's territory (or its region) counter-sign."""
    if _signed_out(user):
        return False
    if user.is_superuser:
        return True
    office = application.territory.effective_pension_office()
    return office is not None and _holds(user, (StaffRole.PENSION_OFFICER,), organisation=office.pk)


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


# Pairings and conventions: seen by whoever sees both files, led by whoever vets both.


def _both_files_visible(user, queryset: QuerySet, *, through: str = "") -> QuerySet:
    visible = applications_visible_to(user)
    return queryset.filter(**{f"{through}host__in": visible, f"{through}guest__in": visible})


def pairings_visible_to(user, pairings: QuerySet) -> QuerySet:
    """The pairings among ``pairings`` (a queryset of ``pairings.Pairing``) whose two files ``user`` sees."""
    return _both_files_visible(user, pairings)


def may_view_pairing(user, pairing) -> bool:
    """``user`` sees the host's and the guest's files of ``pairing``."""
    return applications_visible_to(user).filter(pk__in=[pairing.host_id, pairing.guest_id]).count() == 2


def may_manage_pairing(user, pairing) -> bool:
    """Advisors and managers who vet both files propose the pairing, lead it and follow it up."""
    return may_vet(user, pairing.host) and may_vet(user, pairing.guest)


def may_countersign_pairing(user, pairing) -> bool:
    """Officers of the pension office overseeing the host's territory counter-sign the pairing."""
    return may_countersign(user, pairing.host)


def conventions_visible_to(user, conventions: QuerySet) -> QuerySet:
    """The conventions among ``conventions`` (of ``documents.Convention``) whose pairing ``user`` sees."""
    return _both_files_visible(user, conventions, through="pairing__")


def may_sign_convention(user, convention, party: str, *, application=None) -> bool:
    """Whether ``user``, or the applicant signed in to ``application``, may sign ``convention`` for ``party``.

    The host and the guest sign for themselves, from their own file (``application``); the
    association signs by an advisor or manager who vets both files; the pension office by an
    officer of the office overseeing the host's territory. Whose turn it is is not asked here.
    """
    pairing = convention.pairing
    if party == ApplicationKind.GUEST:
        return application is not None and application.pk == pairing.guest_id
    if party == ApplicationKind.HOST:
        return application is not None and application.pk == pairing.host_id
    if party == OrganisationKind.ASSOCIATION:
        return may_manage_pairing(user, pairing)
    if party == OrganisationKind.PENSION_OFFICE:
        return may_countersign_pairing(user, pairing)
    return False


def may_sign_convention_as(user, convention) -> str | None:
    """The organisation ``user`` signs ``convention`` for (``association``, ``pension_office``), or None."""
    for party in STAFF_SIGNING_PARTIES:
        if may_sign_convention(user, convention, party):
            return party
    return None


# Supporting documents: seen with their file.


def documents_visible_to(user, documents: QuerySet) -> QuerySet:
    """The documents among ``documents`` (of ``documents.SupportingDocument``) whose file ``user`` sees."""
    return documents.filter(application__in=applications_visible_to(user))


# Letters waiting to be posted: in the print queue of the association that posts them.


def letters_visible_to(user, letters: QuerySet) -> QuerySet:
    """The letters among ``letters`` (of ``documents.Letter``) of the associations ``user`` works for."""
    if _signed_out(user):
        return letters.none()
    if user.is_superuser:
        return letters
    organisations = _memberships(user).filter(role__in=VETTING_ROLES).values("organisation")
    return letters.filter(organisation__in=organisations)


# The audit trail: searched by administrators, and by national officers for their country's files.


def may_search_audit(user) -> bool:
    """Superusers and national officers search and export the audit trail."""
    if _signed_out(user):
        return False
    return user.is_superuser or _holds(user, (StaffRole.NATIONAL_OFFICER,))


def audit_events_visible_to(user, events: QuerySet) -> QuerySet:
    """The entries among ``events`` (of ``AuditEvent``) about a file ``user`` sees, or about a pairing of one.

    Pairing entries carry their two files' numbers (``host``, ``guest``) in their details.
    """
    if not may_search_audit(user):
        return events.none()
    if user.is_superuser:
        return events
    visible = list(applications_visible_to(user).values_list("pk", flat=True))
    return events.filter(Q(application_id__in=visible) | Q(data__host__in=visible))


def may_list_staff_roles(user) -> bool:
    """Who holds which role is shown to those who may change the roles (administrators), not to all staff."""
    return not _signed_out(user) and user.has_perm("workflow.change_staffmembership")


# Appointments: seen with their file or their pairing, scheduled by whoever vets the file or leads the pairing.


def appointments_visible_to(user, appointments: QuerySet) -> QuerySet:
    """The appointments among ``appointments`` (of ``appointments.Appointment``) whose file, or
    both of whose pairing's files, ``user`` sees."""
    visible = applications_visible_to(user)
    return appointments.filter(
        Q(application__in=visible) | Q(pairing__host__in=visible, pairing__guest__in=visible)
    ).distinct()


def may_manage_appointment(user, appointment) -> bool:
    """An appointment about a file is scheduled, changed and cancelled by whoever vets the file; one
    about a pairing by whoever leads the pairing."""
    if appointment.pairing_id:
        return may_manage_pairing(user, appointment.pairing)
    return may_vet(user, appointment.application)


# Conversations: a file's is read by whoever sees the file and answered by whoever vets it; a
# pairing's is read by whoever sees both files and answered by whoever leads the pairing. An
# applicant takes part in their own file's from its submission on, and in their pairings'.


def conversations_visible_to(user, conversations: QuerySet) -> QuerySet:
    """The conversations among ``conversations`` (of ``conversations.Conversation``) ``user`` reads."""
    visible = applications_visible_to(user)
    return conversations.filter(Q(application__in=visible) | Q(pairing__host__in=visible, pairing__guest__in=visible))


def may_write_in_conversation(user, conversation) -> bool:
    """Advisors who vet the file, or lead the pairing, answer and moderate its conversation."""
    if conversation.pairing_id:
        return may_manage_pairing(user, conversation.pairing)
    return may_vet(user, conversation.application)


def applicant_conversations(application_ids, conversations: QuerySet) -> QuerySet:
    """The conversations among ``conversations`` the applicant holding the files ``application_ids``
    takes part in: their sent files' and their pairings'."""
    ids = list(application_ids)
    return conversations.filter(
        Q(application_id__in=ids) & ~Q(application__state=ApplicationState.DRAFT)
        | Q(pairing__host_id__in=ids)
        | Q(pairing__guest_id__in=ids)
    )


def applicant_may_open_conversation(application_ids, *, application=None, pairing=None) -> bool:
    """Whether the applicant holding ``application_ids`` may open the conversation about their
    file (once sent) or about their pairing."""
    if pairing is not None:
        return pairing.host_id in application_ids or pairing.guest_id in application_ids
    return application is not None and application.pk in application_ids and application.state != ApplicationState.DRAFT


# Proxies: a person acts for another under a mandate that the person accepted, that is neither
# revoked nor expired, and only with the rights of it that still stand. A proxy acts on every
# file of the person who gave the mandate (never an anonymised one), always as themselves.


def _standing_grants(person_id: int, now=None) -> QuerySet[MandateGrant]:
    now = now or timezone.now()
    return MandateGrant.objects.filter(
        mandate__proxy_id=person_id,
        mandate__accepted_at__isnull=False,
        mandate__revoked_at__isnull=True,
        mandate__expires_at__gt=now,
        revoked_at__isnull=True,
    )


def proxied_files(person_id: int) -> dict[int, frozenset[str]]:
    """The files ``person_id`` acts on as a proxy, each with the rights they hold on it now."""
    rights_of: dict[int, set[str]] = {}
    for represented, right in _standing_grants(person_id).values_list("mandate__person_id", "right"):
        rights_of.setdefault(represented, set()).add(right)
    if not rights_of:
        return {}
    files = Application.objects.filter(person_id__in=rights_of, anonymised_at__isnull=True).exclude(person_id=person_id)
    return {pk: frozenset(rights_of[owner]) for pk, owner in files.values_list("pk", "person_id")}


def proxy_rights(person_id: int, application: Application) -> frozenset[str]:
    """What ``person_id`` may do as a proxy on ``application`` now (empty: nothing)."""
    if application.anonymised_at is not None or application.person_id == person_id:
        return frozenset()
    return frozenset(
        _standing_grants(person_id).filter(mandate__person_id=application.person_id).values_list("right", flat=True)
    )


def proxy_may(person_id: int, application_id: int, right: str) -> bool:
    """Whether ``person_id`` holds ``right`` on the file ``application_id`` as a proxy, now."""
    application = Application.objects.filter(pk=application_id).only("person_id", "anonymised_at").first()
    return application is not None and right in proxy_rights(person_id, application)


def proxy_mandate_for(person_id: int, application: Application, right: str):
    """The mandate under which ``person_id`` uses ``right`` on ``application``, or None."""
    grant = (
        _standing_grants(person_id)
        .filter(mandate__person_id=application.person_id, right=right)
        .select_related("mandate")
        .first()
    )
    return grant.mandate if grant is not None and application.anonymised_at is None else None
