"""Charts drawn on the server as SVG: no script, no library, nothing fetched from elsewhere.

Each chart is an image with its title (``role="img"``, ``<title>``, ``aria-labelledby``) and is
always shown beside the table of its figures, which screen readers read instead (the template
``oversight/chart.html`` puts them side by side). A hidden figure ("fewer than 5") has no bar or
point: the chart says so under its title rather than drawing a value that was not published.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from .suppression import Cell

_ids = itertools.count(1)

WIDTH, BAR_HEIGHT, GAP, LABEL_WIDTH = 560, 22, 8, 190


@dataclass(frozen=True)
class Chart:
    """A chart's id, title and SVG, with the series it draws (for the table beside it)."""

    id: str
    title: str
    svg: SafeString
    series: list[tuple[str, Cell]]
    hidden_count: int


def _value(cell) -> int | float | None:
    if isinstance(cell, Cell):
        return cell.value
    return cell


def _note(hidden: int) -> str:
    return _("Hidden figures (fewer than 5 people) are not drawn.") if hidden else ""


def _open(chart_id: str, title: str, width: int, height: int, hidden: int) -> str:
    note = _note(hidden)
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="{id}-title{desc_ref}" '
        'viewBox="0 0 {w} {h}" width="100%" style="max-width:{w}px" class="oversight-chart">'
        '<title id="{id}-title">{title}</title>{desc}',
        id=chart_id,
        desc_ref=f" {chart_id}-desc" if note else "",
        w=width,
        h=height,
        title=title,
        desc=format_html('<desc id="{}-desc">{}</desc>', chart_id, note) if note else "",
    )


def bar_chart(title: str, series: list[tuple[str, Cell]]) -> Chart:
    """Horizontal bars, one per (label, cell), the value written at the end of each bar."""
    chart_id = f"chart-{next(_ids)}"
    values = [_value(cell) for _label, cell in series]
    top = max([v for v in values if v is not None] or [0]) or 1
    height = max(len(series), 1) * (BAR_HEIGHT + GAP) + GAP
    hidden = sum(1 for v in values if v is None)
    parts = [_open(chart_id, title, WIDTH, height, hidden)]
    room = WIDTH - LABEL_WIDTH - 60
    for index, ((label, cell), value) in enumerate(zip(series, values, strict=True)):
        y = GAP + index * (BAR_HEIGHT + GAP)
        parts.append(
            format_html(
                '<text x="{x}" y="{y}" text-anchor="end" font-size="12" fill="currentColor">{label}</text>',
                x=LABEL_WIDTH - 6,
                y=y + BAR_HEIGHT * 0.7,
                label=label,
            )
        )
        if value is None:
            parts.append(
                format_html(
                    '<text x="{x}" y="{y}" font-size="12" font-style="italic" fill="currentColor">{text}</text>',
                    x=LABEL_WIDTH,
                    y=y + BAR_HEIGHT * 0.7,
                    text=str(cell),
                )
            )
            continue
        length = max(round(room * value / top), 1 if value else 0)
        parts.append(
            format_html(
                '<rect x="{x}" y="{y}" width="{w}" height="{h}" fill="#2e6f9e"></rect>'
                '<text x="{tx}" y="{ty}" font-size="12" fill="currentColor">{value}</text>',
                x=LABEL_WIDTH,
                y=y,
                w=length,
                h=BAR_HEIGHT,
                tx=LABEL_WIDTH + length + 4,
                ty=y + BAR_HEIGHT * 0.7,
                value=_number(value),
            )
        )
    parts.append("</svg>")
    svg = mark_safe("".join(parts))  # noqa: S308 - every part is format_html output or numbers
    return Chart(chart_id, title, svg, list(series), hidden)


def line_chart(title: str, series: list[tuple[str, Cell]]) -> Chart:
    """A line through the points (label, cell) in order; a hidden point breaks the line."""
    chart_id = f"chart-{next(_ids)}"
    values = [_value(cell) for _label, cell in series]
    top = max([v for v in values if v is not None] or [0]) or 1
    height, left, bottom, right = 220, 40, 40, 20
    plot_h = height - bottom - 20
    step = (WIDTH - left - right) / max(len(series) - 1, 1)
    hidden = sum(1 for v in values if v is None)
    parts = [_open(chart_id, title, WIDTH, height, hidden)]
    parts.append(
        format_html(
            '<line x1="{l}" y1="{b}" x2="{r}" y2="{b}" stroke="currentColor" stroke-width="1"></line>'
            '<text x="{tx}" y="24" text-anchor="end" font-size="11" fill="currentColor">{top}</text>',
            l=left,
            r=WIDTH - right,
            b=height - bottom,
            tx=left - 4,
            top=_number(top),
        )
    )
    runs, run = [], []
    for index, value in enumerate(values):
        if value is None:
            if run:
                runs.append(run)
            run = []
            continue
        run.append((left + index * step, height - bottom - plot_h * value / top))
    if run:
        runs.append(run)
    for run in runs:
        points = " ".join(f"{x:.1f},{y:.1f}" for x, y in run)
        parts.append(f'<polyline points="{points}" fill="none" stroke="#2e6f9e" stroke-width="2"></polyline>')
        parts.extend(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="#2e6f9e"></circle>' for x, y in run)
    for index, (label, _cell) in enumerate(series):
        parts.append(
            format_html(
                '<text x="{x}" y="{y}" text-anchor="middle" font-size="10" fill="currentColor">{label}</text>',
                x=f"{left + index * step:.1f}",
                y=height - bottom + 16 + (index % 2) * 12,
                label=label,
            )
        )
    parts.append("</svg>")
    svg = mark_safe("".join(parts))  # noqa: S308 - every part is format_html output or numbers
    return Chart(chart_id, title, svg, list(series), hidden)


def _number(value) -> str:
    if isinstance(value, float) and not value.is_integer():
        return escape(f"{value:.1f}")
    return escape(str(int(value)))
