"""The programme's figures for those who oversee it: the funnel, the times between steps, the
statistics by territory, country, programme, partner and month, the national overview and the
monthly report.

Every function takes the person who reads and scopes through :mod:`workflow.access` (the files
one sees, the pairings of which one sees both files). Each figure is one aggregate query
(``Count`` with ``filter``, ``values().annotate()``, ``TruncMonth``), so the number of queries
does not grow with the number of territories or of files. Counts of people go through
:func:`oversight.suppression.suppress`; a median, a 90th percentile or a rate computed on fewer
than :data:`~oversight.suppression.THRESHOLD` people is withheld.

Medians and 90th percentiles are computed by the database: ``percentile_cont(...) WITHIN GROUP``
on PostgreSQL, an aggregate function of the same definition registered on each SQLite
connection (:class:`Percentile`).

Entry points, for the pages, the exports and the benchmark:

- :func:`funnel` (started → sent → in review → approved → proposed → signed → active → ended),
- :func:`step_times` (median and 90th percentile of the days between steps, over the last 30 days
  and the last 12 months),
- :func:`statistics` (pairs created, young people accompanied, seniors hosting, days to approval,
  to pairing and to signature, acceptance and early-ending rates, length of stay; by territory,
  region, country, programme, partner or month),
- :func:`overview` and :func:`national_overview` (the funnel with the territories side by side,
  the times between steps, the pairs of each month),
- :func:`monthly_report` (one month's figures, scoped like the overview).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db.backends.signals import connection_created
from django.db.models import (
    Aggregate,
    Case,
    Count,
    F,
    FloatField,
    Func,
    IntegerField,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import NullIf, TruncMonth
from django.utils import formats, timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from pairings.enums import PairingState
from workflow import access
from workflow.answers import Programme
from workflow.enums import ApplicationKind, StaffRole
from workflow.models import Country, Organisation, StaffMembership, Territory

from .milestones import PARTED_STATES, FileMilestone, PairingMilestone, figures_as_of
from .replica import replica_reads
from .suppression import THRESHOLD, Cell, Table, suppress, suppress_nested

# -- who reads ---------------------------------------------------------------------------------

#: Who reads the statistics: :func:`workflow.access.may_view_statistics` says so.
may_view_statistics = access.may_view_statistics


def grouping_for(user) -> str:
    """How the territories stand side by side for ``user``: by region for the whole country (national
    officers, superusers), by department for an association or a pension office."""
    if user.is_superuser or StaffMembership.objects.filter(user=user, role=StaffRole.NATIONAL_OFFICER).exists():
        return "region"
    return "department"


def territories_seen_by(user) -> QuerySet[Territory]:
    """The territories whose files ``user`` sees (departments and their regions), by name."""
    scope = access.file_scope(user)
    if scope.everything:
        territories = Territory.objects.all()
    else:
        ids = sorted(scope.territories)
        parents = Territory.objects.filter(pk__in=ids).values("parent")
        territories = Territory.objects.filter(
            Q(pk__in=ids) | Q(pk__in=parents) | Q(country__in=sorted(scope.countries))
        )
    return territories.order_by("country__name", "level", "name")


# -- periods and filters -------------------------------------------------------------------------


def _month_start(day: date) -> date:
    return day.replace(day=1)


def _add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    return date(day.year + month // 12, month % 12 + 1, 1)


@dataclass(frozen=True)
class Period:
    """From ``start`` to the day before ``end`` (dates in the site's time zone)."""

    start: date
    end: date
    label: str = ""

    @classmethod
    def last_days(cls, days: int, today: date | None = None) -> Period:
        today = today or timezone.localdate()
        return cls(
            today - timedelta(days=days - 1),
            today + timedelta(days=1),
            str(_("the last %(days)s days") % {"days": days}),
        )

    @classmethod
    def last_months(cls, months: int, today: date | None = None) -> Period:
        """The last ``months`` whole months and the current one so far."""
        today = today or timezone.localdate()
        start = _add_months(_month_start(today), -(months - 1))
        return cls(start, today + timedelta(days=1), str(_("the last %(months)s months") % {"months": months}))

    @classmethod
    def month(cls, day: date) -> Period:
        start = _month_start(day)
        return cls(start, _add_months(start, 1), formats.date_format(start, "YEAR_MONTH_FORMAT"))

    def months(self) -> list[date]:
        """The first day of each month the period touches."""
        found, month = [], _month_start(self.start)
        while month < self.end:
            found.append(month)
            month = _add_months(month, 1)
        return found

    def _moment(self, day: date) -> datetime:
        return timezone.make_aware(datetime.combine(day, time.min))

    def between(self, path: str, *, moment: bool) -> Q:
        """``path`` (a date, or a date and time when ``moment``) falls within the period."""
        if moment:
            return Q(**{f"{path}__gte": self._moment(self.start), f"{path}__lt": self._moment(self.end)})
        return Q(**{f"{path}__gte": self.start, f"{path}__lt": self.end})

    def overlaps(self, since: str, until: str) -> Q:
        """Something that ran from ``since`` to ``until`` (dates; none: still running) touched the period."""
        return Q(**{f"{since}__lt": self.end}) & (Q(**{f"{until}__isnull": True}) | Q(**{f"{until}__gte": self.start}))


@dataclass(frozen=True)
class Filters:
    """What the reader narrowed the figures to: a territory (a department, or a region with its
    departments), a programme (guests' answer), a partner (who referred the young person)."""

    territory: Territory | None = None
    programme: str = ""
    partner: Organisation | None = None

    def for_files(self) -> Q:
        """On :class:`~oversight.milestones.FileMilestone`."""
        q = self._where()
        if self.programme:
            q &= Q(kind=ApplicationKind.GUEST, programme=self.programme)
        return q

    def for_pairings(self) -> Q:
        """On :class:`~oversight.milestones.PairingMilestone` (the host's territory, the guest's programme)."""
        q = self._where()
        if self.programme:
            q &= Q(programme=self.programme)
        return q

    def _where(self) -> Q:
        q = Q()
        if self.territory is not None:
            q &= Q(territory_id=self.territory.pk) | Q(region_id=self.territory.pk)
        if self.partner is not None:
            q &= Q(partner_id=self.partner.pk)
        return q


NO_FILTERS = Filters()


def _files(user, filters: Filters) -> QuerySet[FileMilestone]:
    """The milestones of the files ``user`` sees (as :func:`workflow.access.applications_visible_to`)."""
    scope = access.file_scope(user)
    return FileMilestone.objects.filter(scope.q(), unconfirmed_draft=False).filter(filters.for_files()).order_by()


def _pairings(user, filters: Filters) -> QuerySet[PairingMilestone]:
    """The milestones of the pairings ``user`` sees: both files visible (as
    :func:`workflow.access.pairings_visible_to`)."""
    scope = access.file_scope(user)
    both = scope.q() & scope.q(territory="guest_territory_id", country="guest_country_id")
    return PairingMilestone.objects.filter(both).filter(filters.for_pairings()).order_by()


def _fresh() -> None:
    """The milestones brought up to date if they are older than the figures may be."""
    figures_as_of()


# -- database functions ------------------------------------------------------------------------


def percentile_cont(values: list[float], fraction: float) -> float | None:
    """PostgreSQL's ``percentile_cont``: the value at ``fraction`` of the sorted values, interpolated."""
    if not values:
        return None
    ordered = sorted(values)
    position = fraction * (len(ordered) - 1)
    low, high = math.floor(position), math.ceil(position)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


class _SqlitePercentile:
    def __init__(self):
        self.values: list[float] = []
        self.fraction = 0.5

    def step(self, value, fraction):
        if value is not None:
            self.values.append(float(value))
            self.fraction = float(fraction)

    def finalize(self):
        return percentile_cont(self.values, self.fraction)


SQLITE_PERCENTILE = "weshare_percentile"


def _register_sqlite_functions(sender=None, connection=None, **kwargs):
    if connection is not None and connection.vendor == "sqlite":
        connection.connection.create_aggregate(SQLITE_PERCENTILE, 2, _SqlitePercentile)


connection_created.connect(_register_sqlite_functions, dispatch_uid="oversight_sqlite_percentile")


class Percentile(Aggregate):
    """The continuous percentile (``fraction`` 0.5: the median) of a number, computed by the database."""

    name = "Percentile"
    function = "percentile_cont"
    output_field = FloatField()

    def __init__(self, expression, fraction: float, **extra):
        self.fraction = float(fraction)
        super().__init__(expression, **extra)

    def _with_template(self, template: str):
        # Django's Aggregate takes the template from the instance when a filter is given.
        clone = self.copy()
        clone.template = template
        return clone

    def as_sql(self, compiler, connection, **extra_context):
        clone = self._with_template(f"percentile_cont({self.fraction!r}) WITHIN GROUP (ORDER BY %(expressions)s)")
        return Aggregate.as_sql(clone, compiler, connection, **extra_context)

    def as_sqlite(self, compiler, connection, **extra_context):
        connection.ensure_connection()
        _register_sqlite_functions(connection=connection)
        clone = self._with_template(f"{SQLITE_PERCENTILE}(%(expressions)s, {self.fraction!r})")
        return Aggregate.as_sql(clone, compiler, connection, **extra_context)


class DaysBetween(Func):
    """Days (with their fraction) from ``start`` to ``end``, dates or dates and times."""

    output_field = FloatField()
    arity = 2

    def __init__(self, start, end, **extra):
        super().__init__(start, end, **extra)

    def _parts(self, compiler, connection):
        start, start_params = compiler.compile(self.source_expressions[0])
        end, end_params = compiler.compile(self.source_expressions[1])
        return start, end, (*end_params, *start_params)

    def as_sql(self, compiler, connection, **extra_context):
        start, end, params = self._parts(compiler, connection)
        sql = (
            f"(CAST(EXTRACT(EPOCH FROM (CAST({end} AS timestamptz) - CAST({start} AS timestamptz)))"
            " AS double precision) / 86400.0)"
        )
        return sql, params

    def as_sqlite(self, compiler, connection, **extra_context):
        start, end, params = self._parts(compiler, connection)
        return f"(julianday({end}) - julianday({start}))", params


# -- what a file went through ----------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    key: str
    label: str


#: The funnel's steps, in order: a file counts in a step when it went at least that far.
FUNNEL = [
    Step("started", _("Started")),
    Step("sent", _("Sent")),
    Step("in_review", _("In review")),
    Step("approved", _("Approved")),
    Step("proposed", _("Proposed for a pairing")),
    Step("signed", _("Convention signed")),
    Step("active", _("Living together")),
    Step("ended", _("Stay ended")),
]


def _furthest_step() -> Case:
    """The index in :data:`FUNNEL` of the furthest step a file went to, from its milestones."""
    return Case(
        When(parted=True, then=Value(7)),
        When(active_since__isnull=False, then=Value(6)),
        When(signed_at__isnull=False, then=Value(5)),
        When(proposed_at__isnull=False, then=Value(4)),
        When(approved=True, then=Value(3)),
        When(reviewed=True, then=Value(2)),
        When(submitted_at__isnull=False, then=Value(1)),
        default=Value(0),
        output_field=IntegerField(),
    )


# -- how the figures are split -------------------------------------------------------------------

#: The dimensions of the statistics, as the reader chooses them.
DIMENSIONS = {
    "department": _("Department"),
    "region": _("Region"),
    "country": _("Country"),
    "programme": _("Programme"),
    "partner": _("Partner"),
    "month": _("Month"),
}

NOT_STATED = pgettext_lazy("a file without this answer", "not stated")


def _key(by: str):
    """The expression that splits files or pairings (their milestones: a pairing by its host's
    territory, its guest's programme and partner)."""
    if by == "department":
        return F("territory_id")
    if by == "region":
        return F("region_id")
    if by == "country":
        return F("country_id")
    if by == "programme":
        return NullIf(F("programme"), Value(""))
    if by == "partner":
        return F("partner_id")
    raise ValueError(by)


def _labels(by: str, keys) -> dict:
    keys = [key for key in keys if key is not None]
    if by in ("department", "region"):
        return dict(Territory.objects.filter(pk__in=keys).values_list("pk", "name"))
    if by == "country":
        return dict(Country.objects.filter(pk__in=keys).values_list("pk", "name"))
    if by == "partner":
        return dict(Organisation.objects.filter(pk__in=keys).values_list("pk", "name"))
    if by == "programme":
        return {key: Programme(key).label if key in Programme.values else key for key in keys}
    if by == "month":
        return {key: formats.date_format(key, "YEAR_MONTH_FORMAT") for key in keys}
    return {}


def _order(by: str, keys, labels: dict) -> list:
    if by == "month":
        return sorted(keys)
    if by == "programme":
        rank = {value: i for i, value in enumerate(Programme.values)}
        return sorted(keys, key=lambda key: (key is None, rank.get(key, 99), str(key)))
    return sorted(keys, key=lambda key: (key is None, str(labels.get(key, ""))))


def _label(by: str, key, labels: dict) -> str:
    if key is None:
        return str(_("no partner") if by == "partner" else NOT_STATED)
    return str(labels.get(key, key))


def _month_key(value):
    """A month as TruncMonth returns it (a date, or a date and time on some databases) → its first day."""
    if isinstance(value, datetime):
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value.replace(day=1) if value else None


# -- the funnel --------------------------------------------------------------------------------


@dataclass
class Funnel:
    """How far the files started in ``period`` went, territory by territory.

    ``table`` rows are the steps' keys, its columns the territories' ids; each row's total is the
    step's count over the reader's whole scope. Every figure is published through ``suppress``.
    """

    period: Period
    steps: list[Step]
    territories: list[tuple]  # (id, name)
    table: Table

    def totals(self) -> list[tuple[Step, Cell]]:
        return [(step, self.table.row_totals[step.key]) for step in self.steps]

    def rows(self) -> list[tuple[Step, list[Cell], Cell]]:
        return [
            (step, [self.table.cell(step.key, key) for key, _name in self.territories], self.table.row_totals[step.key])
            for step in self.steps
        ]


def funnel(user, *, period: Period, filters: Filters = NO_FILTERS, by: str | None = None) -> Funnel:
    """The funnel of the files ``user`` sees that were started within ``period``, split ``by``
    ``"department"`` or ``"region"`` (by default: :func:`grouping_for`). One query."""
    by = by or grouping_for(user)
    _fresh()
    with replica_reads():
        found = list(
            _files(user, filters)
            .filter(period.between("created_at", moment=True))
            .annotate(_where=_key(by), _step=_furthest_step())
            .values("_where", "_step")
            .annotate(n=Count("pk"))
            .order_by()
        )
        labels = _labels(by, {row["_where"] for row in found})
    keys = _order(by, {row["_where"] for row in found}, labels)
    # A handful of aggregated rows: how many files of each territory stopped at each step; a
    # file counts in every step up to its furthest, which suppress_nested adds up.
    stopped = {(FUNNEL[row["_step"]].key, row["_where"]): row["n"] for row in found}
    table = suppress_nested(stopped, [step.key for step in FUNNEL], keys)
    return Funnel(period, list(FUNNEL), [(key, _label(by, key, labels)) for key in keys], table)


# -- times between steps ---------------------------------------------------------------------


@dataclass(frozen=True)
class Measure:
    """Days between two steps over ``people`` files or pairings: the median and the 90th
    percentile, None (withheld) when they were fewer than :data:`THRESHOLD`."""

    people: int
    median: float | None
    p90: float | None

    @property
    def withheld(self) -> bool:
        return self.people < THRESHOLD

    @classmethod
    def of(cls, people, median, p90) -> Measure:
        people = people or 0
        if people < THRESHOLD:
            return cls(people, None, None)
        return cls(people, median, p90)

    @property
    def count(self) -> Cell:
        """How many people the measure is about, as it may be published."""
        return Cell(self.people) if self.people >= THRESHOLD else Cell(None, small=True)


@dataclass(frozen=True)
class StepTime:
    key: str
    label: str
    windows: dict  # window key -> Measure

    @property
    def measures(self) -> list[Measure]:
        """The measures in the order of the windows."""
        return list(self.windows.values())


#: The windows the times between steps are measured over, by the day the later step happened.
WINDOWS = {"30d": _("last 30 days"), "12m": _("last 12 months")}

# (key, label, start, end, which): the start and the end of each measure; "file" measures are
# computed on files, "pairing" ones on pairings.
STEP_TIMES = [
    ("sent_review", _("From sending to the start of the review"), "submitted_at", "review_at", "file"),
    ("review_approved", _("From the start of the review to approval"), "review_at", "approved_at", "file"),
    ("sent_approved", _("From sending to approval"), "submitted_at", "approved_at", "file"),
    ("approved_proposed", _("From approval to the proposal of a pairing"), "approved_at", "proposed_at", "file"),
    ("sent_proposed", _("From sending to the proposal of a pairing"), "submitted_at", "proposed_at", "file"),
    ("sent_signed", _("From sending to the signed convention"), "submitted_at", "signed_at", "file"),
    ("proposed_signed", _("From the proposal to the signed convention"), "created_at", "signed_at", "pairing"),
    (
        "signed_active",
        _("From the signed convention to living together under it"),
        "signed_at",
        "active_since",
        "pairing",
    ),
    ("active_ended", _("Length of the stay, to its end"), "moved_in_on", "ended_on", "pairing"),
]


def _measures(queryset: QuerySet, steps: list, windows: dict[str, Period], moment_of) -> dict:
    """One aggregate query: for each step and window, how many, the median and the 90th percentile."""
    aggregates = {}
    for key, _label, start, end, _which in steps:
        days = DaysBetween(F(start), F(end))
        for window, period in windows.items():
            when = period.between(end, moment=moment_of(end)) & Q(**{f"{start}__isnull": False})
            aggregates[f"{key}__{window}__n"] = Count("pk", filter=when)
            aggregates[f"{key}__{window}__median"] = Percentile(days, 0.5, filter=when)
            aggregates[f"{key}__{window}__p90"] = Percentile(days, 0.9, filter=when)
    return queryset.aggregate(**aggregates) if aggregates else {}


_DATE_ONLY = {"active_since", "moved_in_on", "ended_on"}


def _moment_of(name: str) -> bool:
    return name not in _DATE_ONLY


def step_times(
    user, *, filters: Filters = NO_FILTERS, today: date | None = None, windows: dict[str, Period] | None = None
) -> list[StepTime]:
    """The days between the steps, median and 90th percentile, over the last 30 days and the last 12
    months (by the day of the later step), for the files and pairings ``user`` sees. Two queries."""
    windows = windows or {"30d": Period.last_days(30, today), "12m": Period.last_months(12, today)}
    file_steps = [step for step in STEP_TIMES if step[4] == "file"]
    pairing_steps = [step for step in STEP_TIMES if step[4] == "pairing"]
    _fresh()
    with replica_reads():
        found = _measures(_files(user, filters), file_steps, windows, _moment_of)
        found |= _measures(_pairings(user, filters), pairing_steps, windows, _moment_of)
    return [
        StepTime(
            key,
            str(label),
            {
                window: Measure.of(
                    found[f"{key}__{window}__n"], found[f"{key}__{window}__median"], found[f"{key}__{window}__p90"]
                )
                for window in windows
            },
        )
        for key, label, _start, _end, _which in STEP_TIMES
    ]


# -- the statistics --------------------------------------------------------------------------


@dataclass(frozen=True)
class Metric:
    key: str
    label: str
    kind: str  # "count", "days" or "rate"
    help: str = ""


METRICS = [
    Metric("pairs_created", _("Pairs formed"), "count", _("pairs who moved in together")),
    Metric("young_people", _("Young people accompanied"), "count", _("guests living in a pair")),
    Metric("seniors", _("Seniors hosting"), "count", _("hosts living in a pair")),
    Metric("days_to_approval", _("Days from sending to approval"), "days", _("median")),
    Metric("days_to_pairing", _("Days from sending to the proposal"), "days", _("median, from the guest's file")),
    Metric("days_to_signature", _("Days from sending to the signature"), "days", _("median, from the guest's file")),
    Metric("acceptance_rate", _("Proposals accepted"), "rate", _("of the proposals answered")),
    Metric("early_ending_rate", _("Stays ended early"), "rate", _("of the stays that ended")),
    Metric("length_of_stay", _("Length of the stay in days"), "days", _("median, of the stays that ended")),
]


@dataclass(frozen=True)
class Rate:
    """``part`` of ``whole``, withheld (None) when ``whole`` is under :data:`THRESHOLD`."""

    part: int
    whole: int

    @property
    def value(self) -> float | None:
        if self.whole < THRESHOLD:
            return None
        return self.part / self.whole


@dataclass
class Statistics:
    """The statistics of ``period`` split ``by`` a dimension: ``rows`` are (key, label); counts are
    suppressed one-column tables (``counts[metric].cell(row, "n")``), days are :class:`Measure`,
    rates :class:`Rate`."""

    by: str
    period: Period
    rows: list[tuple]
    counts: dict = field(default_factory=dict)
    days: dict = field(default_factory=dict)
    rates: dict = field(default_factory=dict)
    metrics: list[Metric] = field(default_factory=lambda: list(METRICS))

    @property
    def by_label(self) -> str:
        return str(DIMENSIONS[self.by])

    def value(self, metric: str, row):
        """What a cell shows: a :class:`Cell` for a count, a :class:`Measure` or a :class:`Rate`."""
        if metric in self.counts:
            table = self.counts[metric]
            return table.cells.get((row, "n"), Cell(None, small=True))
        if metric in self.days:
            return self.days[metric].get(row, Measure(0, None, None))
        return self.rates[metric].get(row, Rate(0, 0))

    def series(self, metric: str) -> list[tuple[str, Cell]]:
        """(label, published cell) of a count, row by row: what a chart draws."""
        return [(label, self.value(metric, key)) for key, label in self.rows]


def _split(queryset: QuerySet, by: str, when: str) -> QuerySet:
    key = TruncMonth(when) if by == "month" else _key(by)
    return queryset.annotate(_row=key).values("_row").order_by()


def _days(days) -> dict:
    return {
        "n": Count("pk"),
        "median": Percentile(days, 0.5),
        "p90": Percentile(days, 0.9),
    }


def statistics(user, *, by: str, period: Period, filters: Filters = NO_FILTERS) -> Statistics:
    """The programme's statistics over ``period`` for ``user``'s scope, split ``by`` one of
    :data:`DIMENSIONS`. Each metric family is one ``values().annotate()`` query (seven in all).

    Pairs formed: pairings whose pair moved in during the period. Young people accompanied and
    seniors hosting: guests and hosts living in a pair at some time of the period (by month: each
    month they lived in one). Days from sending to approval: files approved in the period; to the
    proposal and to the signature: from the guest's file, for pairings proposed or signed in the
    period. Proposals accepted: of the proposals of the period both answered or one declined.
    Stays ended early and their length: of the stays that ended in the period.
    """
    if by not in DIMENSIONS:
        raise ValueError(by)
    rows_found: dict[str, dict] = {}
    _fresh()
    with replica_reads():
        files = _files(user, filters)
        pairings = _pairings(user, filters)
        rows_found["approval"] = {
            row["_row"]: row
            for row in _split(
                files.filter(submitted_at__isnull=False).filter(period.between("approved_at", moment=True)),
                by,
                "approved_at",
            ).annotate(**_days(DaysBetween(F("submitted_at"), F("approved_at"))))
        }
        proposed = pairings.filter(period.between("created_at", moment=True))
        answered = Q(accepted=True) | Q(state=PairingState.DECLINED)
        rows_found["proposals"] = {
            row["_row"]: row
            for row in _split(proposed, by, "created_at").annotate(
                answered=Count("pk", filter=answered),
                accepted=Count("pk", filter=Q(accepted=True)),
                **_days(DaysBetween(F("guest_submitted_at"), F("created_at"))),
            )
        }
        rows_found["moved_in"] = {
            row["_row"]: row
            for row in _split(pairings.filter(period.between("moved_in_on", moment=False)), by, "moved_in_on").annotate(
                n=Count("pk")
            )
        }
        signed = pairings.filter(period.between("signed_at", moment=True))
        rows_found["signed"] = {
            row["_row"]: row
            for row in _split(signed, by, "signed_at").annotate(
                **_days(DaysBetween(F("guest_submitted_at"), F("signed_at")))
            )
        }
        ended = pairings.filter(state__in=PARTED_STATES).filter(period.between("ended_on", moment=False))
        rows_found["ended"] = {
            row["_row"]: row
            for row in _split(ended, by, "ended_on").annotate(
                early=Count("pk", filter=Q(state=PairingState.TERMINATED)),
                **_days(DaysBetween(F("moved_in_on"), F("ended_on"))),
            )
        }
        living = pairings.filter(moved_in_on__isnull=False).filter(period.overlaps("moved_in_on", "ended_on"))
        if by == "month":
            aggregates = {}
            for month in period.months():
                within = Period(max(month, period.start), min(_add_months(month, 1), period.end))
                overlap = within.overlaps("moved_in_on", "ended_on")
                aggregates[f"guests_{month:%Y%m}"] = Count("guest_id", distinct=True, filter=overlap)
                aggregates[f"hosts_{month:%Y%m}"] = Count("host_id", distinct=True, filter=overlap)
            totals = living.aggregate(**aggregates) if aggregates else {}
            rows_found["living"] = {
                month: {"guests": totals[f"guests_{month:%Y%m}"], "hosts": totals[f"hosts_{month:%Y%m}"]}
                for month in period.months()
            }
        else:
            rows_found["living"] = {
                row["_row"]: row
                for row in living.annotate(_row=_key(by))
                .values("_row")
                .order_by()
                .annotate(guests=Count("guest_id", distinct=True), hosts=Count("host_id", distinct=True))
            }
        if by == "month":
            for name, found in rows_found.items():
                if name != "living":
                    rows_found[name] = {_month_key(key): row for key, row in found.items()}
            keys = set(period.months())
        else:
            keys = set().union(*(found.keys() for found in rows_found.values()))
        labels = _labels(by, keys)
    keys = _order(by, keys, labels)

    def counts(family: str, name: str) -> Table:
        return suppress({(key, "n"): row[name] for key, row in rows_found[family].items() if key in keys}, keys, ["n"])

    def days(family: str) -> dict:
        return {key: Measure.of(row["n"], row["median"], row["p90"]) for key, row in rows_found[family].items()}

    def rates(family: str, part: str, whole: str) -> dict:
        return {key: Rate(row[part], row[whole]) for key, row in rows_found[family].items()}

    return Statistics(
        by=by,
        period=period,
        rows=[(key, _label(by, key, labels)) for key in keys],
        counts={
            "pairs_created": counts("moved_in", "n"),
            "young_people": counts("living", "guests"),
            "seniors": counts("living", "hosts"),
        },
        days={
            "days_to_approval": days("approval"),
            "days_to_pairing": days("proposals"),
            "days_to_signature": days("signed"),
            "length_of_stay": days("ended"),
        },
        rates={
            "acceptance_rate": rates("proposals", "accepted", "answered"),
            "early_ending_rate": rates("ended", "early", "n"),
        },
    )


# -- pages' bundles ----------------------------------------------------------------------------


@dataclass
class Overview:
    """What the statistics' home page shows for a reader: the funnel with the territories side by
    side, the times between steps, and the pairs formed month by month."""

    period: Period
    funnel: Funnel
    times: list[StepTime]
    months: Statistics

    @cached_property
    def windows(self) -> list[tuple[str, str]]:
        return [(key, str(label)) for key, label in WINDOWS.items()]


def overview(user, *, period: Period | None = None, filters: Filters = NO_FILTERS, by: str | None = None) -> Overview:
    """The reader's overview: their territories side by side (regions for the whole country)."""
    period = period or Period.last_months(12)
    return Overview(
        period=period,
        funnel=funnel(user, period=period, filters=filters, by=by),
        times=step_times(user, filters=filters, today=period.end - timedelta(days=1)),
        months=statistics(user, by="month", period=period, filters=filters),
    )


def national_overview(user, *, period: Period | None = None, filters: Filters = NO_FILTERS) -> Overview:
    """The whole country of a national officer (every country for a superuser), regions side by
    side: figures only, no name and no address."""
    return overview(user, period=period, filters=filters, by="region")


@dataclass
class MonthlyReport:
    """One month's figures: the statistics by territory, the funnel of the files started that
    month, and the times between steps of the month and of the twelve months before its end."""

    month: date
    period: Period
    by_territory: Statistics
    funnel: Funnel
    times: list[StepTime]

    @property
    def previous_month(self) -> date:
        return _add_months(self.month, -1)

    @property
    def next_month(self) -> date:
        return _add_months(self.month, 1)


def monthly_report(user, *, month: date, filters: Filters = NO_FILTERS, by: str | None = None) -> MonthlyReport:
    """The figures of the month of ``month`` for ``user``'s scope."""
    period = Period.month(month)
    by = by or grouping_for(user)
    return MonthlyReport(
        month=period.start,
        period=period,
        by_territory=statistics(user, by=by, period=period, filters=filters),
        funnel=funnel(user, period=period, filters=filters, by=by),
        # The month's own times; those of the last 30 days and 12 months are on the overview.
        times=step_times(user, filters=filters, windows={"month": period}),
    )
