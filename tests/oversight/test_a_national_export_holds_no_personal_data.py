"""A national officer's export of the files holds no name, email address, postal address or phone
number: the file number, kind, state, country, territory and dates only, for every file of the
country."""

import csv
import io

from oversight.exports import export_download, export_request
from tests.workflow.factories import TerritoryFactory
from workflow.models import Application

from .exports_setup import a_department, advisor_of, files_in, national_officer_of
from .test_exports_open_in_a_spreadsheet_library import read_ods, read_xlsx

NATIONAL_HEADINGS = ["Numéro de dossier", "Type", "État", "Pays", "Territoire", "Déposé"]


def test_the_national_officer_sees_every_file_of_the_country_but_no_person(clock):
    territory = a_department()
    files = files_in(territory) + files_in(a_department(), count=1)  # the second one in another country
    neighbour = TerritoryFactory(department=True, country=territory.country)
    files += files_in(neighbour, count=2)
    Application.objects.filter(territory=territory).update(phone="+33 6 12 34 56 78")
    officer = national_officer_of(territory.country)

    rows = list(
        csv.reader(
            io.StringIO(
                export_download(export=export_request(user=officer, kind="files", fmt="csv"), user=officer).decode(
                    "utf-8-sig"
                )
            )
        )
    )
    xlsx = read_xlsx(export_download(export=export_request(user=officer, kind="files", fmt="xlsx"), user=officer))
    ods = read_ods(export_download(export=export_request(user=officer, kind="files", fmt="ods"), user=officer))

    in_country = Application.objects.filter(country=territory.country).order_by("pk")
    assert [int(row[0]) for row in rows[1:]] == [a.pk for a in in_country]
    assert len(rows) - 1 == 9
    for table in (rows, xlsx, ods):
        assert table[0][: len(NATIONAL_HEADINGS)] == NATIONAL_HEADINGS
        assert not {"Prénom", "Nom de famille", "Adresse e-mail", "Téléphone"} & set(table[0])
        everything = " ".join(str(value) for row in table for value in row)
        for application in in_country:
            for personal in (application.first_name, application.last_name, application.email, "+33 6 12"):
                assert personal not in everything


def test_the_advisor_of_the_same_country_still_sees_names(clock):
    territory = a_department()
    files = files_in(territory, count=2)
    advisor = advisor_of(territory)

    data = export_download(export=export_request(user=advisor, kind="files", fmt="csv"), user=advisor).decode(
        "utf-8-sig"
    )

    assert files[0].last_name in data and files[0].email in data
