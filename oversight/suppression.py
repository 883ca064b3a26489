"""Small counts hidden, in every chart, table, export and answer of the API that shows figures
about people: a count under :data:`THRESHOLD` reads "fewer than 5", and enough other cells are
hidden with it that no total can give it back.

A table is its cells and its totals (each row's, each column's, the whole). Every row and every
column is a sum: a row whose total is shown and in which one cell is hidden gives that cell
back by subtraction, and so do longer chains of rows and columns. Seen as a graph (a node per
row and per column, an edge per hidden cell), a hidden cell can be worked out exactly when, and
only when, its edge lies on no cycle. So cells are hidden (the smallest first, the same choice
for the same table) until every hidden cell lies on a cycle of hidden cells: then each can move
up and down with the others while every total stays true. What the labels say (a small count is
0 to 4, another hidden cell 5 or more) can still stop that movement; each small count's range
is then computed exactly (a linear programme: the sums' matrix is totally unimodular, so its
bounds are whole numbers) and more cells are hidden until no range is a single value.

The pattern stays the same from one publication to the next: ``keep`` hides again what was
hidden before (the cells of last month's table), so that comparing two editions reveals
nothing either.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

#: Counts of people under this are never shown.
THRESHOLD = 5

#: How a hidden cell reads: a small count, or a cell hidden so that the totals keep it hidden.
FEWER_THAN = _("fewer than 5")
WITHHELD = pgettext_lazy("a figure not shown", "hidden")


@dataclass(frozen=True)
class Cell:
    """One figure as it may be published: ``value`` is None when hidden; ``small`` says why."""

    value: int | None
    small: bool = False

    @property
    def hidden(self) -> bool:
        return self.value is None

    def __str__(self) -> str:
        if self.value is not None:
            return str(self.value)
        return str(FEWER_THAN if self.small else WITHHELD)


@dataclass
class Table:
    """A table of counts ready to publish: its rows and columns in order, the cells, each row's
    and each column's total and the whole, hidden where they must be."""

    rows: list
    columns: list
    cells: dict = field(default_factory=dict)
    row_totals: dict = field(default_factory=dict)
    column_totals: dict = field(default_factory=dict)
    total: Cell = Cell(0)

    def cell(self, row, column) -> Cell:
        return self.cells[(row, column)]

    @property
    def hidden(self) -> set:
        """Where the hidden figures are: ``(row, column)``, ``(row, None)`` for a row's total,
        ``(None, column)`` for a column's and ``(None, None)`` for the whole; what ``keep``
        takes next time."""
        found = {key for key, cell in self.cells.items() if cell.hidden}
        found |= {(row, None) for row, cell in self.row_totals.items() if cell.hidden}
        found |= {(None, column) for column, cell in self.column_totals.items() if cell.hidden}
        if self.total.hidden:
            found.add((None, None))
        return found


def single(count: int, *, threshold: int = THRESHOLD) -> Cell:
    """A count published alone, with no total or neighbour beside it: hidden under the threshold."""
    return Cell(None, small=True) if int(count) < threshold else Cell(int(count))


def suppress(
    counts: Mapping[tuple[Hashable, Hashable], int],
    rows: Sequence[Hashable],
    columns: Sequence[Hashable],
    *,
    keep: Iterable[tuple] = (),
    threshold: int = THRESHOLD,
) -> Table:
    """The table of ``counts`` (by ``(row, column)``; a missing one is 0) with its totals, its
    small counts hidden and as many others as keep them hidden. ``keep``: the positions hidden
    in the previous edition (:attr:`Table.hidden`), hidden again."""
    rows, columns = list(rows), list(columns)
    if not rows or not columns:
        # Nothing counted: every total is 0, a small count.
        small = Cell(None, small=True)
        return Table(rows, columns, {}, dict.fromkeys(rows, small), dict.fromkeys(columns, small), small)
    # The grid with its totals: the last row holds the columns' totals, the last column the rows'.
    height, width = len(rows) + 1, len(columns) + 1
    grid = [[int(counts.get((row, column), 0)) for column in columns] for row in rows]
    for line in grid:
        line.append(sum(line))
    grid.append([sum(grid[i][j] for i in range(len(rows))) for j in range(width)])

    small = {(i, j) for i in range(height) for j in range(width) if grid[i][j] < threshold}
    position = {row: i for i, row in enumerate(rows)} | {None: len(rows)}
    place = {column: j for j, column in enumerate(columns)} | {None: len(columns)}
    kept = frozenset((position[row], place[column]) for row, column in keep if row in position and column in place)
    hidden = _hidden(tuple(tuple(line) for line in grid), kept, threshold)

    def published(i: int, j: int) -> Cell:
        return Cell(None, small=(i, j) in small) if (i, j) in hidden else Cell(grid[i][j])

    return Table(
        rows=rows,
        columns=columns,
        cells={(row, column): published(i, j) for i, row in enumerate(rows) for j, column in enumerate(columns)},
        row_totals={row: published(i, width - 1) for i, row in enumerate(rows)},
        column_totals={column: published(height - 1, j) for j, column in enumerate(columns)},
        total=published(height - 1, width - 1),
    )


@lru_cache(maxsize=512)
def _hidden(grid: tuple, kept: frozenset, threshold: int) -> frozenset:
    """Where the cells of ``grid`` (with its totals) are hidden: the same grid always gives the
    same answer, which each process remembers for the pages that ask again."""
    grid = [list(line) for line in grid]
    height, width = len(grid), len(grid[0])
    small = {(i, j) for i in range(height) for j in range(width) if grid[i][j] < threshold}
    hidden = set(small) | set(kept)
    _protect(grid, hidden)
    while (exposed := _exposed(grid, small, hidden, threshold)) is not None:
        # Its range is one value once the labels are known (small cells are 0 to 4, the others
        # 5 or more): hide the cheapest cell of its row or column as well, and protect again.
        i, j = exposed
        shown = [(a, b) for a in range(len(grid)) for b in range(len(grid[0])) if (a, b) not in hidden]
        if not shown:
            break  # everything is hidden already
        nearby = [(a, b) for a, b in shown if a == i or b == j] or shown
        hidden.add(min(nearby, key=lambda c: (grid[c[0]][c[1]], c)))
        _protect(grid, hidden)
    return frozenset(hidden)


def _protect(grid: list[list[int]], hidden: set[tuple[int, int]]) -> None:
    """Hide more cells of ``grid`` until every hidden one lies on a cycle of hidden cells."""
    height, width = len(grid), len(grid[0])
    while True:
        bridges = _bridges(hidden)
        if not bridges:
            return
        bridge = min(bridges)
        others = hidden - {bridge}
        near, far = _component(("r", bridge[0]), others), _component(("c", bridge[1]), others)
        # A cell joining the two sides closes a cycle through the bridge.
        closing = [
            (i, j)
            for i in range(height)
            for j in range(width)
            if (i, j) not in hidden
            and ((("r", i) in near and ("c", j) in far) or (("r", i) in far and ("c", j) in near))
        ]
        if not closing:  # no such cell yet: widen the sides by the cheapest cell touching them
            closing = [
                (i, j)
                for i in range(height)
                for j in range(width)
                if (i, j) not in hidden and ({("r", i), ("c", j)} & (near | far))
            ]
        hidden.add(min(closing, key=lambda cell: (grid[cell[0]][cell[1]], cell)))


def _exposed(grid, small, hidden, threshold) -> tuple[int, int] | None:
    """The first small hidden cell whose value the published figures and labels fix, if any."""
    from scipy.optimize import linprog

    unknowns = sorted(hidden)
    if not unknowns:
        return None
    index = {cell: k for k, cell in enumerate(unknowns)}
    height, width = len(grid), len(grid[0])
    equations, constants = [], []
    # Each row: its cells add up to its total; each column likewise.
    lines = [[(i, j) for j in range(width)] for i in range(height)]
    lines += [[(i, j) for i in range(height)] for j in range(width)]
    for line in lines:
        coefficients, constant = [0.0] * len(unknowns), 0.0
        for position, cell in enumerate(line):
            sign = -1.0 if position == len(line) - 1 else 1.0  # the total, on the other side
            if cell in index:
                coefficients[index[cell]] += sign
            else:
                constant -= sign * grid[cell[0]][cell[1]]
        if any(coefficients):
            equations.append(coefficients)
            constants.append(constant)
    bounds = [(0, threshold - 1) if cell in small else (threshold, None) for cell in unknowns]
    for cell in unknowns:
        if cell not in small:
            continue
        # Its true value is one solution: the cell is pinned only if neither its highest nor its
        # lowest possible value differs from it (one programme is enough when the first does).
        value = grid[cell[0]][cell[1]]
        objective = [0.0] * len(unknowns)
        objective[index[cell]] = 1.0
        highest = linprog([-c for c in objective], A_eq=equations, b_eq=constants, bounds=bounds, method="highs")
        if highest.status != 0 or round(-highest.fun) != value:
            continue
        lowest = linprog(objective, A_eq=equations, b_eq=constants, bounds=bounds, method="highs")
        if lowest.status == 0 and round(lowest.fun) == value:
            return cell
    return None


def _adjacency(edges: set[tuple[int, int]]) -> dict:
    around: dict = {}
    for i, j in edges:
        around.setdefault(("r", i), []).append((("c", j), (i, j)))
        around.setdefault(("c", j), []).append((("r", i), (i, j)))
    return around


def _component(start, edges: set[tuple[int, int]]) -> set:
    around, seen, todo = _adjacency(edges), {start}, [start]
    while todo:
        for other, _edge in around.get(todo.pop(), ()):
            if other not in seen:
                seen.add(other)
                todo.append(other)
    return seen


def _bridges(edges: set[tuple[int, int]]) -> set[tuple[int, int]]:
    """The edges on no cycle (Tarjan's bridges, without recursion)."""
    around, order, low, found, counter = _adjacency(edges), {}, {}, set(), 0
    for root in sorted(around):
        if root in order:
            continue
        order[root] = low[root] = counter
        counter += 1
        stack = [(root, None, iter(around[root]))]
        while stack:
            node, via, neighbours = stack[-1]
            for other, edge in neighbours:
                if edge == via:
                    continue
                if other in order:
                    low[node] = min(low[node], order[other])
                else:
                    order[other] = low[other] = counter
                    counter += 1
                    stack.append((other, edge, iter(around[other])))
                    break
            else:
                stack.pop()
                if stack:
                    parent = stack[-1][0]
                    low[parent] = min(low[parent], low[node])
                    if low[node] > order[parent]:
                        found.add(via)
    return found


def suppress_nested(
    counts: Mapping[tuple[Hashable, Hashable], int],
    steps: Sequence[Hashable],
    columns: Sequence[Hashable],
    *,
    keep: Iterable[tuple] = (),
    threshold: int = THRESHOLD,
) -> Table:
    """A funnel: how many went at least as far as each of ``steps``, per column, published so
    that no difference between two steps reveals a small count either.

    ``counts`` are the disjoint counts, by ``(step, column)``: how many stopped at that step.
    They are protected as one table by :func:`suppress` (``keep`` is that table's
    :attr:`Table.hidden` of the previous edition); a cumulative figure is then shown only when it
    is a sum of shown figures (every later step's count shown) or the shown total minus shown
    figures (every earlier step's). What is published is thus worked out from the protected
    table alone and reveals nothing it hides. The table returned has the steps as rows, each
    row's total being the step over every column; a column's total and the whole are the first
    step's.
    """
    steps, columns = list(steps), list(columns)
    basis = suppress(counts, steps, columns, keep=keep, threshold=threshold)
    raw = {(step, column): int(counts.get((step, column), 0)) for step in steps for column in columns}

    def cumulative(stopped: list[Cell], values: list[int], total: Cell) -> list[Cell]:
        published = []
        for k in range(len(steps)):
            value = sum(values[k:])
            later, earlier = stopped[k:], stopped[:k]
            derivable = all(not cell.hidden for cell in later) or (
                not total.hidden and all(not cell.hidden for cell in earlier)
            )
            published.append(Cell(value) if derivable and value >= threshold else Cell(None, small=value < threshold))
        return published

    cells, row_totals, column_totals = {}, {}, {}
    if columns:
        for column in columns:
            shown = cumulative(
                [basis.cell(step, column) for step in steps],
                [raw[(step, column)] for step in steps],
                basis.column_totals[column],
            )
            cells.update({(step, column): cell for step, cell in zip(steps, shown, strict=True)})
            column_totals[column] = shown[0] if shown else Cell(None, small=True)
    overall = cumulative(
        [basis.row_totals[step] for step in steps],
        [sum(raw[(step, column)] for column in columns) for step in steps],
        basis.total,
    )
    row_totals = dict(zip(steps, overall, strict=True))
    total = overall[0] if overall else Cell(None, small=True)
    return Table(
        rows=steps, columns=columns, cells=cells, row_totals=row_totals, column_totals=column_totals, total=total
    )
