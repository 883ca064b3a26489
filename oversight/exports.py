"""Exports of the back office: the files one may see, or the monthly figures, as CSV, XLSX or ODS.

:func:`export_request` records what was asked (and that it was asked, in the audit trail); the same
export asked again within :data:`REUSE_MINUTES` is the one already made or on its way. A small
export is built at once; a larger one by the django-q2 task :func:`oversight.tasks.export_build`,
after which the requester is told by email, with the link to the page where it is downloaded. An
export is kept :data:`KEPT_FOR` then purged (:func:`oversight.tasks.exports_purge`).

The statistics export holds the figures of a statistics' page as the page shows them (the same
filters, checked again; the same hidden cells), one figure a line.

The files export is scoped by :func:`workflow.access.applications_visible_to`; kinds and states
read as their labels, dates in the reader's time zone. National officers get no name, email
address, postal address or phone number: the file number, its kind, state, country and territory,
and its dates. Rows are read with ``values_list().iterator()`` and labels mapped through
dictionaries, so a file costs no query of its own (:func:`export_build_now`, 100,000 lines in
seconds).

CSV: comma-separated (RFC 4180), UTF-8 with a byte-order mark so that Excel reads the accents;
a text starting with ``=``, ``+``, ``-`` or ``@`` gets a leading apostrophe, so a spreadsheet
never runs it as a formula (XLSX and ODS cells are typed as text instead).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import tempfile
import zoneinfo
from collections.abc import Iterable, Iterator
from datetime import date, datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from audit import chain as audit
from documents.services import private_file_read, private_file_store
from workflow import access
from workflow.enums import ApplicationKind, ApplicationState, StaffRole
from workflow.models import Country, StaffMembership, Territory

from . import figures
from .models import Export, ExportFormat, ExportKind, ExportState
from .replica import replica_reads
from .suppression import Cell

#: The same export asked again within these minutes is the one already made or being made
#: (``settings.EXPORT_REUSE_MINUTES`` changes it).
REUSE_MINUTES = 10
#: How long an export is kept, from when it was asked.
KEPT_FOR = timedelta(hours=32)
#: An export of at most this many lines is built at once, in the request
#: (``settings.EXPORT_BUILD_AT_ONCE_ROWS`` changes it).
BUILD_AT_ONCE_ROWS = 500
#: Lines fetched from the database at a time.
CHUNK = 2000

CONTENT_TYPES = {
    ExportFormat.CSV: "text/csv; charset=utf-8",
    ExportFormat.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ExportFormat.ODS: "application/vnd.oasis.opendocument.spreadsheet",
}

#: The files export: the field read, and its heading.
FILE_COLUMNS = [
    ("pk", _("File number")),
    ("first_name", _("First name")),
    ("last_name", _("Last name")),
    ("email", _("Email address")),
    ("kind", _("Kind")),
    ("state", _("State")),
    ("country_id", _("Country")),
    ("territory_id", _("Territory")),
    ("submitted_at", _("Submitted")),
    ("state_changed_at", _("State since")),
    ("decided_at", _("Decided")),
]
#: What names, reaches or locates a person: never in a national officer's export.
PERSONAL_FIELDS = frozenset({"first_name", "last_name", "email", "phone", "postal_address", "birth_date"})


class ExportRefused(Exception):
    """The export asked for is not one this person may have."""


def reuse_minutes() -> int:
    return getattr(settings, "EXPORT_REUSE_MINUTES", REUSE_MINUTES)


def build_at_once_rows() -> int:
    return getattr(settings, "EXPORT_BUILD_AT_ONCE_ROWS", BUILD_AT_ONCE_ROWS)


def personal_data_allowed(user) -> bool:
    """Whether ``user``'s files export names the people: not for a national officer, who
    oversees the country's figures without knowing who is behind them."""
    if user.is_superuser:
        return True
    return not StaffMembership.objects.filter(user=user, role=StaffRole.NATIONAL_OFFICER).exists()


def kinds_for(user) -> list[tuple[str, str]]:
    """The kinds of export ``user`` may ask for: the statistics only for those who read them."""
    if not access.may_open_files_area(user):
        return []
    statistics = figures.may_view_statistics(user)
    return [(kind, label) for kind, label in ExportKind.choices if kind != ExportKind.STATISTICS or statistics]


def reader_settings(user) -> dict:
    """The language and time zone the export is written in: the reader's back-office choices."""
    profile = getattr(user, "wagtail_userprofile", None)
    language = getattr(profile, "preferred_language", "") or translation.get_language() or settings.LANGUAGE_CODE
    time_zone = getattr(profile, "current_time_zone", "") or settings.TIME_ZONE
    return {"language": language, "time_zone": time_zone}


def normalise(kind: str, fmt: str, params: dict | None) -> tuple[dict, str]:
    """The parameters as stored (sorted keys, only JSON values) and their hash, with the kind and format."""
    clean = json.loads(json.dumps(params or {}, sort_keys=True, default=str))
    digest = hashlib.sha256(json.dumps([kind, fmt, clean], sort_keys=True).encode()).hexdigest()
    return clean, digest


def export_request(*, user, kind: str, fmt: str, params: dict | None = None) -> Export:
    """Ask for an export; the same one asked in the last minutes (ready or on its way, not
    expired) is given back instead. Recorded in the audit trail either way."""
    if kind not in ExportKind.values or fmt not in ExportFormat.values:
        raise ExportRefused(_("This export does not exist."))
    if kind not in dict(kinds_for(user)):
        raise ExportRefused(_("You may not ask for this export."))
    params = {**reader_settings(user), **(params or {})}
    params["personal"] = personal_data_allowed(user) if kind == ExportKind.FILES else False
    params, digest = normalise(kind, fmt, params)
    now = timezone.now()
    with transaction.atomic():
        export = (
            Export.objects.select_for_update()
            .filter(
                requester=user,
                kind=kind,
                format=fmt,
                parameters_hash=digest,
                state__in=[ExportState.QUEUED, ExportState.READY],
                created_at__gte=now - timedelta(minutes=reuse_minutes()),
                expires_at__gt=now,
            )
            .order_by("-created_at")
            .first()
        )
        reused = export is not None
        if export is None:
            export = Export.objects.create(
                requester=user,
                kind=kind,
                format=fmt,
                parameters=params,
                parameters_hash=digest,
                created_at=now,
                expires_at=now + KEPT_FOR,
            )
        audit.record(
            "export.requested",
            user=user,
            obj=export,
            data={"kind": kind, "format": fmt, "reused": reused},
        )
        if not reused:
            if export_size(export) <= build_at_once_rows():
                export_build_now(export)
            else:
                transaction.on_commit(lambda pk=export.pk: queue_build(pk))
    return export


def queue_build(export_id: int) -> None:
    from django_q.tasks import async_task

    async_task(
        "oversight.tasks.export_build",
        export_id,
        task_name=f"export-{export_id}",
        group="exports",
        timeout=BUILD_TIMEOUT,
    )


#: A build's timeout, below django-q2's retry delay: a slow build is never run twice at once.
BUILD_TIMEOUT = min(300, settings.Q_CLUSTER.get("retry", 180) - 30)


def export_size(export: Export) -> int:
    """How many lines the export will have, counted by the database."""
    if export.kind == ExportKind.FILES:
        with replica_reads():
            return access.applications_visible_to(export.requester).count()
    return 0  # the monthly figures and the statistics are small tables


def export_download(*, export: Export, user) -> bytes:
    """The export's content for its requester, recorded in the audit trail."""
    if export.requester_id != user.pk or not export.downloadable:
        raise ExportRefused(_("This export cannot be downloaded."))
    data = private_file_read(export.file)
    audit.record("export.downloaded", user=user, obj=export, data={"kind": export.kind, "format": export.format})
    return data


# Building


def export_build_now(export: Export) -> Export:
    """Build ``export`` here and now, store its file and mark it ready (no notification: the
    task :func:`oversight.tasks.export_build` tells the requester). What the bench times."""
    params = export.parameters or {}
    language = params.get("language") or settings.LANGUAGE_CODE
    with translation.override(language), replica_reads():
        headings, rows = export_lines(export)
        title = _("Statistics") if export.kind == ExportKind.STATISTICS else ExportKind(export.kind).label
        data, count = write(export.format, headings, rows, title=str(title))
    private_file_store(export.file, data, name=export.filename)
    export.row_count = count
    export.state = ExportState.READY
    export.finished_at = timezone.now()
    export.error = ""
    export.save(update_fields=["file", "row_count", "state", "finished_at", "error"])
    return export


def export_lines(export: Export) -> tuple[list[str], Iterator[list]]:
    """The headings and the lines of ``export``, as plain values."""
    if export.kind == ExportKind.OPENDATA:
        from .opendata import opendata_rows

        rows = opendata_rows()
        return next(rows), rows
    params = export.parameters or {}
    if export.kind == ExportKind.STATISTICS:
        return statistics_lines(export.requester, params)
    personal = bool(params.get("personal")) and personal_data_allowed(export.requester)
    return file_lines(export.requester, personal=personal, time_zone=params.get("time_zone") or settings.TIME_ZONE)


def file_lines(user, *, personal: bool, time_zone: str) -> tuple[list[str], Iterator[list]]:
    """The files ``user`` sees, one line each, oldest file first; labels instead of codes."""
    columns = [(field, heading) for field, heading in FILE_COLUMNS if personal or field not in PERSONAL_FIELDS]
    fields = [field for field, _heading in columns]
    zone = zoneinfo.ZoneInfo(time_zone)
    kinds = dict(ApplicationKind.choices)
    states = dict(ApplicationState.choices)
    countries = dict(Country.objects.values_list("pk", "name"))
    territories = dict(Territory.objects.values_list("pk", "name"))
    labels = {
        "kind": {k: str(v) for k, v in kinds.items()},
        "state": {k: str(v) for k, v in states.items()},
        "country_id": countries,
        "territory_id": territories,
    }

    def shown(field: str, value):
        if field in labels:
            return labels[field].get(value, "")
        if isinstance(value, datetime):
            return timezone.localtime(value, zone).replace(tzinfo=None, microsecond=0)
        return "" if value is None else value

    queryset = access.applications_visible_to(user).order_by("pk").values_list(*fields)

    def lines():
        for row in queryset.iterator(chunk_size=CHUNK):
            yield [shown(field, value) for field, value in zip(fields, row, strict=True)]

    return [str(heading) for _field, heading in columns], lines()


# The statistics, as their pages show them


#: The statistics' pages whose figures are downloaded, and the filters each of them takes.
STATISTICS_PAGES = {
    "overview": ("territory", "programme", "period"),
    "figures": ("territory", "programme", "period", "by"),
    "report": ("territory", "programme", "month"),
}


def statistics_form(user, page: str, data: dict | None):
    """The filter form of the statistics' ``page`` for ``user``, bound to ``data``: the same checks
    on the page, on the download's request and again when the export is built."""
    from .forms import FiguresFilterForm, MonthlyReportForm, StatisticsFilterForm

    form_class = {"overview": StatisticsFilterForm, "figures": FiguresFilterForm, "report": MonthlyReportForm}[page]
    return form_class(data, user=user)


def statistics_parameters(page: str, form) -> dict:
    """What a statistics export stores: the page and its filters, normalised (a valid form)."""
    return {"page": page, **form.export_parameters()}


def report_windows(report) -> list[tuple[str, str]]:
    """The window of the monthly report's times between steps: its month."""
    return [("month", report.period.label)]


def _published(cell: Cell) -> int | str:
    """A count as it may be published: the number, or what a hidden one reads."""
    return cell.value if cell.value is not None else str(cell)


def metric_shown(metric, value) -> int | str:
    """A cell of the statistics' table: a count, days (rounded), a rate in per cent, or why not."""
    if isinstance(value, Cell):
        return _published(value)
    if isinstance(value, figures.Measure):
        if value.median is None:
            return str(_("withheld (fewer than 5 people)")) if value.people else "—"
        return round(value.median)
    if value.whole == 0:
        return "—"
    if value.value is None:
        return str(_("withheld (fewer than 5 people)"))
    return round(value.value * 100)


def _metric_heading(metric) -> str:
    unit = "%, " if metric.kind == "rate" else ""
    return f"{metric.label} ({unit}{metric.help})" if metric.help else str(metric.label)


def _statistics_table(title: str, stats) -> Iterator[list]:
    if not stats.rows:
        yield [title, str(_("No figure for this period.")), "", ""]
    for key, label in stats.rows:
        for metric in stats.metrics:
            yield [title, label, _metric_heading(metric), metric_shown(metric, stats.value(metric.key, key))]


def _funnel_table(title: str, funnel) -> Iterator[list]:
    everywhere = str(_("All"))
    for step, cells, total in funnel.rows():
        for (_key, name), cell in zip(funnel.territories, cells, strict=True):
            yield [title, str(step.label), name, _published(cell)]
        yield [title, str(step.label), everywhere, _published(total)]


def _days(value) -> int:
    from django.template.defaultfilters import floatformat

    return int(floatformat(value, 0))


def _times_table(title: str, times, windows) -> Iterator[list]:
    for time_ in times:
        for (_key, window), measure in zip(windows, time_.measures, strict=True):
            count = _published(measure.count) if measure.people else 0
            yield [title, time_.label, f"{window}: {_('Files or pairs')}", count]
            if measure.median is None:
                median = p90 = str(_("withheld (fewer than 5)")) if measure.people else "—"
            else:
                median, p90 = _days(measure.median), _days(measure.p90)
            yield [title, time_.label, f"{window}: {_('Median (days)')}", median]
            yield [title, time_.label, f"{window}: {_('90th percentile (days)')}", p90]


def statistics_lines(user, params: dict) -> tuple[list[str], Iterator[list]]:
    """The figures of a statistics' page, with the filters it was asked with, one figure a line
    (table, line, column, figure): the same figures as the page, hidden where the page hides them.
    The filters are checked again: a territory no longer seen refuses the export."""
    page = params.get("page")
    if page not in STATISTICS_PAGES:
        raise ExportRefused(_("This export does not exist."))
    data = {name: "" if params.get(name) is None else str(params[name]) for name in STATISTICS_PAGES[page]}
    form = statistics_form(user, page, data)
    if not form.is_valid():
        raise ExportRefused(_("These filters are not among the figures you may see."))
    filters = form.filters()
    lines: list[Iterable[list]] = [[[str(_("Filters")), label, "", value] for label, value in form.chosen()]]
    if page == "overview":
        seen = figures.overview(user, period=form.chosen_period(), filters=filters)
        lines.append(_funnel_table(str(_("Funnel")), seen.funnel))
        lines.append(_times_table(str(_("Times between steps")), seen.times, seen.windows))
        pairs, month, title = str(_("Pairs")), "pairs_created", str(_("Pairs formed, month by month"))
        lines.append([title, label, pairs, _published(cell)] for label, cell in seen.months.series(month))
    elif page == "figures":
        by = form.dimension(figures.grouping_for(user))
        stats = figures.statistics(user, by=by, period=form.chosen_period(), filters=filters)
        title = _("By %(by)s, over %(period)s") % {"by": str(stats.by_label).lower(), "period": stats.period.label}
        lines.append(_statistics_table(str(title), stats))
    else:
        report = figures.monthly_report(user, month=form.cleaned_data["month"], filters=filters)
        title = _("Figures of %(month)s") % {"month": report.period.label}
        lines.append(_statistics_table(str(title), report.by_territory))
        lines.append(_funnel_table(str(_("Funnel of the files started this month")), report.funnel))
        lines.append(_times_table(str(_("Times between steps")), report.times, report_windows(report)))
    headings = [str(_("Table")), str(_("Line")), str(_("Column")), str(_("Figure"))]
    return headings, (line for part in lines for line in part)


# Writers: each takes the headings and the lines, and returns the bytes and the number of lines.


def write(fmt: str, headings: list[str], rows: Iterable[list], *, title: str = "Export") -> tuple[bytes, int]:
    writer = {ExportFormat.CSV: write_csv, ExportFormat.XLSX: write_xlsx, ExportFormat.ODS: write_ods}[fmt]
    return writer(headings, rows, title=title)


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _csv_value(value):
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def write_csv(headings: list[str], rows: Iterable[list], *, title: str = "") -> tuple[bytes, int]:
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(headings)
    count = 0
    for row in rows:
        writer.writerow([_csv_value(value) for value in row])
        count += 1
    return buffer.getvalue().encode("utf-8"), count


def _sheet_title(title: str) -> str:
    for character in "[]:*?/\\":
        title = title.replace(character, " ")
    return title[:31] or "Export"


def write_xlsx(headings: list[str], rows: Iterable[list], *, title: str = "Export") -> tuple[bytes, int]:
    """An Excel workbook in openpyxl's write-only mode: lines streamed to a temporary file."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_sheet_title(title))
    bold = Font(bold=True)
    header = []
    for heading in headings:
        cell = WriteOnlyCell(sheet, value=heading)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    count = 0
    for row in rows:
        line = []
        for value in row:
            if isinstance(value, str) and value.startswith("="):
                cell = WriteOnlyCell(sheet, value=value)
                cell.data_type = "s"  # text, never a formula
                line.append(cell)
            else:
                line.append(value)
        sheet.append(line)
        count += 1
    with tempfile.TemporaryFile() as handle:
        workbook.save(handle)
        handle.seek(0)
        return handle.read(), count


def write_ods(headings: list[str], rows: Iterable[list], *, title: str = "Export") -> tuple[bytes, int]:
    """An OpenDocument spreadsheet with odfpy; numbers and dates typed, text as text."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    table = Table(name=_sheet_title(title))

    def cell(value):
        if isinstance(value, bool) or value is None or value == "":
            return TableCell() if value in (None, "") else _text_cell(str(value))
        if isinstance(value, int | float):
            made = TableCell(valuetype="float", value=value)
            made.addElement(P(text=str(value)))
            return made
        if isinstance(value, datetime):
            made = TableCell(valuetype="date", datevalue=value.strftime("%Y-%m-%dT%H:%M:%S"))
            made.addElement(P(text=value.strftime("%Y-%m-%d %H:%M:%S")))
            return made
        if isinstance(value, date):
            made = TableCell(valuetype="date", datevalue=value.isoformat())
            made.addElement(P(text=value.isoformat()))
            return made
        return _text_cell(str(value))

    def _text_cell(text: str):
        made = TableCell(valuetype="string")
        made.addElement(P(text=text))
        return made

    header = TableRow()
    for heading in headings:
        header.addElement(_text_cell(heading))
    table.addElement(header)
    count = 0
    for row in rows:
        line = TableRow()
        for value in row:
            line.addElement(cell(value))
        table.addElement(line)
        count += 1
    document.spreadsheet.addElement(table)
    buffer = io.BytesIO()
    document.write(buffer)
    return buffer.getvalue(), count
