"""The statistics' pages of the back office: the overview, the figures split by a dimension, the
monthly report. Thin: the figures come from :mod:`oversight.figures`, the charts from
:mod:`oversight.charts`; everything is scoped to what the reader sees."""

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from . import charts, figures
from .forms import FiguresFilterForm, MonthlyReportForm, StatisticsFilterForm
from .suppression import Cell


def _allowed(request):
    if not figures.may_view_statistics(request.user):
        raise PermissionDenied


def _funnel_chart(funnel):
    return charts.bar_chart(
        _("How far the files went (%(period)s)") % {"period": funnel.period.label},
        [(str(step.label), cell) for step, cell in funnel.totals()],
    )


def statistics_overview(request):
    _allowed(request)
    form = StatisticsFilterForm(request.GET or None, user=request.user)
    form.is_valid()
    overview = figures.overview(request.user, period=form.chosen_period(), filters=form.filters())
    pairs = overview.months.series("pairs_created")
    return TemplateResponse(
        request,
        "oversight/statistics_overview.html",
        {
            "form": form,
            "overview": overview,
            "funnel_chart": _funnel_chart(overview.funnel),
            "pairs_chart": charts.line_chart(_("Pairs formed, month by month"), pairs),
            "by_label": figures.DIMENSIONS[figures.grouping_for(request.user)],
        },
    )


def _rows(stats: figures.Statistics) -> list[dict]:
    """Each row's label and what each metric's cell reads."""
    found = []
    for key, label in stats.rows:
        cells = []
        for metric in stats.metrics:
            value = stats.value(metric.key, key)
            cells.append(_shown(metric, value))
        found.append({"label": label, "cells": cells})
    return found


def _shown(metric, value) -> str:
    if isinstance(value, Cell):
        return str(value)
    if isinstance(value, figures.Measure):
        if value.median is None:
            return _("withheld (fewer than 5 people)") if value.people else "—"
        return _("%(median)s days") % {"median": round(value.median)}
    if value.whole == 0:
        return "—"
    if value.value is None:
        return _("withheld (fewer than 5 people)")
    return f"{round(value.value * 100)} %"


def statistics_figures(request):
    _allowed(request)
    form = FiguresFilterForm(request.GET or None, user=request.user)
    form.is_valid()
    by = form.dimension(figures.grouping_for(request.user))
    stats = figures.statistics(request.user, by=by, period=form.chosen_period(), filters=form.filters())
    draw = charts.line_chart if by == "month" else charts.bar_chart
    chart_list = [
        draw(str(metric.label), stats.series(metric.key)) for metric in stats.metrics if metric.kind == "count"
    ]
    return TemplateResponse(
        request,
        "oversight/statistics_figures.html",
        {"form": form, "stats": stats, "rows": _rows(stats), "charts": chart_list},
    )


def report(request):
    _allowed(request)
    form = MonthlyReportForm(request.GET or None, user=request.user)
    valid = form.is_valid() if request.GET else True
    if not request.GET:
        form = MonthlyReportForm({}, user=request.user)
        form.is_valid()
    context = {"form": form}
    if valid:
        monthly = figures.monthly_report(request.user, month=form.cleaned_data["month"], filters=form.filters())
        stats = monthly.by_territory
        context |= {
            "report": monthly,
            "stats": stats,
            "rows": _rows(stats),
            "funnel_chart": _funnel_chart(monthly.funnel),
            "pairs_chart": charts.bar_chart(_("Pairs formed"), stats.series("pairs_created")),
            "windows": [("30d", monthly.period.label), ("12m", _("the 12 months to its end"))],
        }
    return TemplateResponse(request, "oversight/report.html", context)
