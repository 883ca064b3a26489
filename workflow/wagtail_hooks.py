"""Back office of the programme's organisation: countries, territories, organisations."""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, Panel
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import access
from .admin_views import (
    ApplicationActView,
    ApplicationContactView,
    ApplicationFilterSet,
    ApplicationIndexView,
    ApplicationInspectView,
    ApplicationNoteView,
    ApplicationTickView,
)
from .dashboard import ApplicationsPanel, files_panel
from .enums import OrganisationKind
from .models import Application, ApplicationRules, Country, Organisation, StaffMembership, Territory
from .permission_policies import application_permission_policy


class CountryViewSet(SnippetViewSet):
    model = Country
    icon = "globe"
    menu_label = _("Countries")
    list_display = ["name", "code", "currency", "max_contribution", "host_min_age", "guest_max_age"]
    search_fields = ["name", "code"]
    panels = [
        FieldRowPanel([FieldPanel("code"), FieldPanel("name"), FieldPanel("currency")]),
        FieldPanel("languages"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("min_contribution"), FieldPanel("max_contribution")]),
                FieldRowPanel([FieldPanel("host_min_age"), FieldPanel("guest_min_age"), FieldPanel("guest_max_age")]),
                FieldRowPanel(
                    [FieldPanel("notice_period_days"), FieldPanel("minimum_stay_days"), FieldPanel("trial_period_days")]
                ),
                FieldPanel("retention_days"),
            ],
            heading=_("Legal rules"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("max_distance_km"),
                FieldRowPanel(
                    [
                        FieldPanel("weight_languages"),
                        FieldPanel("weight_practise"),
                        FieldPanel("weight_presence"),
                        FieldPanel("weight_services"),
                    ]
                ),
                FieldRowPanel(
                    [
                        FieldPanel("weight_budget"),
                        FieldPanel("weight_stay"),
                        FieldPanel("weight_distance"),
                        FieldPanel("weight_interests"),
                    ]
                ),
            ],
            heading=_("Matching"),
        ),
        MultiFieldPanel(
            [FieldPanel("communications_editors"), FieldPanel("communications_moderators")],
            heading=_("Communications team"),
        ),
    ]


class ReferralLinkPanel(Panel):
    """A partner's referral code and the links young people apply through (read only).

    The links point at the public forms, which the pages' app knows: it hands them over through
    the hook ``organisation_referral_links``.
    """

    class BoundPanel(Panel.BoundPanel):
        def is_shown(self):
            return self.instance.pk is not None and self.instance.kind == OrganisationKind.PARTNER

        def render_html(self, parent_context=None):
            links = [
                link
                for hook in hooks.get_hooks("organisation_referral_links")
                for link in hook(self.instance, self.request)
            ]
            listed = format_html_join("", "<li>{}: <code>{}</code></li>", ((li["language"], li["url"]) for li in links))
            return format_html(
                '<div class="w-field__wrapper"><p>{}: <code>{}</code></p>{}</div>',
                _("Referral code"),
                self.instance.referral_code or "",
                format_html("<ul>{}</ul>", listed)
                if links
                else format_html("<p>{}</p>", _("No application form for young people is published in this country.")),
            )


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    list_display = ["name", "kind", "country", "email"]
    list_filter = ["kind", "country"]
    search_fields = ["name", "email"]
    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("country")]),
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
        FieldPanel("opening_hours"),
        FieldPanel("address"),
        FieldPanel("website"),
        ReferralLinkPanel(
            heading=_("Referral link"),
            help_text=_(
                "Young people who apply through this link and agree to it are followed by the partner's referents."
            ),
        ),
    ]


class TerritoryViewSet(SnippetViewSet):
    model = Territory
    icon = "site"
    menu_label = _("Territories")
    list_display = ["name", "code", "level", "country", "pension_office"]
    list_filter = ["country", "level"]
    search_fields = ["name", "code"]
    panels = [
        FieldRowPanel([FieldPanel("country"), FieldPanel("level")]),
        FieldRowPanel([FieldPanel("code"), FieldPanel("name")]),
        FieldPanel("parent"),
        FieldPanel("associations"),
        FieldPanel("pension_office"),
    ]


class ProgrammeViewSetGroup(SnippetViewSetGroup):
    items = (CountryViewSet, TerritoryViewSet, OrganisationViewSet)
    menu_icon = "globe"
    menu_label = _("Programme")
    menu_name = "programme"
    menu_order = 300


def _administrators_only(view):
    """Who holds which role is shown to those who may change the roles, not to every staff member."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not access.may_list_staff_roles(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


class StaffMembershipChooserViewSet(SnippetChooserViewSet):
    def get_urlpatterns(self):
        patterns = super().get_urlpatterns()
        for pattern in patterns:
            pattern.callback = _administrators_only(pattern.callback)
        return patterns


class StaffMembershipViewSet(SnippetViewSet):
    model = StaffMembership
    chooser_viewset_class = StaffMembershipChooserViewSet
    icon = "user"
    menu_label = _("Staff roles")
    list_display = ["user", "role", "organisation"]
    list_filter = ["role", "organisation__country"]


class ApplicationRulesViewSet(SnippetViewSet):
    model = ApplicationRules
    icon = "cog"
    menu_label = _("Application rules")
    list_display = ["country", "kind", "reminder_after_days", "required_documents"]
    list_filter = ["country", "kind"]
    panels = [
        FieldRowPanel([FieldPanel("country"), FieldPanel("kind"), FieldPanel("reminder_after_days")]),
        FieldPanel("required_documents"),
        InlinePanel("checklist_items", heading=_("Checklist"), label=_("Check")),
        InlinePanel("extra_questions", heading=_("Extra questions of the form"), label=_("Question")),
    ]


ProgrammeViewSetGroup.items = (*ProgrammeViewSetGroup.items, StaffMembershipViewSet, ApplicationRulesViewSet)


class ApplicationViewSet(ModelViewSet):
    """Files of hosts and guests, scoped to the person's territories; states change by actions only."""

    model = Application
    icon = "folder-open-inverse"
    menu_label = _("Applications")
    menu_order = 200
    add_to_admin_menu = True
    inspect_view_enabled = True
    index_view_class = ApplicationIndexView
    inspect_view_class = ApplicationInspectView
    inspect_view_fields = ApplicationInspectView.fields
    list_display = ["__str__", "kind", "state", "territory", "submitted_at", "state_changed_at"]
    filterset_class = ApplicationFilterSet
    search_fields = ["first_name", "last_name", "email"]
    # The export reads what the list shows, in words: numbers, names, kinds and states by their labels.
    list_export = [
        "pk",
        "first_name",
        "last_name",
        "email",
        "get_kind_display",
        "get_state_display",
        "country.name",
        "territory.name",
        "submitted_at",
        "state_changed_at",
        "decided_at",
    ]
    export_headings = {
        "pk": _("File number"),
        "first_name": _("First name"),
        "last_name": _("Last name"),
        "email": _("Email address"),
        "get_kind_display": _("Kind"),
        "get_state_display": _("State"),
        "country.name": _("Country"),
        "territory.name": _("Territory"),
        "submitted_at": _("Submitted"),
        "state_changed_at": _("State since"),
        "decided_at": _("Decided"),
    }
    export_filename = "weshare-files"
    # Edit and add views exist but the permission policy grants no one "add" or "change".
    form_fields = ["first_name", "last_name", "email", "phone"]
    name = "application"
    url_namespace = "workflow_application"

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path(
                "<int:pk>/act/", self.construct_view(ApplicationActView, **self.get_inspect_view_kwargs()), name="act"
            ),
            path(
                "<int:pk>/tick/",
                self.construct_view(ApplicationTickView, **self.get_inspect_view_kwargs()),
                name="tick",
            ),
            path(
                "<int:pk>/contact/",
                self.construct_view(ApplicationContactView, **self.get_inspect_view_kwargs()),
                name="contact",
            ),
            path(
                "<int:pk>/note/",
                self.construct_view(ApplicationNoteView, **self.get_inspect_view_kwargs()),
                name="note",
            ),
        ]


register_permission_policy(Application, application_permission_policy)


@hooks.register("register_admin_viewset")
def register_application_viewset():
    return ApplicationViewSet()


register_snippet(ProgrammeViewSetGroup)


@hooks.register("construct_homepage_panels")
def add_applications_panel(request, panels):
    if application_permission_policy.user_has_permission(request.user, "view"):
        panels.insert(0, ApplicationsPanel(request.user))
        tasks = files_panel(request.user)
        if tasks is not None:
            panels.insert(0, tasks)


@hooks.register("filter_form_submissions_for_user")
def contact_messages_for_programme_staff_only(user, editable_forms):
    """Messages sent through contact forms are personal data: communications editors never see them."""
    if user.is_superuser or application_permission_policy.user_has_permission(user, "view"):
        return editable_forms
    return editable_forms.none()


@hooks.register("register_admin_urls")
def register_audit_urls():
    from .audit_views import audit_trail

    return [path("audit/", audit_trail, name="audit_trail")]


class AuditMenuItem(MenuItem):
    def is_shown(self, request):
        return access.may_search_audit(request.user)


@hooks.register("register_admin_menu_item")
def register_audit_menu_item():
    return AuditMenuItem(_("Audit trail"), reverse("audit_trail"), icon_name="history", order=900)


from . import assisted_hooks, mandate_hooks  # noqa: E402, F401  (their hooks register on import)
