"""An export of the files opens in a spreadsheet library (csv, openpyxl, odfpy) and holds, line
for line, the files its requester sees: labels rather than codes, dates in the reader's time zone."""

import csv
import io
import zoneinfo

import pytest
from django.utils import translation

from oversight.exports import export_download, export_request
from oversight.models import ExportState
from workflow.enums import ApplicationKind, ApplicationState
from workflow.models import Application

from .exports_setup import a_department, advisor_of, files_in

PARIS = zoneinfo.ZoneInfo("Europe/Paris")
HEADINGS = [
    "Numéro de dossier",
    "Prénom",
    "Nom de famille",
    "Adresse e-mail",
    "Type",
    "État",
    "Pays",
    "Territoire",
    "Déposé",
]


def expected_lines(territory):
    """The files of the territory, read straight from the table, in the words a French reader sees."""
    lines = []
    with translation.override("fr"):
        for a in Application.objects.filter(territory=territory).order_by("pk"):
            lines.append(
                [
                    a.pk,
                    a.first_name,
                    a.last_name,
                    a.email,
                    str(ApplicationKind(a.kind).label),
                    str(ApplicationState(a.state).label),
                    territory.country.name,
                    territory.name,
                    a.submitted_at.astimezone(PARIS).replace(tzinfo=None, microsecond=0),
                ]
            )
    return lines


@pytest.fixture
def setting():
    """An advisor's territory with its files, and a file elsewhere they must not see."""
    territory = a_department()
    files_in(territory)
    files_in(a_department(), count=2)
    return territory, advisor_of(territory)


def read_csv(data: bytes):
    assert data.startswith("\ufeff".encode())  # the mark that makes Excel read UTF-8
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def read_xlsx(data: bytes):
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(data), read_only=True).worksheets[0]
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def read_ods(data: bytes):
    from odf.opendocument import load
    from odf.table import Table, TableCell, TableRow

    document = load(io.BytesIO(data))
    table = document.spreadsheet.getElementsByType(Table)[0]
    rows = []
    for row in table.getElementsByType(TableRow):
        values = []
        for cell in row.getElementsByType(TableCell):
            kind = cell.getAttribute("valuetype")
            if kind == "float":
                values.append(int(float(cell.getAttribute("value"))))
            elif kind == "date":
                values.append(cell.getAttribute("datevalue"))
            else:
                values.append(str(cell))
        rows.append(values)
    return rows


def test_the_csv_holds_the_files_the_advisor_sees_in_words(setting):
    territory, advisor = setting
    export = export_request(user=advisor, kind="files", fmt="csv")
    assert export.state == ExportState.READY

    rows = read_csv(export_download(export=export, user=advisor))

    assert rows[0][: len(HEADINGS)] == HEADINGS
    expected = expected_lines(territory)
    assert len(rows) - 1 == len(expected) == export.row_count == 7
    for got, want in zip(rows[1:], expected, strict=True):
        assert got[:8] == [str(want[0]), *want[1:8]]
        assert got[8] == want[8].strftime("%Y-%m-%d %H:%M:%S")
    assert {"Hôte (senior)", "Jeune accueilli"} & {row[4] for row in rows[1:]}
    assert not {"host", "guest", "approved"} & {value for row in rows[1:] for value in row}


def test_the_xlsx_holds_the_same_lines_with_real_dates(setting):
    territory, advisor = setting
    export = export_request(user=advisor, kind="files", fmt="xlsx")

    rows = read_xlsx(export_download(export=export, user=advisor))

    assert rows[0][: len(HEADINGS)] == HEADINGS
    expected = expected_lines(territory)
    assert [row[:9] for row in rows[1:]] == expected


def test_the_ods_holds_the_same_lines(setting):
    territory, advisor = setting
    export = export_request(user=advisor, kind="files", fmt="ods")

    rows = read_ods(export_download(export=export, user=advisor))

    assert rows[0][: len(HEADINGS)] == HEADINGS
    expected = expected_lines(territory)
    assert [row[:8] for row in rows[1:]] == [line[:8] for line in expected]
    assert [row[8] for row in rows[1:]] == [line[8].isoformat() for line in expected]


def test_a_name_that_looks_like_a_formula_stays_text(setting):
    territory, advisor = setting
    Application.objects.filter(territory=territory).update(first_name='=HYPERLINK("http://x.example","clic")')

    csv_rows = read_csv(export_download(export=export_request(user=advisor, kind="files", fmt="csv"), user=advisor))
    xlsx = export_download(export=export_request(user=advisor, kind="files", fmt="xlsx"), user=advisor)

    assert csv_rows[1][1].startswith("'=")
    from openpyxl import load_workbook

    cell = load_workbook(io.BytesIO(xlsx)).worksheets[0].cell(row=2, column=2)
    assert cell.value == '=HYPERLINK("http://x.example","clic")'
    assert cell.data_type == "s"  # text, not a formula
