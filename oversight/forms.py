"""The filters of the statistics: a territory among those the reader sees, a period, a programme,
a way to split the figures. A wrong value is a form error, never a server error."""

import re
from datetime import date, timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from workflow.answers import Programme

from .figures import DIMENSIONS, Filters, Period, territories_seen_by

PERIODS = [("12m", _("The last 12 months")), ("30d", _("The last 30 days"))]
MONTH = re.compile(r"^(\d{4})-(\d{2})$")


class TerritoryChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, territory):
        return f"{territory.name} ({territory.get_level_display().lower()}, {territory.country.name})"


class StatisticsFilterForm(forms.Form):
    territory = TerritoryChoiceField(
        label=_("Territory"), queryset=None, required=False, empty_label=_("All my territories")
    )
    period = forms.ChoiceField(label=_("Period"), choices=PERIODS, required=False)
    programme = forms.ChoiceField(
        label=_("Programme"), choices=[("", _("All programmes")), *Programme.choices], required=False
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["territory"].queryset = territories_seen_by(user).select_related("country")

    def filters(self) -> Filters:
        data = self.cleaned_data if self.is_valid() else {}
        return Filters(territory=data.get("territory"), programme=data.get("programme") or "")

    def chosen_period(self) -> Period:
        chosen = (self.cleaned_data.get("period") if self.is_valid() else "") or "12m"
        return Period.last_days(30) if chosen == "30d" else Period.last_months(12)


class FiguresFilterForm(StatisticsFilterForm):
    by = forms.ChoiceField(label=_("Split by"), choices=list(DIMENSIONS.items()), required=False)

    def dimension(self, default: str) -> str:
        return (self.cleaned_data.get("by") if self.is_valid() else "") or default


class MonthlyReportForm(StatisticsFilterForm):
    month = forms.CharField(
        label=_("Month"),
        required=False,
        widget=forms.TextInput(attrs={"type": "month"}),
        help_text=_("For example 2026-02."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["period"]

    def clean_month(self) -> date:
        value = (self.cleaned_data.get("month") or "").strip()
        today = timezone.localdate()
        if not value:
            return (today.replace(day=1) - timedelta(days=1)).replace(day=1)
        match = MONTH.match(value)
        if not match or not 1 <= int(match[2]) <= 12 or int(match[1]) < 2000:
            raise forms.ValidationError(_("Give a month as year and month, for example 2026-02."))
        month = date(int(match[1]), int(match[2]), 1)
        if month > today:
            raise forms.ValidationError(_("This month has not begun yet."))
        return month
