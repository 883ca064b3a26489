"""How fast the oversight screens and the large export are on a programme at national scale.

What it measures: a throw-away database (PostgreSQL on 127.0.0.1:5432 when it answers, SQLite
otherwise; ``DATABASE_URL`` when set) filled by this script with one country of 13 regions and
96 departments, each with its association and each region its pension office, then 100,000
applications (hosts and guests, every state, sent over two years, with their transitions) and
30,000 pairings of the approved files (every state, with their transitions, moving-in and end
dates and their sealed conventions). A progress bar shows the filling.

Then, as a national officer signed in to the back office (second factor verified), through the
whole Django stack (middleware, views, templates):

- the national dashboard (the back office's home page) and the statistics page, five times each
  after one warm-up, the median time and the number of SQL queries of each;
- the monthly report of the last complete month, the same way;
- the XLSX export of every file the officer sees, built as the background task builds it.

It prints each figure, then the goals (dashboard and monthly report under 500 ms with at most
30 queries each; the 100,000-row XLSX export under 60 s) and, as its very last line, one JSON
object ``{"applications": …, "pairings": …, "national_ms": …, "statistics_ms": …,
"report_ms": …, "queries": …, "export_s": …, "export_rows": …, "database": …}``
(``queries``: the most any of the three pages made). It exits non-zero when a page does not
answer 200 or the export's row count is wrong.

Run from the repository's top folder::

    .venv/bin/python bench/dashboard.py [--applications 100000] [--pairings 30000] [--quick]

``--quick`` (CI) fills 2,000 applications and 600 pairings and does not judge the goals: it
shows that the filling, the pages and the export still work.
"""

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "site")]

GOAL_MS = 500
GOAL_QUERIES = 30
GOAL_EXPORT_S = 60
RUNS = 5
BATCH = 5000


def postgres_database(name: str) -> str | None:
    """A fresh database on 127.0.0.1:5432 (user postgres), or None when PostgreSQL does not answer."""
    if not shutil.which("psql"):
        return None
    base = ["psql", "-h", "127.0.0.1", "-U", "postgres", "-v", "ON_ERROR_STOP=1", "-qc"]
    try:
        subprocess.run([*base, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'], check=True, capture_output=True)
        subprocess.run([*base, f'CREATE DATABASE "{name}"'], check=True, capture_output=True)
    except (subprocess.CalledProcessError, OSError):
        return None
    return f"postgres://postgres@127.0.0.1:5432/{name}"


def drop_postgres_database(name: str) -> None:
    subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-qc", f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'],
        capture_output=True,
    )


class Progress:
    """A progress bar on stderr: ``label [#####     ] 52,000/100,000``."""

    def __init__(self, label: str, total: int):
        self.label, self.total, self.done, self.started = label, total, 0, time.perf_counter()
        self.draw()

    def add(self, n: int) -> None:
        self.done += n
        self.draw()

    def draw(self) -> None:
        width = 30
        filled = width * self.done // max(self.total, 1)
        sys.stderr.write(
            f"\r{self.label:<24} [{'#' * filled}{' ' * (width - filled)}] {self.done:,}/{self.total:,}"
            f" {time.perf_counter() - self.started:5.1f} s"
        )
        if self.done >= self.total:
            sys.stderr.write("\n")
        sys.stderr.flush()


def bulk(model, objects: list, progress: Progress | None = None) -> list:
    made = []
    for start in range(0, len(objects), BATCH):
        chunk = objects[start : start + BATCH]
        made.extend(model.objects.bulk_create(chunk, batch_size=BATCH))
        if progress:
            progress.add(len(chunk))
    return made


def fill(n_applications: int, n_pairings: int, now: datetime) -> dict:
    """The programme of one country, as described in the module's docstring."""
    from django.contrib.auth import get_user_model

    from documents.models import Convention
    from pairings.enums import LIVE_STATES, PairingState
    from pairings.models import Pairing, PairingTransitionLog
    from workflow.answers import Programme
    from workflow.enums import ApplicationState, OrganisationKind, StaffRole, TerritoryLevel
    from workflow.models import (
        Application,
        ApplicationTransitionLog,
        Country,
        Organisation,
        Person,
        StaffMembership,
        Territory,
    )

    rng = random.Random(2026)
    country, _ = Country.objects.get_or_create(code="FR", defaults={"name": "France"})
    national = Organisation.objects.create(kind=OrganisationKind.NATIONAL_BODY, name="CNAV", country=country)
    regions, departments = [], []
    for r in range(13):
        office = Organisation.objects.create(
            kind=OrganisationKind.PENSION_OFFICE, name=f"CARSAT {r + 1}", country=country
        )
        region = Territory.objects.create(
            country=country,
            level=TerritoryLevel.REGION,
            code=f"R{r + 1:02d}",
            name=f"Région {r + 1}",
            pension_office=office,
        )
        regions.append(region)
    for d in range(96):
        association = Organisation.objects.create(
            kind=OrganisationKind.ASSOCIATION, name=f"Association {d + 1}", country=country
        )
        department = Territory.objects.create(
            country=country,
            level=TerritoryLevel.DEPARTMENT,
            code=f"{d + 1:02d}",
            name=f"Département {d + 1}",
            parent=regions[d % 13],
        )
        department.associations.add(association)
        departments.append(department)
    User = get_user_model()
    officer = User.objects.create_user("national.officer", "officer@example.org", "bench-password-0000")
    StaffMembership.objects.create(user=officer, organisation=national, role=StaffRole.NATIONAL_OFFICER)
    staff = User.objects.create_user("advisor", "advisor@example.org", "bench-password-0000")

    # Auto-dated fields take the dates of the history instead of today's.
    for field in ("created_at", "updated_at"):
        model_field = Application._meta.get_field(field)
        model_field.auto_now_add = model_field.auto_now = False

    states = [
        (ApplicationState.DRAFT, 8),
        (ApplicationState.SUBMITTED, 5),
        (ApplicationState.IN_REVIEW, 7),
        (ApplicationState.INTERVIEW_SCHEDULED, 3),
        (ApplicationState.HOME_VISIT_DONE, 2),
        (ApplicationState.APPROVED, 52),
        (ApplicationState.REJECTED, 9),
        (ApplicationState.WITHDRAWN, 10),
        (ApplicationState.ARCHIVED, 4),
    ]
    names, weights = zip(*states, strict=True)
    programmes = list(Programme.values)
    persons = bulk(
        Person,
        [Person(email=f"p{i}@example.org", language="fr") for i in range(n_applications)],
        Progress("people", n_applications),
    )
    applications, logs = [], []
    for i, person in enumerate(persons):
        kind = "host" if i % 10 < 3 else "guest"
        state = rng.choices(names, weights)[0]
        created = now - timedelta(days=rng.uniform(1, 730))
        sent = None if state == ApplicationState.DRAFT else created + timedelta(days=rng.uniform(0, 10))
        decided = (
            sent + timedelta(days=rng.uniform(5, 60))
            if state in (ApplicationState.APPROVED, ApplicationState.REJECTED, ApplicationState.ARCHIVED)
            else None
        )
        if decided and decided > now:
            decided = now - timedelta(hours=1)
        applications.append(
            Application(
                kind=kind,
                state=state,
                country=country,
                territory=departments[i % 96],
                person=person,
                first_name=f"Prénom{i}",
                last_name=f"Nom{i}",
                email=person.email,
                birth_date=date(1950 if kind == "host" else 2003, 1 + i % 12, 1 + i % 28),
                language="fr",
                answers={"programme": rng.choice(programmes)} if kind == "guest" else {},
                email_confirmed_at=created,
                consented_at=created,
                created_at=created,
                updated_at=decided or sent or created,
                submitted_at=sent,
                state_changed_at=decided or sent or created,
                decided_at=decided,
            )
        )
    applications = bulk(Application, applications, Progress("applications", n_applications))
    for application in applications:
        sent, decided = application.submitted_at, application.decided_at
        if sent is None:
            continue
        logs.append(
            ApplicationTransitionLog(
                application=application,
                action="application.submitted",
                from_state="draft",
                to_state="submitted",
                created_at=sent,
            )
        )
        if application.state in (ApplicationState.SUBMITTED, ApplicationState.WITHDRAWN):
            continue
        review = sent + timedelta(days=rng.uniform(0, 5))
        logs.append(
            ApplicationTransitionLog(
                application=application,
                action="application.review_started",
                from_state="submitted",
                to_state="in_review",
                user=staff,
                created_at=review,
            )
        )
        if decided is not None:
            to_state = "rejected" if application.state == ApplicationState.REJECTED else "approved"
            logs.append(
                ApplicationTransitionLog(
                    application=application,
                    action=f"application.{to_state}",
                    from_state="in_review",
                    to_state=to_state,
                    user=staff,
                    created_at=max(decided, review),
                )
            )
    bulk(ApplicationTransitionLog, logs, Progress("files' transitions", len(logs)))

    hosts = [a for a in applications if a.kind == "host" and a.state == ApplicationState.APPROVED]
    guests = [a for a in applications if a.kind == "guest" and a.state == ApplicationState.APPROVED]
    rng.shuffle(hosts)
    rng.shuffle(guests)
    n_pairings = min(n_pairings, len(guests))
    # The straight path: every live state in order, then the planned end.
    path = [*LIVE_STATES, PairingState.ENDED]
    finals = [
        (PairingState.DECLINED, 14),
        (PairingState.CANCELLED, 5),
        (PairingState.PROPOSED, 4),
        (PairingState.ACCEPTED, 3),
        (PairingState.MEETING_SCHEDULED, 2),
        (PairingState.TRIAL, 5),
        (PairingState.CONVENTION_DRAFTED, 2),
        (PairingState.SIGNING, 3),
        (PairingState.ACTIVE, 30),
        (PairingState.ENDED, 27),
        (PairingState.TERMINATED, 5),
    ]
    final_names, final_weights = zip(*finals, strict=True)
    live_hosts: set[int] = set()
    pairings, plans = [], []
    for i in range(n_pairings):
        guest = guests[i]
        host = hosts[i % len(hosts)]
        state = rng.choices(final_names, final_weights)[0]
        if state in LIVE_STATES and host.pk in live_hosts:
            state = PairingState.ENDED  # a host lives with one guest at a time
        if state in LIVE_STATES:
            live_hosts.add(host.pk)
        proposed = max(guest.decided_at, host.decided_at) + timedelta(days=rng.uniform(1, 30))
        proposed = min(proposed, now - timedelta(days=1))
        moved_in = active = ended = None
        reached = (
            path.index(state)
            if state in path
            else (path.index(PairingState.TRIAL) if state == PairingState.TERMINATED else 0)
        )
        if reached >= path.index(PairingState.TRIAL):
            moved_in = (proposed + timedelta(days=rng.uniform(7, 30))).date()
        if reached >= path.index(PairingState.ACTIVE) or (state == PairingState.TERMINATED and rng.random() < 0.6):
            active = moved_in + timedelta(days=rng.randint(14, 40))
        if state in (PairingState.ENDED, PairingState.TERMINATED):
            ended = (active or moved_in) + timedelta(days=rng.randint(20, 300))
        for day in (moved_in, active, ended):
            if day is not None and day > now.date():
                moved_in = min(moved_in, now.date()) if moved_in else None
        if ended and ended > now.date():
            ended = now.date()
        if active and active > now.date():
            active = now.date()
        pairings.append(
            Pairing(
                host=host,
                guest=guest,
                state=state,
                created_at=proposed,
                created_by=staff,
                host_accepted_at=proposed if reached >= 1 else None,
                guest_accepted_at=proposed if reached >= 1 else None,
                moved_in_on=moved_in,
                active_since=active,
                ended_on=ended,
            )
        )
        plans.append((state, reached, proposed))
    pairings = bulk(Pairing, pairings, Progress("pairings", n_pairings))
    pairing_logs, conventions = [], []
    for pairing, (state, reached, proposed) in zip(pairings, plans, strict=True):
        moment = proposed
        steps = path[: reached + 1]
        for before, after in zip(steps, steps[1:], strict=False):
            moment += timedelta(days=rng.uniform(1, 10))
            pairing_logs.append(
                PairingTransitionLog(
                    pairing=pairing,
                    action=f"pairing.{after}",
                    from_state=before,
                    to_state=after,
                    user=staff,
                    created_at=min(moment, now),
                )
            )
        if state in (PairingState.DECLINED, PairingState.CANCELLED, PairingState.TERMINATED):
            pairing_logs.append(
                PairingTransitionLog(
                    pairing=pairing,
                    action=f"pairing.{state}",
                    from_state=steps[-1],
                    to_state=state,
                    user=staff,
                    created_at=min(moment, now),
                )
            )
        if pairing.active_since:
            sealed = datetime.combine(pairing.active_since, datetime.min.time(), tzinfo=UTC)
            conventions.append(
                Convention(
                    pairing=pairing,
                    reference=f"BENCH-{pairing.pk}",
                    token=f"bench-{pairing.pk}",
                    state="sealed",
                    created_at=sealed,
                    sealed_at=sealed,
                )
            )
    bulk(PairingTransitionLog, pairing_logs, Progress("pairings' transitions", len(pairing_logs)))
    bulk(Convention, conventions, Progress("conventions", len(conventions)))
    return {"officer": officer, "applications": len(applications), "pairings": len(pairings)}


def timed_get(client, url: str, *, slowest: int = 0) -> tuple[float, int, int, float]:
    """Median milliseconds, queries and status of ``RUNS`` loads of ``url`` after a first one,
    whose milliseconds come last (nothing remembered yet: each table's suppression is worked out
    afresh); the ``slowest`` queries of the last load are printed."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    started = time.perf_counter()
    client.get(url)
    first_ms = (time.perf_counter() - started) * 1000
    times, queries, status = [], 0, 200
    for _ in range(RUNS):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - started) * 1000)
        queries = max(queries, len(captured.captured_queries))
        status = response.status_code if response.status_code != 200 else status
    for query in sorted(captured.captured_queries, key=lambda q: -float(q["time"]))[:slowest]:
        print(f"    {float(query['time']) * 1000:8.1f} ms  {query['sql'][:300]}")
    return statistics.median(times), queries, status, first_ms


def signed_in_client(user):
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    client = Client()
    client.force_login(user)
    device = TOTPDevice.objects.create(user=user, name="bench", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--applications", type=int, default=100_000)
    parser.add_argument("--pairings", type=int, default=30_000)
    parser.add_argument("--quick", action="store_true", help="a small programme; the goals are not judged (CI)")
    parser.add_argument("--slowest", type=int, default=0, help="print this many of each page's slowest queries")
    parser.add_argument("--keep", metavar="NAME", help="fill the PostgreSQL database NAME and keep it afterwards")
    args = parser.parse_args()
    if args.quick:
        args.applications, args.pairings = 2_000, 600

    tmp = Path(tempfile.mkdtemp(prefix="weshare-dashboard-bench-"))
    database_name = args.keep or f"weshare_bench_dashboard_{os.getpid()}"
    made_database = False
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    os.environ["WESHARE_VAR_DIR"] = str(tmp / "var")
    os.environ.pop("DATABASE_REPLICA_URL", None)
    if not os.environ.get("DATABASE_URL"):
        url = postgres_database(database_name)
        if url:
            os.environ["DATABASE_URL"], made_database = url, True
    try:
        import django

        django.setup()
        from django.conf import settings
        from django.core.management import call_command
        from django.test.utils import setup_test_environment
        from django.utils import timezone

        setup_test_environment()
        settings.ALLOWED_HOSTS = ["*"]
        database = "PostgreSQL" if settings.DATABASES["default"]["ENGINE"].endswith("postgresql") else "SQLite"
        print(f"database: {database}; {args.applications:,} applications, {args.pairings:,} pairings asked")
        call_command("migrate", verbosity=0, interactive=False)
        started = time.perf_counter()
        now = timezone.now()
        made = fill(args.applications, args.pairings, now)
        from django.db import connection

        if database == "PostgreSQL":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        print(
            f"filled in {time.perf_counter() - started:.0f} s: {made['applications']:,} applications, "
            f"{made['pairings']:,} pairings"
        )
        # As in production: the figures may be five minutes old; the background task has just
        # written every file's and pairing's milestones (timed here).
        from oversight.milestones import milestones_rebuild

        settings.OVERSIGHT_FIGURES_MAX_AGE_SECONDS = 300
        started = time.perf_counter()
        milestones_rebuild()
        milestones_s = time.perf_counter() - started
        print(f"milestones written in {milestones_s:.1f} s")
        if database == "PostgreSQL":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")

        from django.urls import reverse

        from oversight import exports
        from oversight.models import Export

        client = signed_in_client(made["officer"])
        last_month = (now.date().replace(day=1) - timedelta(days=1)).replace(day=1)
        pages = {
            "national": reverse("wagtailadmin_home"),
            "statistics": reverse("oversight_statistics"),
            "report": reverse("oversight_report") + f"?month={last_month:%Y-%m}",
        }
        results, failed = {}, False
        for name, url in pages.items():
            ms, queries, status, first_ms = timed_get(client, url, slowest=args.slowest)
            results[name] = (ms, queries, first_ms)
            failed |= status != 200
            print(
                f"{name:<12} {ms:8.1f} ms  {queries:3d} queries  HTTP {status}  first load {first_ms:.0f} ms  ({url})"
            )

        export = Export.objects.create(
            requester=made["officer"],
            kind="files",
            format="xlsx",
            parameters={},
            parameters_hash="bench",
            expires_at=now + timedelta(hours=32),
        )
        started = time.perf_counter()
        export = exports.export_build_now(export)
        export_s = time.perf_counter() - started
        print(f"export       {export_s:8.1f} s   {export.row_count:,} rows (XLSX)")
        from workflow import access

        expected_rows = access.applications_visible_to(made["officer"]).count()
        failed |= export.row_count != expected_rows

        figures = {
            "applications": made["applications"],
            "pairings": made["pairings"],
            "national_ms": round(results["national"][0], 1),
            "statistics_ms": round(results["statistics"][0], 1),
            "report_ms": round(results["report"][0], 1),
            "queries": max(result[1] for result in results.values()),
            "first_load_ms": {name: round(result[2], 1) for name, result in results.items()},
            "export_s": round(export_s, 2),
            "milestones_s": round(milestones_s, 2),
            "export_rows": export.row_count,
            "database": database,
        }
        if not args.quick:
            goals = [
                ("national dashboard", figures["national_ms"] < GOAL_MS and results["national"][1] <= GOAL_QUERIES),
                ("statistics page", figures["statistics_ms"] < GOAL_MS and results["statistics"][1] <= GOAL_QUERIES),
                ("monthly report", figures["report_ms"] < GOAL_MS and results["report"][1] <= GOAL_QUERIES),
                ("100,000-row XLSX export", export_s < GOAL_EXPORT_S),
            ]
            for goal, met in goals:
                print(f"goal: {goal}: {'met' if met else 'NOT met'}")
        print(json.dumps(figures))
        return 1 if failed else 0
    finally:
        if made_database and not args.keep:
            from django.db import connections

            connections.close_all()
            drop_postgres_database(database_name)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
