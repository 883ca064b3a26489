"""Back office of the programme's organisation: countries, territories, organisations."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Country, Organisation, Territory


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
                FieldRowPanel([FieldPanel("notice_period_days"), FieldPanel("minimum_stay_days")]),
            ],
            heading=_("Legal rules"),
        ),
        MultiFieldPanel(
            [FieldPanel("communications_editors"), FieldPanel("communications_moderators")],
            heading=_("Communications team"),
        ),
    ]


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    list_display = ["name", "kind", "country", "email"]
    list_filter = ["kind", "country"]
    search_fields = ["name", "email"]


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


register_snippet(ProgrammeViewSetGroup)
