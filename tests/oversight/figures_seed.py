"""Files and pairings at every step, in three departments of two regions and in another country, with
the moments of each step written down so that the tests compute every figure on their own."""

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from itertools import count

from django.utils import timezone

from documents.models import Convention
from pairings.models import Pairing
from tests.workflow.factories import (
    ApplicationFactory,
    CountryFactory,
    OrganisationFactory,
    StaffMembershipFactory,
    TerritoryFactory,
    UserFactory,
)
from workflow.models import Application

PROGRAMMES = ["student", "apprentice", "volunteer", "erasmus"]

#: How many files of each department go as far as each step (0 started … 7 ended); from step 4
#: on, files go in pairs (a host and a guest), so those counts are even.
PATHS = {
    "D1": {0: 6, 1: 5, 2: 7, 3: 9, 4: 6, 5: 2, 6: 8, 7: 10},
    "D2": {0: 2, 1: 6, 2: 3, 3: 6, 4: 4, 5: 6, 6: 2, 7: 6},
    "D3": {0: 5, 1: 1, 2: 5, 3: 5, 4: 2, 5: 0, 6: 6, 7: 4},
    "X1": {0: 3, 1: 3, 2: 3, 3: 3, 4: 2, 5: 2, 6: 2, 7: 2},
}


@dataclass
class File:
    application: Application
    department: str
    path: int
    created_at: datetime
    submitted_at: datetime | None = None
    decided_at: datetime | None = None


@dataclass
class Pair:
    pairing: Pairing
    department: str
    path: int
    host: File
    guest: File
    created_at: datetime
    sealed_at: datetime | None = None
    moved_in_on: object = None
    active_since: object = None
    ended_on: object = None
    early: bool = False
    accepted: bool = False


@dataclass
class Seed:
    now: datetime
    country: object
    departments: dict
    regions: dict
    manager: object
    officer: object
    national: object
    advisor: object
    files: list[File] = field(default_factory=list)
    pairs: list[Pair] = field(default_factory=list)

    def files_in(self, *departments):
        return [f for f in self.files if f.department in departments]

    def pairs_in(self, *departments):
        return [p for p in self.pairs if p.department in departments]


def seed() -> Seed:
    now = timezone.now()
    country = CountryFactory(code="QF", name="Francie")
    other = CountryFactory(code="QB", name="Belgie")
    r1 = TerritoryFactory(country=country, name="Nouvelle-Aquitaine", code="75")
    r2 = TerritoryFactory(country=country, name="Occitanie", code="76")
    rx = TerritoryFactory(country=other, name="Wallonie", code="W")
    departments = {
        "D1": TerritoryFactory(country=country, department=True, parent=r1, name="Gironde", code="33"),
        "D2": TerritoryFactory(country=country, department=True, parent=r1, name="Landes", code="40"),
        "D3": TerritoryFactory(country=country, department=True, parent=r2, name="Gard", code="30"),
        "X1": TerritoryFactory(country=other, department=True, parent=rx, name="Namur", code="NA"),
    }
    for name, territory in departments.items():
        territory.associations.add(OrganisationFactory(country=territory.country, name=f"Association {name}"))
    for region in (r1, r2, rx):
        region.pension_office = OrganisationFactory(pension_office=True, country=region.country)
        region.save()
    manager = StaffMembershipFactory(organisation=departments["D1"].associations.get(), role="association_manager").user
    advisor = StaffMembershipFactory(organisation=departments["D1"].associations.get(), role="advisor").user
    officer = StaffMembershipFactory(organisation=r1.pension_office, role="pension_officer").user
    national_body = OrganisationFactory(kind="national_body", country=country, name="Agence nationale")
    national = StaffMembershipFactory(organisation=national_body, role="national_officer").user
    created_by = UserFactory(username="proposer")

    found = Seed(now, country, departments, {"R1": r1, "R2": r2}, manager, officer, national, advisor)
    numbers = count()
    for name, paths in PATHS.items():
        territory = departments[name]
        for path, how_many in paths.items():
            made = []
            for index in range(how_many):
                i = next(numbers)
                host = path >= 4 and index % 2 == 0 or path < 4 and i % 3 == 0
                made.append(_file(found, territory, name, path, i, host=host))
            if path >= 4:
                for host, guest in zip(made[0::2], made[1::2], strict=True):
                    _pair(found, name, path, host, guest, next(numbers), created_by)
    return found


STATES = {0: "draft", 1: "submitted", 2: "in_review", 3: "approved"}


def _file(seed: Seed, territory, name: str, path: int, i: int, *, host: bool) -> File:
    created = seed.now - timedelta(days=120 + (i * 37) % 200, hours=i % 7)
    answers = {} if host else {"programme": PROGRAMMES[i % 4]}
    application = ApplicationFactory(
        territory=territory, country=territory.country, answers=answers, **({"host": True} if host else {})
    )
    record = File(application, name, path, created)
    fields = {"created_at": created, "state": STATES.get(path, "approved")}
    if path >= 1:
        record.submitted_at = created + timedelta(days=1 + i % 3)
        fields["submitted_at"] = record.submitted_at
    if path >= 3:
        record.decided_at = record.submitted_at + timedelta(days=10 + (i * 7) % 23, hours=i % 5)
        fields["decided_at"] = record.decided_at
    Application.objects.filter(pk=application.pk).update(**fields)
    seed.files.append(record)
    return record


def _pair(seed: Seed, name: str, path: int, host: File, guest: File, i: int, created_by) -> Pair:
    created = max(host.decided_at, guest.decided_at) + timedelta(days=3 + i % 11)
    record = Pair(None, name, path, host, guest, created)
    fields = {"created_at": created}
    state = {4: "proposed", 5: "signing", 6: "active", 7: "ended"}[path]
    if path >= 5:
        record.accepted = True
        record.moved_in_on = (created + timedelta(days=6)).date()
        record.sealed_at = created + timedelta(days=20 + (i * 5) % 17, hours=2)
        fields |= {
            "host_accepted_at": created + timedelta(days=1),
            "guest_accepted_at": created + timedelta(days=2),
            "moved_in_on": record.moved_in_on,
        }
    if path >= 6:
        record.active_since = (record.sealed_at + timedelta(days=1)).date()
        fields["active_since"] = record.active_since
    if path >= 7:
        record.ended_on = record.moved_in_on + timedelta(days=20 + (i * 3) % 40)
        record.early = i % 3 == 0
        state = "terminated" if record.early else "ended"
        fields["ended_on"] = record.ended_on
    record.pairing = Pairing.objects.create(host=host.application, guest=guest.application, created_by=created_by)
    Pairing.objects.filter(pk=record.pairing.pk).update(state=state, **fields)
    if record.sealed_at:
        Convention.objects.create(
            pairing=record.pairing,
            reference=f"C-{i}",
            token=f"token-{i}",
            state="sealed",
            sealed_at=record.sealed_at,
        )
    seed.pairs.append(record)
    return record
