"""Charts drawn on the server as SVG: no script, no library, nothing fetched from elsewhere.

Each chart is an image with its title (``role="img"``, ``<title>``, ``aria-labelledby``) and is
always shown beside the table of its figures, which screen readers read instead (the template
``oversight/chart.html`` puts them side by side). A hidden figure ("fewer than 5") has no bar or
point: the chart says so under its title rather than drawing a value that was not published.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from .suppression import Cell

_ids = itertools.count(1)

WIDTH, BAR_HEIGHT, GAP, LABEL_WIDTH = 560, 22, 8, 190
#: Bar charts are narrower, so that their words stay readable once scaled down to a phone's width.
BAR_WIDTH, FONT = 440, 13
#: A bar's label longer than this is shortened (the whole label is its tooltip and in the table).
LABEL_CHARACTERS = 24


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


def _short(label: str) -> str:
    return label if len(label) <= LABEL_CHARACTERS else label[: LABEL_CHARACTERS - 1].rstrip() + "…"


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
    label_width = round(BAR_WIDTH * 0.4)
    parts = [_open(chart_id, title, BAR_WIDTH, height, hidden)]
    room = BAR_WIDTH - label_width - 50
    for index, ((label, cell), value) in enumerate(zip(series, values, strict=True)):
        y = GAP + index * (BAR_HEIGHT + GAP)
        parts.append(
            format_html(
                '<text x="{x}" y="{y}" text-anchor="end" font-size="{size}" fill="currentColor">'
                "<title>{label}</title>{short}</text>",
                x=label_width - 6,
                y=y + BAR_HEIGHT * 0.7,
                size=FONT,
                label=label,
                short=_short(str(label)),
            )
        )
        if value is None:
            parts.append(
                format_html(
                    '<text x="{x}" y="{y}" font-size="{size}" font-style="italic" fill="currentColor">{text}</text>',
                    size=FONT,
                    x=label_width,
                    y=y + BAR_HEIGHT * 0.7,
                    text=str(cell),
                )
            )
            continue
        length = max(round(room * value / top), 1 if value else 0)
        parts.append(
            format_html(
                '<rect x="{x}" y="{y}" width="{w}" height="{h}" fill="#2e6f9e"></rect>'
                '<text x="{tx}" y="{ty}" font-size="{size}" fill="currentColor">{value}</text>',
                x=label_width,
                y=y,
                w=length,
                h=BAR_HEIGHT,
                size=FONT,
                tx=label_width + length + 4,
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
            '<line x1="{l}" y1="{b}" x2="{r}" y2="{b}" stroke="currentColor" stroke-width="1"></line>',
            l=left,
            r=WIDTH - right,
            b=height - bottom,
        )
    )
    if hidden == len(values) and values:
        parts.append(
            format_html(
                '<text x="{x}" y="{y}" text-anchor="middle" font-size="{size}" font-style="italic" '
                'fill="currentColor">{text}</text>',
                x=WIDTH / 2,
                y=(height - bottom) / 2,
                size=FONT + 3,
                text=_("Every figure is hidden (fewer than 5 people): see the table."),
            )
        )
    elif values:
        parts.append(
            format_html(
                '<text x="{tx}" y="24" text-anchor="end" font-size="{size}" fill="currentColor">{top}</text>',
                tx=left - 4,
                size=FONT,
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
    # Labels on the axis: as many as fit side by side (each shown one in ``every``), kept within the chart.
    widest = max((len(str(label)) for label, _cell in series), default=1) * FONT * 0.6 + 12
    every = max(1, math.ceil(widest / step)) if len(series) > 1 else 1
    for index, (label, _cell) in enumerate(series):
        if index % every:
            continue
        x = min(max(left + index * step, widest / 2), WIDTH - widest / 2)
        parts.append(
            format_html(
                '<text x="{x}" y="{y}" text-anchor="middle" font-size="{size}" fill="currentColor">{label}</text>',
                x=f"{x:.1f}",
                y=height - bottom + 20,
                size=FONT,
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
