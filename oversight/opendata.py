"""Open data: the programme's monthly figures per territory, for anyone, with small counts hidden.

For each month and territory: files sent, files approved, pairs created, pairs living together at
the month's end and pairs ended. Every figure is counted by the database (aggregate queries, one
per measure) and goes through :func:`oversight.suppression.suppress`, one table per country,
measure and month (its territories, whose sum is the country's figure), each month hiding again
what the month before hid (``keep``), so that no two editions side by side give a small count
back. A country's series starts at its first figure. Complete months only: the current one
is still moving.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, timedelta

from django.core.cache import cache
from django.db.models import Count, F, Q
from django.db.models.functions import TruncMonth
from django.http import HttpResponse, HttpResponseBadRequest
from django.utils import timezone, translation
from django.utils.http import content_disposition_header
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from pairings.enums import PairingState
from pairings.models import Pairing
from workflow.enums import ApplicationState
from workflow.models import Application, ApplicationTransitionLog, Territory

from .models import ExportFormat
from .replica import replica_reads
from .suppression import suppress

SENT, APPROVED, CREATED, ACTIVE, ENDED = "files_sent", "files_approved", "pairs_created", "pairs_active", "pairs_ended"
MEASURES = (SENT, APPROVED, CREATED, ACTIVE, ENDED)
FINISHED = (PairingState.ENDED, PairingState.TERMINATED)

HEADINGS = {
    "month": _("Month"),
    "country": _("Country"),
    "territory_code": _("Territory code"),
    "territory": _("Territory"),
    SENT: _("Files sent"),
    APPROVED: _("Files approved"),
    CREATED: _("Pairs created"),
    ACTIVE: _("Pairs living together at the month's end"),
    ENDED: _("Pairs ended"),
}


def _month(value) -> date:
    if isinstance(value, datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        value = value.date()
    return value.replace(day=1)


def _next_month(month: date) -> date:
    return (month + timedelta(days=32)).replace(day=1)


def _month_start(month: date) -> datetime:
    return timezone.make_aware(datetime(month.year, month.month, 1))


def monthly_counts(*, until: date) -> dict:
    """``{(territory_id, month, measure): count}`` for the months before ``until`` (a first day)."""
    end = _month_start(until)
    counts: dict = {}

    def add(measure, rows):
        for territory_id, month, n in rows:
            if territory_id is not None and month is not None and n:
                counts[(territory_id, _month(month), measure)] = n

    add(
        SENT,
        Application.objects.filter(submitted_at__isnull=False, submitted_at__lt=end)
        .annotate(month=TruncMonth("submitted_at"))
        .values("territory_id", "month")
        .annotate(n=Count("pk"))
        .values_list("territory_id", "month", "n"),
    )
    add(
        APPROVED,
        ApplicationTransitionLog.objects.filter(to_state=ApplicationState.APPROVED, created_at__lt=end)
        .annotate(month=TruncMonth("created_at"), territory_id=F("application__territory_id"))
        .values("territory_id", "month")
        .annotate(n=Count("application_id", distinct=True))
        .values_list("territory_id", "month", "n"),
    )
    add(
        CREATED,
        Pairing.objects.filter(created_at__lt=end)
        .annotate(month=TruncMonth("created_at"), territory_id=F("host__territory_id"))
        .values("territory_id", "month")
        .annotate(n=Count("pk"))
        .values_list("territory_id", "month", "n"),
    )
    add(
        ENDED,
        Pairing.objects.filter(state__in=FINISHED, ended_on__isnull=False, ended_on__lt=until)
        .annotate(month=TruncMonth("ended_on"), territory_id=F("host__territory_id"))
        .values("territory_id", "month")
        .annotate(n=Count("pk"))
        .values_list("territory_id", "month", "n"),
    )
    # Living together at each month's end: one query, a conditional count per month.
    first = (
        Pairing.objects.filter(active_since__isnull=False)
        .order_by("active_since")
        .values_list("active_since", flat=True)[:1]
    )
    if first and (start := _month(first[0])) < until:
        months = []
        month = start
        while month < until:
            months.append(month)
            month = _next_month(month)
        last_days = {f"m{i}": _next_month(m) - timedelta(days=1) for i, m in enumerate(months)}
        living = {
            key: Count(
                "pk",
                filter=Q(active_since__lte=day)
                & (~Q(state__in=FINISHED) | Q(ended_on__isnull=True) | Q(ended_on__gt=day)),
            )
            for key, day in last_days.items()
        }
        for line in (
            Pairing.objects.filter(active_since__isnull=False)
            .values(territory_id=F("host__territory_id"))
            .annotate(**living)
            .order_by()
        ):
            for i, month in enumerate(months):
                if line[f"m{i}"]:
                    counts[(line["territory_id"], month, ACTIVE)] = line[f"m{i}"]
    return counts


def opendata_table(*, until: date | None = None) -> list[dict]:
    """The published lines, month by month then country and territory code: each measure is a
    :class:`~oversight.suppression.Cell` (a number, or hidden)."""
    until = (until or timezone.localdate()).replace(day=1)
    with replica_reads():
        counts = monthly_counts(until=until)
        territory_ids = {territory_id for territory_id, _m, _x in counts}
        territories = list(
            Territory.objects.filter(pk__in=territory_ids)
            .select_related("country")
            .order_by("country__name", "code", "pk")
        )
    if not counts:
        return []
    first = min(month for _t, month, _x in counts)
    months = []
    month = first
    while month < until:
        months.append(month)
        month = _next_month(month)
    per_country: dict = defaultdict(list)
    for territory in territories:
        per_country[territory.country].append(territory)
    lines: list[dict] = []
    for country, rows in per_country.items():
        row_ids = [t.pk for t in rows]
        ours = set(row_ids)
        # A country's series starts with its first figure: months before it would hide everything.
        start = min(month for t, month, _x in counts if t in ours)
        # One table per measure and month: the territories' counts and the country's total (the
        # figures add up along it; the measures do not add up to anything, so never across them).
        hidden_before: dict = {m: set() for m in MEASURES}
        for month in months:
            if month < start:
                continue
            tables = {}
            for m in MEASURES:
                cells = {(t, m): counts.get((t, month, m), 0) for t in row_ids}
                tables[m] = suppress(cells, row_ids, [m], keep=hidden_before[m])
                hidden_before[m] = {(row, column) for row, column in tables[m].hidden if row is not None}
            for territory in rows:
                lines.append(
                    {
                        "month": month,
                        "country": country.name,
                        "territory_code": territory.code,
                        "territory": territory.name,
                        **{m: tables[m].cell(territory.pk, m) for m in MEASURES},
                    }
                )
    lines.sort(key=lambda line: (line["month"], line["country"], line["territory_code"]))
    return lines


def opendata_rows(*, until: date | None = None):
    """The headings then each line as plain values: the month as ``YYYY-MM``, a shown figure as a
    number, a hidden one as its words ("fewer than 5", "hidden") in the active language."""
    yield [str(HEADINGS[key]) for key in HEADINGS]
    for line in opendata_table(until=until):
        yield [
            line["month"].strftime("%Y-%m"),
            line["country"],
            line["territory_code"],
            line["territory"],
            *[line[m].value if not line[m].hidden else str(line[m]) for m in MEASURES],
        ]


#: How long a published file is kept in the cache, in seconds.
CACHE_SECONDS = 3600


@require_GET
def opendata(request):
    """The figures as a file to download: ``?format=csv`` (the default), ``xlsx`` or ``ods``."""
    from .exports import CONTENT_TYPES, write

    fmt = request.GET.get("format", ExportFormat.CSV)
    if fmt not in ExportFormat.values:
        return HttpResponseBadRequest(
            _("Unknown format: choose csv, xlsx or ods (for example ?format=csv)."), content_type="text/plain"
        )
    today = timezone.localdate()
    key = f"oversight:opendata:{translation.get_language()}:{fmt}:{today:%Y-%m}"
    data = cache.get(key)
    if data is None:
        rows = opendata_rows(until=today)
        data, _count = write(fmt, next(rows), rows, title=str(_("Monthly figures")))
        cache.set(key, data, CACHE_SECONDS)
    response = HttpResponse(data, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=f"weshare-monthly-figures-{today:%Y-%m}.{fmt}"
    )
    response["Cache-Control"] = f"public, max-age={CACHE_SECONDS}"
    return response
