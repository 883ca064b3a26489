"""The funnel counts, for each step, the files started in the period that went at least that far,
territory by territory: what a published cell shows is that count, and a count under 5 reads
"fewer than 5"."""

from oversight import figures
from oversight.suppression import THRESHOLD

from .figures_seed import seed

REGION_OF = {"D1": "R1", "D2": "R1", "D3": "R2"}


def expected(files, step: int) -> int:
    return sum(1 for f in files if f.path >= step)


def test_each_step_counts_the_files_that_went_at_least_that_far():
    s = seed()

    funnel = figures.funnel(s.national, period=figures.Period.last_months(12), by="region")

    regions = {s.regions[name].pk: name for name in ("R1", "R2")}
    assert [name for _key, name in funnel.territories] == sorted(r.name for r in s.regions.values())
    for index, step in enumerate(funnel.steps):
        assert funnel.table.row_totals[step.key].value == expected(s.files_in("D1", "D2", "D3"), index)
        for key, _name in funnel.territories:
            departments = [d for d, r in REGION_OF.items() if r == regions[key]]
            want = expected(s.files_in(*departments), index)
            cell = funnel.table.cell(step.key, key)
            if cell.hidden:
                assert cell.small == (want < THRESHOLD)
            else:
                assert cell.value == want >= THRESHOLD
    # a step under the threshold is hidden, never shown
    signed_r2 = funnel.table.cell("proposed", s.regions["R2"].pk)
    assert expected(s.files_in("D3"), 4) >= THRESHOLD or signed_r2.hidden


def test_departments_side_by_side_for_a_pension_office():
    s = seed()

    funnel = figures.funnel(s.officer, period=figures.Period.last_months(12))

    assert [name for _key, name in funnel.territories] == ["Gironde", "Landes"]
    for index, step in enumerate(funnel.steps):
        for name, key in (("D1", s.departments["D1"].pk), ("D2", s.departments["D2"].pk)):
            cell = funnel.table.cell(step.key, key)
            want = expected(s.files_in(name), index)
            assert cell.value == want if not cell.hidden else cell.small == (want < THRESHOLD)


def test_the_funnel_reads_the_programme_filter():
    s = seed()

    funnel = figures.funnel(
        s.national, period=figures.Period.last_months(12), filters=figures.Filters(programme="student")
    )

    students = [f for f in s.files_in("D1", "D2", "D3") if f.application.answers.get("programme") == "student"]
    started = funnel.table.row_totals["started"]
    assert started.value == len(students) if not started.hidden else len(students) < THRESHOLD
