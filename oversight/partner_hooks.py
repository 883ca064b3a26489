"""What a partner (a university's or a student-housing office's international office, an Erasmus+
office) sees in the back office: the young people who applied through its referral link and
agreed to be followed, as figures on the home page and as a list. Nothing else: no document, no
address, no answer, no conversation; which files those are is :mod:`workflow.access`'s
(:func:`~workflow.access.applications_referred_to`).

Every figure goes through :func:`oversight.suppression.suppress`: a count under 5 reads "fewer
than 5". The home page and the menu of a partner's referent who holds no other role show their
own pages only.
"""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Case, CharField, Count, Exists, OuterRef, Q, QuerySet, Subquery, Value, When
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from laces.components import Component
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from cms_pages.models import ApplicationFormPage, CountryPage
from pairings.enums import LIVE_STATES, PairingState
from pairings.models import Pairing
from workflow import access
from workflow.enums import ApplicationState, OrganisationKind, StaffRole
from workflow.models import Organisation, StaffMembership
from workflow.references import application_reference

from .suppression import suppress

#: Where a referred young person stands, furthest first; each file is in exactly one stage.
STAGES = {
    "in_review": _("Application being examined"),
    "approved": _("Approved, waiting for a host"),
    "paired": _("Paired, before the convention is signed"),
    "active": _("Convention signed, living together"),
    "ended": _("Homesharing ended"),
    "closed": _("Closed without a homesharing"),
}
COLUMN = "files"
PER_PAGE = 50
CLOSED_STATES = [ApplicationState.REJECTED, ApplicationState.WITHDRAWN, ApplicationState.ARCHIVED]
ENDED_PAIRING_STATES = [PairingState.ENDED, PairingState.TERMINATED]
PAIRED_STATES = [state for state in LIVE_STATES if state != PairingState.ACTIVE]


def _pairings_of(state_in) -> QuerySet:
    return Pairing.objects.filter(Q(guest=OuterRef("pk")) | Q(host=OuterRef("pk")), state__in=state_in)


def with_stage(files: QuerySet) -> QuerySet:
    """``files`` annotated with their ``stage`` (a key of :data:`STAGES`) and the day they were
    ``paired_at`` (their latest pairing that was not declined or cancelled)."""
    return files.annotate(
        has_active=Exists(_pairings_of([PairingState.ACTIVE])),
        has_paired=Exists(_pairings_of(PAIRED_STATES)),
        has_ended=Exists(_pairings_of(ENDED_PAIRING_STATES)),
        stage=Case(
            When(has_active=True, then=Value("active")),
            When(has_paired=True, then=Value("paired")),
            When(has_ended=True, then=Value("ended")),
            When(state=ApplicationState.APPROVED, then=Value("approved")),
            When(state__in=CLOSED_STATES, then=Value("closed")),
            default=Value("in_review"),
            output_field=CharField(),
        ),
        paired_at=Subquery(
            _pairings_of([*LIVE_STATES, *ENDED_PAIRING_STATES]).order_by("-created_at").values("created_at")[:1]
        ),
    )


def referral_figures(user):
    """How many young people applied through ``user``'s partners' links, and where they stand,
    as a :class:`~oversight.suppression.Table` (one row per stage; the column's total: applied)."""
    counts = with_stage(access.applications_referred_to(user)).values("stage").annotate(n=Count("pk"))
    return suppress({(row["stage"], COLUMN): row["n"] for row in counts}, list(STAGES), [COLUMN])


def referral_links(organisation: Organisation, request=None) -> list[dict]:
    """The partner's referral links: its country's guest forms, one per language, with its code."""
    if organisation.kind != OrganisationKind.PARTNER or not organisation.referral_code:
        return []
    links = []
    for section in CountryPage.objects.live().filter(country_id=organisation.country_id).select_related("locale"):
        form = ApplicationFormPage.objects.live().public().descendant_of(section).filter(kind="guest").first()
        if form is not None:
            url = form.get_full_url(request) or form.get_url(request)
            links.append(
                {"language": section.locale.get_display_name(), "url": f"{url}?ref={organisation.referral_code}"}
            )
    return links


def _partners_of(user) -> QuerySet[Organisation]:
    memberships = StaffMembership.objects.filter(user=user, role=StaffRole.PARTNER, user__is_active=True)
    return Organisation.objects.filter(kind=OrganisationKind.PARTNER, pk__in=memberships.values("organisation"))


@hooks.register("organisation_referral_links")
def organisation_referral_links(organisation, request=None):
    return referral_links(organisation, request)


class PartnerPanel(Component):
    """The home page of a partner's referent: its referrals counted by stage, and its links."""

    name = "partner_referrals"
    order = 20
    template_name = "oversight/partner_panel.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        table = referral_figures(self.request.user)
        list_url = reverse("oversight_partner_referrals")
        return {
            "applied": table.column_totals[COLUMN],
            "rows": [
                {"label": label, "cell": table.cell(stage, COLUMN), "url": f"{list_url}?stage={stage}"}
                for stage, label in STAGES.items()
            ],
            "list_url": list_url,
            "partners": [
                {"name": partner.name, "links": referral_links(partner, self.request)}
                for partner in _partners_of(self.request.user)
            ],
        }


def partner_referrals(request):
    """ "My referrals": each young person the partner follows, with their state and dates only."""
    if not access.may_follow_referrals(request.user):
        raise PermissionDenied
    files = with_stage(access.applications_referred_to(request.user)).select_related("territory")
    stage = request.GET.get("stage", "")
    if stage in STAGES:
        files = files.filter(stage=stage)
    else:
        stage = ""
    files = files.order_by("-submitted_at", "-created_at", "-pk").only(
        "pk", "kind", "first_name", "state", "created_at", "submitted_at", "decided_at", "territory__name"
    )
    page = Paginator(files, PER_PAGE).get_page(request.GET.get("p"))
    rows = [
        {
            "reference": application_reference(application),
            "first_name": application.first_name,
            "stage": STAGES[application.stage],
            "state": application.get_state_display(),
            "submitted_at": application.submitted_at,
            "decided_at": application.decided_at,
            "paired_at": application.paired_at,
            "territory": application.territory.name,
        }
        for application in page
    ]
    return TemplateResponse(
        request,
        "oversight/partner_referrals.html",
        {
            "rows": rows,
            "page": page,
            "stage": stage,
            "stages": [{"key": key, "label": label} for key, label in STAGES.items()],
            "list_url": reverse("oversight_partner_referrals"),
        },
    )


@hooks.register("register_admin_urls")
def register_partner_urls():
    return [path("referrals/", partner_referrals, name="oversight_partner_referrals")]


class ReferralsMenuItem(MenuItem):
    def is_shown(self, request):
        return access.may_follow_referrals(request.user)


@hooks.register("register_admin_menu_item")
def register_referrals_menu_item():
    return ReferralsMenuItem(
        _("My referrals"), reverse("oversight_partner_referrals"), name="referrals", icon_name="group", order=150
    )


def _partner_only(user) -> bool:
    """A partner's referent holding no other role: their back office is their referrals."""
    return (
        access.may_follow_referrals(user)
        and not user.is_superuser
        and not StaffMembership.objects.filter(user=user).exclude(role=StaffRole.PARTNER).exists()
    )


@hooks.register("construct_homepage_panels", order=1000)
def add_partner_panel(request, panels):
    if not access.may_follow_referrals(request.user):
        return
    if _partner_only(request.user):
        panels[:] = []
    panels.insert(0, PartnerPanel(request))


@hooks.register("construct_main_menu", order=1000)
def partner_menu(request, menu_items):
    if _partner_only(request.user):
        menu_items[:] = [item for item in menu_items if item.name == "referrals"]
