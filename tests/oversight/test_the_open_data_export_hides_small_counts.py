"""The public open data: each month's figures per territory, every count under 5 hidden, more
hidden with them when needed, and what was hidden one month hidden the next; the same table as
CSV, XLSX or ODS, for anyone, without a query once it is made."""

import csv
import io
from collections import Counter
from datetime import date, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from pairings.models import Pairing
from tests.workflow.factories import ApplicationFactory, TerritoryFactory, UserFactory
from workflow.models import Application, ApplicationTransitionLog

MEASURES = ["files_sent", "files_approved", "pairs_created", "pairs_active", "pairs_ended"]
JAN, FEB = "2026-01", "2026-02"


def at(day: date) -> datetime:
    return timezone.make_aware(datetime(day.year, day.month, day.day, 11))


def sent(territory, day, count):
    made = []
    for _n in range(count):
        application = ApplicationFactory(territory=territory, country=territory.country)
        Application.objects.filter(pk=application.pk).update(submitted_at=at(day), state="submitted")
        made.append(application)
    return made


@pytest.fixture
def figures(clock):
    """Four departments of a country of their own, and what happened there, counted by hand."""
    a = TerritoryFactory(department=True, code="A1", name="Alpha")
    b = TerritoryFactory(department=True, country=a.country, code="B2", name="Bravo")
    d = TerritoryFactory(department=True, country=a.country, code="D4", name="Delta")
    e = TerritoryFactory(department=True, country=a.country, code="E5", name="Echo")
    expected = Counter()
    for territory, jan, feb in [(a, 6, 12), (b, 7, 9), (d, 6, 2), (e, 8, 8)]:
        sent(territory, date(2026, 1, 5), jan)
        files = sent(territory, date(2026, 2, 3), feb)
        expected[(JAN, territory.code, "files_sent")] += jan
        expected[(FEB, territory.code, "files_sent")] += feb
        if territory is not d:
            for application in files[:6]:
                ApplicationTransitionLog.objects.create(
                    application=application,
                    action="application.approved",
                    from_state="home_visit_done",
                    to_state="approved",
                    created_at=at(date(2026, 2, 20)),
                )
            expected[(FEB, territory.code, "files_approved")] += 6
    advisor = UserFactory()
    for n in range(6):  # files never sent (made in the back office): they count as pairs only
        host = ApplicationFactory(territory=a, country=a.country, host=True)
        guest = ApplicationFactory(territory=a, country=a.country)
        pairing = Pairing.objects.create(host=host, guest=guest, created_by=advisor, created_at=at(date(2026, 1, 15)))
        state, ended = ("ended", date(2026, 2, 10)) if n == 0 else ("active", None)
        Pairing.objects.filter(pk=pairing.pk).update(state=state, active_since=date(2026, 1, 20), ended_on=ended)
    expected[(JAN, "A1", "pairs_created")] += 6
    expected[(JAN, "A1", "pairs_active")] += 6
    expected[(FEB, "A1", "pairs_active")] += 5
    expected[(FEB, "A1", "pairs_ended")] += 1
    return a.country, expected


def lines_of(response, country) -> dict:
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows[0]) == 9
    return {(row[0], row[2]): dict(zip(MEASURES, row[4:], strict=True)) for row in rows[1:] if row[1] == country.name}


def test_every_figure_is_true_or_hidden_and_small_ones_never_show(client, figures):
    country, expected = figures

    response = client.get("/fr/open-data/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    lines = lines_of(response, country)
    months = sorted({month for month, _code in lines})
    assert months == [JAN, FEB]  # complete months only: March is not over
    assert {code for _month, code in lines} == {"A1", "B2", "D4", "E5"}
    for (month, code), cells in lines.items():
        for measure, shown in cells.items():
            true = expected[(month, code, measure)]
            if true < 5:
                assert shown == "moins de 5", (month, code, measure, shown)
            else:
                assert shown in (str(true), "masqué"), (month, code, measure, shown)
    assert [lines[(JAN, code)]["files_sent"] for code in ("A1", "B2", "D4", "E5")] == ["6", "7", "6", "8"]
    # Delta's two files are hidden, and the next smallest with them: the country's total (which
    # the sum of the lines gives) must not give them back.
    assert lines[(FEB, "D4")]["files_sent"] == "moins de 5"
    assert lines[(FEB, "E5")]["files_sent"] == "masqué"
    assert [lines[(FEB, code)]["files_sent"] for code in ("A1", "B2")] == ["12", "9"]
    # The only pairs are Alpha's: shown, they would tell that every other territory has none.
    assert lines[(JAN, "A1")]["pairs_active"] == "masqué"


def test_what_was_hidden_one_month_stays_hidden_the_next(client, figures):
    country, _expected = figures
    lines = lines_of(client.get("/fr/open-data/"), country)
    months = sorted({month for month, _code in lines})

    for before, after in zip(months, months[1:], strict=False):
        for code in ("A1", "B2", "D4", "E5"):
            for measure in MEASURES:
                if not lines[(before, code)][measure].isdigit():
                    assert not lines[(after, code)][measure].isdigit(), (before, after, code, measure)


def test_the_same_figures_open_as_xlsx_and_ods(client, figures):
    from odf.opendocument import load
    from odf.table import Table, TableRow
    from openpyxl import load_workbook

    country, _expected = figures
    lines = lines_of(client.get("/fr/open-data/"), country)

    xlsx = client.get("/fr/open-data/?format=xlsx")
    sheet = load_workbook(io.BytesIO(xlsx.content), read_only=True).worksheets[0]
    from_xlsx = {
        (row[0], row[2]): [str(value) for value in row[4:]]
        for row in sheet.iter_rows(min_row=2, values_only=True)
        if row[1] == country.name
    }
    ods = client.get("/fr/open-data/?format=ods")
    table = load(io.BytesIO(ods.content)).spreadsheet.getElementsByType(Table)[0]
    from_ods = {}
    for row in table.getElementsByType(TableRow)[1:]:
        values = [str(cell) for cell in row.childNodes]
        if values[1] == country.name:
            from_ods[(values[0], values[2])] = values[4:]

    expected = {key: [cells[m] for m in MEASURES] for key, cells in lines.items()}
    assert from_xlsx == expected
    assert from_ods == expected


def test_an_unknown_format_gets_a_clear_answer(client):
    response = client.get("/fr/open-data/?format=pdf")

    assert response.status_code == 400
    assert "csv" in response.content.decode()


def test_the_file_is_made_once_then_served_from_the_cache(client, figures, clock):
    country, _expected = figures
    first = client.get("/fr/open-data/")

    with CaptureQueriesContext(connection) as queries:
        again = client.get("/fr/open-data/")

    assert again.content == first.content
    assert not [q for q in queries.captured_queries if "pairing" in q["sql"] or "application" in q["sql"]]
    clock.shift(timedelta(minutes=1))
