"""A statistics page's figures are downloaded as CSV, XLSX or ODS with the page's own filters: the
file holds the figures the page shows, a hidden one reads as on the page and never gives its true
value; a territory outside one's scope is refused with a message, and nothing is exported."""

import csv
import io
import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import translation

from audit.models import AuditEvent
from oversight import figures
from oversight.models import Export, ExportKind
from oversight.suppression import FEWER_THAN, THRESHOLD, WITHHELD

from .figures_seed import seed


@pytest.fixture
def s():
    return seed()


def hidden_words() -> set[str]:
    with translation.override("fr"):
        return {str(FEWER_THAN), str(WITHHELD)}


def download(client, user, page: str, **data):
    """Ask for the page's figures as the download form does; follow to the file."""
    client.force_login(user)
    response = client.post(reverse("oversight_statistics_download", args=[page]), data)
    assert response.status_code == 302, response.content.decode()[:500]
    export = Export.objects.filter(requester=user).order_by("-pk").first()
    assert response["Location"] == reverse("oversight_export_download", args=[export.pk])
    file = client.get(response["Location"])
    assert file.status_code == 200 and "attachment" in file["Content-Disposition"]
    return export, file.content


def read_csv(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def read_xlsx(data: bytes) -> list[list]:
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(data), read_only=True).worksheets[0]
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def table(rows: list[list], title_start: str) -> dict[tuple[str, str], object]:
    """The figures of one table of the file: (line, column) → figure."""
    return {(line, column): value for title, line, column, value in rows[1:] if str(title).startswith(title_start)}


def pairs_moved_in(pairs, period) -> int:
    return sum(1 for p in pairs if p.moved_in_on and period.start <= p.moved_in_on < period.end)


def test_the_csv_of_the_figures_page_holds_its_table_with_the_small_counts_hidden(client, s):
    region = s.regions["R1"]
    export, data = download(
        client, s.officer, "figures", territory=region.pk, period="12m", by="department", format="csv"
    )

    rows = read_csv(data)
    assert len(rows[0]) == 4 and export.kind == ExportKind.STATISTICS
    filters = table(rows, rows[1][0])
    assert any(value.startswith("Nouvelle-Aquitaine") for value in filters.values())

    # Pairs formed, counted here from what the seed did: each department of the region.
    period = figures.Period.last_months(12)
    with translation.override("fr"):
        heading = f"{figures.METRICS[0].label} ({figures.METRICS[0].help})"
    figures_table = table(rows, rows[-1][0])
    checked = {"shown": 0, "hidden": 0}
    for name, label in (("D1", "Gironde"), ("D2", "Landes")):
        true_count = pairs_moved_in(s.pairs_in(name), period)
        written = figures_table[(label, heading)]
        if written in hidden_words():
            checked["hidden"] += 1
            assert written == str(FEWER_THAN) or true_count >= THRESHOLD
        else:
            checked["shown"] += 1
            assert int(written) == true_count >= THRESHOLD
    assert checked["shown"]

    # Every figure of the page's table is in the file, as the page shows it (with its unit there).
    client.force_login(s.officer)
    page = client.get(reverse("oversight_statistics_figures"), {"territory": region.pk, "by": "department"})
    metrics = page.context["stats"].metrics
    assert page.context["rows"]
    for row in page.context["rows"]:
        for metric, shown in zip(metrics, row["cells"], strict=True):
            with translation.override("fr"):
                column = f"{metric.label} ({'%, ' if metric.kind == 'rate' else ''}{metric.help})"
            written = figures_table[(row["label"], column)]
            assert shown == written or re.fullmatch(rf"{re.escape(written)}\D+", shown), (shown, written)


def test_the_xlsx_of_the_overview_holds_the_funnel_and_hides_what_the_page_hides(client, s):
    export, data = download(client, s.officer, "overview", period="12m", format="xlsx")

    rows = read_xlsx(data)
    funnel_title = next(title for title, _l, column, _v in rows[1:] if column == "Gironde")
    funnel = table(rows, funnel_title)
    with translation.override("fr"):
        steps = [str(step.label) for step in figures.FUNNEL]
        everywhere = str(translation.gettext("All"))
    hidden = 0
    for name, label in (("D1", "Gironde"), ("D2", "Landes")):
        for index, step in enumerate(steps):
            true_count = sum(1 for f in s.files_in(name) if f.path >= index)
            written = funnel[(step, label)]
            if true_count < THRESHOLD:
                assert written == str(FEWER_THAN), (step, label)
            if written in hidden_words():
                hidden += 1
            else:
                assert written == true_count
    assert hidden, "the seed has small counts: some must be hidden"

    # The same figures as the page's funnel table, cell for cell.
    client.force_login(s.officer)
    page = client.get(reverse("oversight_statistics"), {"period": "12m"})
    shown = page.context["overview"].funnel
    assert [name for _key, name in shown.territories] == ["Gironde", "Landes"]
    for step, cells, total in shown.rows():
        for (_key, name), cell in [*zip(shown.territories, cells, strict=True), ((None, everywhere), total)]:
            assert str(funnel[(str(step.label), name)]) == str(cell)


def test_the_monthly_report_downloads_as_csv_with_its_month(client, s):
    month = (s.now.date().replace(day=1) - timedelta(days=1)).strftime("%Y-%m")
    _export, data = download(client, s.national, "report", month=month, format="csv")

    rows = read_csv(data)
    assert len(rows) > 5
    words = hidden_words()
    values = [row[3] for row in rows[1:]]
    assert all(value.isdigit() or value in words or not value[:1].isdigit() for value in values)
    assert Export.objects.get(requester=s.national).parameters["month"] == month


def test_a_territory_outside_ones_scope_is_refused_and_nothing_is_exported(client, s):
    client.force_login(s.manager)  # Gironde only

    response = client.post(
        reverse("oversight_statistics_download", args=["figures"]),
        {"territory": s.departments["D3"].pk, "by": "department", "format": "csv"},
    )

    assert response.status_code == 400
    assert response.context["form"].errors["territory"]
    assert not Export.objects.filter(requester=s.manager).exists()
    assert not AuditEvent.objects.filter(action="export.requested", user_id=s.manager.pk).exists()

    wrong_format = client.post(reverse("oversight_statistics_download", args=["overview"]), {"format": "pdf"})
    assert wrong_format.status_code == 400 and wrong_format.context["download"].errors["format"]
    assert (
        client.post(reverse("oversight_statistics_download", args=["elsewhere"]), {"format": "csv"}).status_code == 404
    )
    assert not Export.objects.filter(requester=s.manager).exists()


def test_the_download_is_in_the_audit_trail_and_advisors_cannot_ask_for_it(client, s):
    export, _data = download(client, s.manager, "overview", format="ods")

    asked = AuditEvent.objects.get(action="export.requested", object_id=str(export.pk))
    assert asked.user_id == s.manager.pk and asked.data["kind"] == "statistics"
    assert AuditEvent.objects.filter(action="export.downloaded", object_id=str(export.pk)).exists()
    assert export.parameters["page"] == "overview"
    assert export.parameters["territory"] is None

    client.force_login(s.advisor)
    response = client.post(reverse("oversight_statistics_download", args=["overview"]), {"format": "csv"})
    assert response.status_code == 403
    assert not Export.objects.filter(requester=s.advisor).exists()
