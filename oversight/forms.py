"""The filters of the statistics: a territory among those the reader sees, a period, a programme,
a way to split the figures. A wrong value is a form error, never a server error."""

import re
from datetime import date, timedelta

from django import forms
from django.utils import formats, timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from workflow.answers import Programme

from . import figures
from .figures import DIMENSIONS, Filters, Period, territories_seen_by

PERIODS = [("12m", _("The last 12 months")), ("30d", _("The last 30 days"))]
MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def last_whole_month() -> date:
    return (timezone.localdate().replace(day=1) - timedelta(days=1)).replace(day=1)


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
        self.user = user
        self.fields["territory"].queryset = territories_seen_by(user).select_related("country")

    def filters(self) -> Filters:
        data = self.cleaned_data if self.is_valid() else {}
        return Filters(territory=data.get("territory"), programme=data.get("programme") or "")

    def chosen_period(self) -> Period:
        chosen = (self.cleaned_data.get("period") if self.is_valid() else "") or "12m"
        return Period.last_days(30) if chosen == "30d" else Period.last_months(12)

    def carried(self) -> list[tuple[str, str]]:
        """The filters as the reader gave them (name, value): what the download form sends again,
        to be checked again on the server."""
        found = []
        for name in self.fields:
            value = self.data.get(name, "") if self.is_bound else ""
            if value:
                found.append((name, str(value)))
        return found

    def export_parameters(self) -> dict:
        """The filters of a valid form, normalised for an export: the territory's id, the
        programme, the period (and, in the forms below, the dimension or the month)."""
        data = self.cleaned_data
        territory = data.get("territory")
        parameters = {"territory": territory.pk if territory else None, "programme": data.get("programme") or ""}
        if "period" in self.fields:
            parameters["period"] = data.get("period") or "12m"
        return parameters

    def chosen(self) -> list[tuple[str, str]]:
        """The filters of a valid form in words (label, value), as an export states them."""
        data = self.cleaned_data
        territory = data.get("territory")
        found = [
            (
                str(self.fields["territory"].label),
                self.fields["territory"].label_from_instance(territory)
                if territory
                else str(self.fields["territory"].empty_label),
            )
        ]
        if "period" in self.fields:
            found.append((str(self.fields["period"].label), str(dict(PERIODS)[data.get("period") or "12m"])))
        programmes = dict(self.fields["programme"].choices)
        found.append((str(self.fields["programme"].label), str(programmes.get(data.get("programme") or "", ""))))
        return found


class FiguresFilterForm(StatisticsFilterForm):
    by = forms.ChoiceField(label=_("Split by"), choices=list(DIMENSIONS.items()), required=False)

    def dimension(self, default: str) -> str:
        return (self.cleaned_data.get("by") if self.is_valid() else "") or default

    def export_parameters(self) -> dict:
        return super().export_parameters() | {"by": self.dimension(figures.grouping_for(self.user))}

    def chosen(self) -> list[tuple[str, str]]:
        by = self.dimension(figures.grouping_for(self.user))
        return [*super().chosen(), (str(self.fields["by"].label), str(DIMENSIONS[by]))]


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
        if self.is_bound and not (self.data.get("month") or "").strip():
            # No month asked: the last whole month, shown in the field as such.
            self.data = self.data.copy()
            self.data["month"] = f"{last_whole_month():%Y-%m}"

    def moved_to(self, month: date) -> str:
        """The query string of the same report for another month (for the links to it)."""
        carried = [(name, value) for name, value in self.carried() if name != "month"]
        return urlencode([*carried, ("month", f"{month:%Y-%m}")])

    def clean_month(self) -> date:
        value = (self.cleaned_data.get("month") or "").strip()
        today = timezone.localdate()
        if not value:
            return last_whole_month()
        match = MONTH.match(value)
        if not match or not 1 <= int(match[2]) <= 12 or int(match[1]) < 2000:
            raise forms.ValidationError(_("Give a month as year and month, for example 2026-02."))
        month = date(int(match[1]), int(match[2]), 1)
        if month > today:
            raise forms.ValidationError(_("This month has not begun yet."))
        return month

    def export_parameters(self) -> dict:
        return super().export_parameters() | {"month": f"{self.cleaned_data['month']:%Y-%m}"}

    def chosen(self) -> list[tuple[str, str]]:
        month = formats.date_format(self.cleaned_data["month"], "YEAR_MONTH_FORMAT")
        return [*super().chosen(), (str(self.fields["month"].label), month)]
