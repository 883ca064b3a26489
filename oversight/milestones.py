"""What each file and each pairing went through, one narrow row each, for the figures.

The statistics read these two tables rather than the files, their transitions, the pairings and
the conventions themselves: a file's moments (sent, first reviewed, approved, first proposed,
signed, moved in, parted) are worked out once, when the file changes, instead of by several
searches per file in every figure. Each row also keeps the territory, region and country the
access rules scope by (:func:`workflow.access.file_scope`), the guest's programme and partner,
so that a figure is one pass over one table.

The rows are written by one ``INSERT … SELECT`` that the ORM composes (the same on SQLite and
PostgreSQL): :func:`milestones_refresh` rewrites the rows of what changed since the last
refresh (files saved, transitions, pairings proposed, conventions sealed) and runs every few
minutes in the background; :func:`milestones_rebuild` rewrites everything (nightly, and after a
bulk load). The figures refresh first when the last refresh is older than
``OVERSIGHT_FIGURES_MAX_AGE_SECONDS``, and say how fresh they are.
"""

from __future__ import annotations

import time
from datetime import datetime

from django.conf import settings
from django.db import connection, models, transaction
from django.db.models import Case, F, OuterRef, Q, Subquery, Value, When
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from documents.models import Convention
from pairings.enums import PairingState
from pairings.models import Pairing, PairingTransitionLog
from workflow.enums import ApplicationState
from workflow.models import Application, ApplicationTransitionLog

#: States a file reaches once the association has started reviewing it (on the straight path).
REVIEWED_STATES = [
    ApplicationState.IN_REVIEW,
    ApplicationState.INTERVIEW_SCHEDULED,
    ApplicationState.HOME_VISIT_DONE,
    ApplicationState.APPROVED,
]
#: Pairings that have come to their end (planned or early).
PARTED_STATES = [PairingState.ENDED, PairingState.TERMINATED]


class FileMilestone(models.Model):
    """One file's moments, with where it lies: written by :func:`milestones_refresh` only."""

    application = models.OneToOneField(
        "workflow.Application", primary_key=True, on_delete=models.CASCADE, related_name="+", db_constraint=False
    )
    kind = models.CharField(max_length=10)
    territory_id = models.BigIntegerField(db_index=True)
    region_id = models.BigIntegerField()
    country_id = models.BigIntegerField()
    programme = models.CharField(max_length=20, blank=True)
    partner_id = models.BigIntegerField(null=True)
    #: A draft whose address is not confirmed: nobody sees it yet.
    unconfirmed_draft = models.BooleanField()
    created_at = models.DateTimeField(db_index=True)
    submitted_at = models.DateTimeField(null=True)
    reviewed = models.BooleanField()
    review_at = models.DateTimeField(null=True)
    approved = models.BooleanField()
    approved_at = models.DateTimeField(null=True)
    proposed_at = models.DateTimeField(null=True)
    signed_at = models.DateTimeField(null=True)
    active_since = models.DateField(null=True)
    parted = models.BooleanField()

    class Meta:
        verbose_name = _("file's milestones")
        verbose_name_plural = _("files' milestones")
        default_permissions = ()

    def __str__(self) -> str:
        return f"application:{self.application_id}"


class PairingMilestone(models.Model):
    """One pairing's moments, with its host's territory and its guest's programme and partner."""

    pairing = models.OneToOneField(
        "pairings.Pairing", primary_key=True, on_delete=models.CASCADE, related_name="+", db_constraint=False
    )
    host_id = models.BigIntegerField()
    guest_id = models.BigIntegerField()
    state = models.CharField(max_length=30)
    #: Where the pair lives: the host's department, region and country.
    territory_id = models.BigIntegerField(db_index=True)
    region_id = models.BigIntegerField()
    country_id = models.BigIntegerField()
    guest_territory_id = models.BigIntegerField()
    guest_country_id = models.BigIntegerField()
    programme = models.CharField(max_length=20, blank=True)
    partner_id = models.BigIntegerField(null=True)
    guest_submitted_at = models.DateTimeField(null=True)
    created_at = models.DateTimeField()
    accepted = models.BooleanField()
    signed_at = models.DateTimeField(null=True)
    moved_in_on = models.DateField(null=True)
    active_since = models.DateField(null=True)
    ended_on = models.DateField(null=True)

    class Meta:
        verbose_name = _("pairing's milestones")
        verbose_name_plural = _("pairings' milestones")
        default_permissions = ()

    def __str__(self) -> str:
        return f"pairing:{self.pairing_id}"


class MilestonesRefresh(models.Model):
    """When the milestones were last brought up to date (one row)."""

    refreshed_at = models.DateTimeField()
    rebuilt_at = models.DateTimeField(null=True)

    class Meta:
        default_permissions = ()

    def __str__(self) -> str:
        return f"{self.refreshed_at:%Y-%m-%d %H:%M}"


def _first_sealed(pairing_ref: str) -> Subquery:
    return Subquery(
        Convention.objects.filter(pairing=OuterRef(pairing_ref), sealed_at__isnull=False)
        .order_by("sealed_at")
        .values("sealed_at")[:1]
    )


def _file_rows(applications) -> tuple[list[str], models.QuerySet]:
    """The columns of :class:`FileMilestone` and the query that computes them, in that order.

    Each search about a file (its transitions, its pairings as host and as guest, their
    conventions) goes through an index on the file's id.
    """
    logs = ApplicationTransitionLog.objects.filter(application=OuterRef("pk")).order_by("created_at")
    hosting = Pairing.objects.filter(host=OuterRef("pk"))
    guesting = Pairing.objects.filter(guest=OuterRef("pk"))

    def first(field: str, filtered: Q | None = None):
        """The earliest ``field`` among the file's pairings (``filtered``)."""

        def of(pairings):
            return Subquery(pairings.filter(filtered or Q()).order_by(field).values(field)[:1])

        return Coalesce(of(hosting), of(guesting))

    def any_pairing(filtered: Q | None = None) -> Q:
        filtered = filtered or Q()
        return Q(models.Exists(hosting.filter(filtered))) | Q(models.Exists(guesting.filter(filtered)))

    def flag(condition: Q):
        return Case(When(condition, then=Value(True)), default=Value(False), output_field=models.BooleanField())

    sealed = Convention.objects.filter(sealed_at__isnull=False).order_by("sealed_at")
    approved = Q(state=ApplicationState.APPROVED) | Q(models.Exists(logs.filter(to_state=ApplicationState.APPROVED)))
    # A file proposed for a pairing was approved, whatever its state is now.
    approved |= any_pairing()
    columns = {
        "application_id": F("pk"),
        "kind": F("kind"),
        "territory_id": F("territory_id"),
        "region_id": Coalesce(F("territory__parent_id"), F("territory_id")),
        "country_id": F("country_id"),
        "programme": Coalesce(KeyTextTransform("programme", "answers"), Value(""), output_field=models.CharField()),
        "partner_id": F("referred_by_id"),
        "unconfirmed_draft": flag(Q(state=ApplicationState.DRAFT, email_confirmed_at__isnull=True)),
        "created_at": F("created_at"),
        "submitted_at": F("submitted_at"),
        "reviewed": flag(
            Q(state__in=REVIEWED_STATES) | Q(models.Exists(logs.filter(to_state=ApplicationState.IN_REVIEW)))
        ),
        "review_at": Subquery(logs.filter(to_state=ApplicationState.IN_REVIEW).values("created_at")[:1]),
        "approved": flag(approved),
        "approved_at": Case(When(approved, then=F("decided_at")), default=None),
        "proposed_at": first("created_at"),
        "signed_at": Coalesce(
            Subquery(sealed.filter(pairing__host=OuterRef("pk")).values("sealed_at")[:1]),
            Subquery(sealed.filter(pairing__guest=OuterRef("pk")).values("sealed_at")[:1]),
        ),
        "active_since": first("active_since", Q(active_since__isnull=False)),
        "parted": flag(any_pairing(Q(state__in=PARTED_STATES))),
    }
    query = applications.order_by().annotate(**{f"_m_{name}": value for name, value in columns.items()})
    return list(columns), query.values_list(*(f"_m_{name}" for name in columns))


def _pairing_rows(pairings) -> tuple[list[str], models.QuerySet]:
    columns = {
        "pairing_id": F("pk"),
        "host_id": F("host_id"),
        "guest_id": F("guest_id"),
        "state": F("state"),
        "territory_id": F("host__territory_id"),
        "region_id": Coalesce(F("host__territory__parent_id"), F("host__territory_id")),
        "country_id": F("host__country_id"),
        "guest_territory_id": F("guest__territory_id"),
        "guest_country_id": F("guest__country_id"),
        "programme": Coalesce(
            KeyTextTransform("programme", "guest__answers"), Value(""), output_field=models.CharField()
        ),
        "partner_id": F("guest__referred_by_id"),
        "guest_submitted_at": F("guest__submitted_at"),
        "created_at": F("created_at"),
        "accepted": Case(
            When(host_accepted_at__isnull=False, guest_accepted_at__isnull=False, then=Value(True)),
            default=Value(False),
            output_field=models.BooleanField(),
        ),
        "signed_at": _first_sealed("pk"),
        "moved_in_on": F("moved_in_on"),
        "active_since": F("active_since"),
        "ended_on": F("ended_on"),
    }
    query = pairings.order_by().annotate(**{f"_m_{name}": value for name, value in columns.items()})
    return list(columns), query.values_list(*(f"_m_{name}" for name in columns))


def _write(model, columns: list[str], query) -> None:
    sql, params = query.query.sql_with_params()
    quoted = ", ".join(connection.ops.quote_name(column) for column in columns)
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {connection.ops.quote_name(model._meta.db_table)} ({quoted}) {sql}", params)


#: Rows rewritten per statement when only some changed (within every database's parameter limit).
CHUNK = 900


def _delete(model, column: str, ids=None) -> None:
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor:
        if ids is None:
            cursor.execute(f"DELETE FROM {table}")  # noqa: S608 - names from the model, no input
            return
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start : start + CHUNK]
            marks = ", ".join(["%s"] * len(chunk))
            cursor.execute(f"DELETE FROM {table} WHERE {connection.ops.quote_name(column)} IN ({marks})", chunk)  # noqa: S608


def _rewrite(application_ids=None, pairing_ids=None) -> None:
    """Rewrite the rows of these files and pairings (None: all of them)."""
    for model, column, rows, source, ids in (
        (FileMilestone, "application_id", _file_rows, Application.objects.all(), application_ids),
        (PairingMilestone, "pairing_id", _pairing_rows, Pairing.objects.all(), pairing_ids),
    ):
        if ids is None:
            _delete(model, column)
            _write(model, *rows(source))
            continue
        ids = sorted(ids)
        _delete(model, column, ids)
        for start in range(0, len(ids), CHUNK):
            _write(model, *rows(source.filter(pk__in=ids[start : start + CHUNK])))


def _mark(moment: datetime, *, rebuilt: bool) -> None:
    updated = MilestonesRefresh.objects.filter(pk=1).update(
        refreshed_at=moment, **({"rebuilt_at": moment} if rebuilt else {})
    )
    if not updated:
        MilestonesRefresh.objects.create(pk=1, refreshed_at=moment, rebuilt_at=moment if rebuilt else None)


def milestones_rebuild() -> None:
    """Rewrite every row (nightly, and after a bulk load)."""
    moment = timezone.now()
    with transaction.atomic():
        _rewrite()
        _mark(moment, rebuilt=True)


def _changed_since(since: datetime) -> tuple[set[int], set[int]]:
    """The files and pairings whose moments may have changed since ``since``."""
    pairing_ids = set(Pairing.objects.filter(created_at__gte=since).values_list("pk", flat=True))
    pairing_ids |= set(PairingTransitionLog.objects.filter(created_at__gte=since).values_list("pairing", flat=True))
    pairing_ids |= set(Convention.objects.filter(sealed_at__gte=since).values_list("pairing", flat=True))
    application_ids = set(Application.objects.filter(updated_at__gte=since).values_list("pk", flat=True))
    application_ids |= set(
        ApplicationTransitionLog.objects.filter(created_at__gte=since).values_list("application", flat=True)
    )
    for host, guest in Pairing.objects.filter(pk__in=pairing_ids).values_list("host", "guest"):
        application_ids |= {host, guest}
    # A file's territory or answers change its pairings' rows too.
    pairing_ids |= set(
        Pairing.objects.filter(Q(host__in=application_ids) | Q(guest__in=application_ids)).values_list("pk", flat=True)
    )
    return application_ids, pairing_ids


def milestones_refresh() -> None:
    """Rewrite the rows of what changed since the last refresh (everything the first time)."""
    moment = timezone.now()
    with transaction.atomic():
        last = MilestonesRefresh.objects.select_for_update().filter(pk=1).first()
        if last is None:
            _rewrite()
            _mark(moment, rebuilt=True)
            return
        application_ids, pairing_ids = _changed_since(last.refreshed_at)
        if application_ids or pairing_ids:
            _rewrite(application_ids=application_ids, pairing_ids=pairing_ids)
        _mark(moment, rebuilt=False)


def figures_as_of() -> datetime | None:
    """When the figures were last brought up to date, refreshing them first when that is older
    than ``OVERSIGHT_FIGURES_MAX_AGE_SECONDS`` (0: rewritten on every read, for the tests)."""
    global _last_seen
    max_age = getattr(settings, "OVERSIGHT_FIGURES_MAX_AGE_SECONDS", 300)
    if max_age <= 0:
        milestones_rebuild()
        return timezone.now()
    seen_at, last = _last_seen
    if last is not None and time.monotonic() - seen_at < RECHECK_SECONDS:
        return last  # a page asks several times: once is enough
    last = MilestonesRefresh.objects.filter(pk=1).values_list("refreshed_at", flat=True).first()
    if last is None or (timezone.now() - last).total_seconds() >= max_age:
        milestones_refresh()
        last = MilestonesRefresh.objects.values_list("refreshed_at", flat=True).get(pk=1)
    _last_seen = (time.monotonic(), last)
    return last


#: Within a process, the freshness is checked again after this many seconds at most.
RECHECK_SECONDS = 5
_last_seen: tuple[float, datetime | None] = (0.0, None)
