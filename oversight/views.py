"""The statistics' pages of the back office: the overview, the figures split by a dimension, the
monthly report, and the download of the figures a page shows. Thin: the figures come from
:mod:`oversight.figures`, the charts from :mod:`oversight.charts`, the download from
:mod:`oversight.exports`; everything is scoped to what the reader sees."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from . import charts, figures
from .exports import (
    STATISTICS_PAGES,
    ExportRefused,
    export_request,
    metric_shown,
    report_windows,
    statistics_form,
    statistics_parameters,
)
from .models import ExportFormat, ExportKind, ExportState
from .suppression import Cell
from .wellbeing import wellbeing_by_territory


def _allowed(request):
    if not figures.may_view_statistics(request.user):
        raise PermissionDenied


class DownloadForm(forms.Form):
    """The format of a page's download (its filters are the page's own form)."""

    format = forms.ChoiceField(
        label=gettext_lazy("Format"),
        choices=[
            (ExportFormat.CSV, "CSV"),
            (ExportFormat.XLSX, "XLSX (Excel)"),
            (ExportFormat.ODS, "ODS (LibreOffice)"),
        ],
        error_messages={"invalid_choice": gettext_lazy("Choose one of the formats offered.")},
    )


def _funnel_chart(funnel):
    return charts.bar_chart(
        _("How far the files went (%(period)s)") % {"period": funnel.period.label},
        [(str(step.label), cell) for step, cell in funnel.totals()],
    )


def _render(request, page: str, form, context: dict, *, download=None, status=200):
    context |= {"form": form, "page": page, "download": download or DownloadForm(initial={"format": "csv"})}
    template = "oversight/report.html" if page == "report" else f"oversight/statistics_{page}.html"
    return TemplateResponse(request, template, context, status=status)


def _overview(request, form) -> dict:
    overview = figures.overview(request.user, period=form.chosen_period(), filters=form.filters())
    pairs = overview.months.series("pairs_created")
    return {
        "overview": overview,
        "funnel_chart": _funnel_chart(overview.funnel),
        "pairs_chart": charts.line_chart(_("Pairs formed, month by month"), pairs),
        "by_label": figures.DIMENSIONS[figures.grouping_for(request.user)],
        "wellbeing": wellbeing_by_territory(request.user),
    }


def _rows(stats: figures.Statistics) -> list[dict]:
    """Each row's label and what each metric's cell reads."""
    found = []
    for key, label in stats.rows:
        cells = [_shown(metric, stats.value(metric.key, key)) for metric in stats.metrics]
        found.append({"label": label, "cells": cells})
    return found


def _shown(metric, value) -> str:
    """A cell of the statistics' table in words: the figure of the download, with its unit."""
    shown = metric_shown(metric, value)
    if isinstance(shown, str) or isinstance(value, Cell):
        return str(shown)
    if isinstance(value, figures.Measure):
        return _("%(median)s days") % {"median": shown}
    return f"{shown} %"


def _figures(request, form) -> dict:
    by = form.dimension(figures.grouping_for(request.user))
    stats = figures.statistics(request.user, by=by, period=form.chosen_period(), filters=form.filters())
    draw = charts.line_chart if by == "month" else charts.bar_chart
    chart_list = [
        draw(str(metric.label), stats.series(metric.key)) for metric in stats.metrics if metric.kind == "count"
    ]
    return {"stats": stats, "rows": _rows(stats), "charts": chart_list}


def _report(request, form) -> dict:
    if not form.is_valid() and "month" in form.errors:
        return {}
    monthly = figures.monthly_report(request.user, month=form.cleaned_data["month"], filters=form.filters())
    stats = monthly.by_territory
    return {
        "report": monthly,
        "stats": stats,
        "rows": _rows(stats),
        "funnel_chart": _funnel_chart(monthly.funnel),
        "pairs_chart": charts.bar_chart(_("Pairs formed"), stats.series("pairs_created")),
        "windows": report_windows(monthly),
        "previous_query": form.moved_to(monthly.previous_month),
        "next_query": form.moved_to(monthly.next_month) if monthly.next_month <= timezone.localdate() else "",
    }


PAGES = {"overview": _overview, "figures": _figures, "report": _report}


def _page(request, page: str):
    _allowed(request)
    data = request.GET or None
    if page == "report" and data is None:
        data = {}  # the last whole month
    form = statistics_form(request.user, page, data)
    form.is_valid()
    return _render(request, page, form, PAGES[page](request, form))


def statistics_overview(request):
    return _page(request, "overview")


def statistics_figures(request):
    return _page(request, "figures")


def report(request):
    return _page(request, "report")


@require_POST
def statistics_download(request, page: str):
    """The figures the page shows, with its filters checked again on the server, as a file: built
    at once and handed over (a redirect to its download), or the exports page if it takes longer."""
    _allowed(request)
    if page not in STATISTICS_PAGES:
        raise Http404
    form = statistics_form(request.user, page, request.POST)
    download = DownloadForm(request.POST)
    if not (download.is_valid() & form.is_valid()):
        messages.error(request, _("The figures could not be downloaded: correct what is shown below."))
        return _render(request, page, form, PAGES[page](request, form), download=download, status=400)
    try:
        export = export_request(
            user=request.user,
            kind=ExportKind.STATISTICS,
            fmt=download.cleaned_data["format"],
            params=statistics_parameters(page, form),
        )
    except ExportRefused as refusal:
        form.add_error(None, str(refusal))
        return _render(request, page, form, PAGES[page](request, form), download=download, status=400)
    if export.state == ExportState.READY:
        return redirect("oversight_export_download", export.pk)
    messages.success(request, _("Your export is being prepared: we will email you when it is ready."))
    return redirect("oversight_exports")
