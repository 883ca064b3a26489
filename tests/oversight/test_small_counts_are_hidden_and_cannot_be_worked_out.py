"""Counts under 5 read "fewer than 5", and no one can work them out from what is published: not
by subtracting the other cells from a total, nor by reasoning on every total at once with what
the labels say (a small count is 0 to 4, any other hidden cell 5 or more). The attacks below
know only the published table; they do recover the small counts of a table that hides them
alone, and recover nothing once the service has hidden what protects them."""

import random

import pytest
from scipy.optimize import linprog

from oversight.suppression import FEWER_THAN, THRESHOLD, WITHHELD, Cell, Table, suppress

ROWS = ["Gironde", "Landes", "Dordogne"]
COLUMNS = ["student", "apprentice", "volunteer", "erasmus"]
COUNTS = {
    ("Gironde", "student"): 40, ("Gironde", "apprentice"): 12, ("Gironde", "volunteer"): 3, ("Gironde", "erasmus"): 25,
    ("Landes", "student"): 9, ("Landes", "apprentice"): 7, ("Landes", "volunteer"): 11, ("Landes", "erasmus"): 6,
    ("Dordogne", "student"): 15, ("Dordogne", "apprentice"): 2, ("Dordogne", "volunteer"): 8, ("Dordogne", "erasmus"): 10,
}  # fmt: skip


def grid_of(table: Table):
    """The published table as a grid with its totals (the last row and column), None where hidden."""
    lines = [[table.cell(row, column) for column in table.columns] + [table.row_totals[row]] for row in table.rows]
    lines.append([table.column_totals[column] for column in table.columns] + [table.total])
    return lines


def subtraction_attack(table: Table) -> dict:
    """Solve every row or column with one hidden figure left, again and again."""
    grid = [[cell.value for cell in line] for line in grid_of(table)]
    found = {}
    progress = True
    while progress:
        progress = False
        lines = [[(i, j) for j in range(len(grid[0]))] for i in range(len(grid))]
        lines += [[(i, j) for i in range(len(grid))] for j in range(len(grid[0]))]
        for line in lines:
            unknown = [cell for cell in line if grid[cell[0]][cell[1]] is None]
            if len(unknown) != 1:
                continue
            *parts, total = line
            i, j = unknown[0]
            if (i, j) == total:
                grid[i][j] = sum(grid[a][b] for a, b in parts)
            else:
                grid[i][j] = grid[total[0]][total[1]] - sum(grid[a][b] for a, b in parts if (a, b) != (i, j))
            found[(i, j)] = grid[i][j]
            progress = True
    return found


def range_attack(table: Table) -> dict:
    """The exact range of every "fewer than 5" cell given all the sums and the labels' bounds."""
    grid = grid_of(table)
    unknowns = [(i, j) for i, line in enumerate(grid) for j, cell in enumerate(line) if cell.hidden]
    index = {cell: k for k, cell in enumerate(unknowns)}
    equations, constants = [], []
    lines = [[(i, j) for j in range(len(grid[0]))] for i in range(len(grid))]
    lines += [[(i, j) for i in range(len(grid))] for j in range(len(grid[0]))]
    for line in lines:
        row, constant = [0.0] * len(unknowns), 0.0
        for position, (i, j) in enumerate(line):
            sign = -1.0 if position == len(line) - 1 else 1.0
            if (i, j) in index:
                row[index[(i, j)]] += sign
            else:
                constant -= sign * grid[i][j].value
        equations.append(row)
        constants.append(constant)
    bounds = [(0, THRESHOLD - 1) if grid[i][j].small else (THRESHOLD, None) for i, j in unknowns]
    ranges = {}
    for cell in unknowns:
        if not grid[cell[0]][cell[1]].small:
            continue
        goal = [0.0] * len(unknowns)
        goal[index[cell]] = 1.0
        low = linprog(goal, A_eq=equations, b_eq=constants, bounds=bounds, method="highs")
        high = linprog([-g for g in goal], A_eq=equations, b_eq=constants, bounds=bounds, method="highs")
        ranges[cell] = (round(low.fun), round(-high.fun))
    return ranges


def only_small_hidden(counts, rows, columns) -> Table:
    """What a table would be with its small counts hidden and nothing else."""
    full = suppress(counts, rows, columns, threshold=0)

    def small(cell):
        return Cell(None, small=True) if cell.value < THRESHOLD else cell

    return Table(
        rows=full.rows,
        columns=full.columns,
        cells={key: small(cell) for key, cell in full.cells.items()},
        row_totals={key: small(cell) for key, cell in full.row_totals.items()},
        column_totals={key: small(cell) for key, cell in full.column_totals.items()},
        total=small(full.total),
    )


def test_a_count_under_five_reads_fewer_than_five_and_the_others_are_shown():
    table = suppress(COUNTS, ROWS, COLUMNS)

    assert str(table.cell("Gironde", "volunteer")) == str(FEWER_THAN)
    assert str(table.cell("Dordogne", "apprentice")) == str(FEWER_THAN)
    assert table.cell("Gironde", "student").value == 40
    assert table.total.value == sum(COUNTS.values())
    withheld = [cell for cell in table.cells.values() if cell.hidden and not cell.small]
    assert withheld and all(str(cell) == str(WITHHELD) for cell in withheld)


def test_the_attacks_recover_small_counts_that_are_hidden_alone():
    naive = only_small_hidden(COUNTS, ROWS, COLUMNS)

    recovered = subtraction_attack(naive)

    assert recovered[(0, 2)] == 3  # Gironde, volunteer
    assert recovered[(2, 1)] == 2  # Dordogne, apprentice


def test_no_small_count_can_be_worked_out_from_the_published_table():
    table = suppress(COUNTS, ROWS, COLUMNS)

    assert subtraction_attack(table) == {}
    assert all(low < high for low, high in range_attack(table).values())


@pytest.mark.parametrize("seed", range(25))
def test_nothing_is_recovered_from_tables_of_every_shape(seed):
    draw = random.Random(seed)
    rows = [f"territory {n}" for n in range(draw.randint(2, 6))]
    columns = [f"month {n}" for n in range(draw.randint(2, 6))]
    counts = {(row, column): draw.choice([0, 1, 2, 3, 4, 5, 6, 8, 12, 20, 35]) for row in rows for column in columns}

    table = suppress(counts, rows, columns)

    assert all(table.cell(row, column).small for row in rows for column in columns if counts[(row, column)] < THRESHOLD)
    assert subtraction_attack(table) == {}
    ranges = range_attack(table)
    assert all(low < high for low, high in ranges.values()), ranges


def test_what_was_hidden_last_month_stays_hidden_this_month():
    january = suppress(COUNTS, ROWS, COLUMNS)
    february_counts = {**COUNTS, ("Gironde", "volunteer"): 6, ("Landes", "erasmus"): 4}

    february = suppress(february_counts, ROWS, COLUMNS, keep=january.hidden)

    assert january.hidden <= february.hidden
    assert february.cell("Landes", "erasmus").small
    assert subtraction_attack(february) == {}


def test_the_same_counts_give_the_same_pattern():
    assert suppress(COUNTS, ROWS, COLUMNS).hidden == suppress(dict(reversed(COUNTS.items())), ROWS, COLUMNS).hidden
