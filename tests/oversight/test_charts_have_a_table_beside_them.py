"""Charts are SVG drawn on the server, each an image with a title and a table of the same figures
beside it; a hidden figure gets no bar and reads "fewer than 5" in the table."""

import re

from django.urls import reverse

from oversight import charts
from oversight.suppression import Cell

from .figures_seed import seed


def test_a_bar_chart_is_a_titled_image_without_the_hidden_bar():
    chart = charts.bar_chart("Pairs <formed>", [("Gironde", Cell(12)), ("Landes", Cell(None, small=True))])

    svg = str(chart.svg)
    assert svg.startswith("<svg") and 'role="img"' in svg
    assert f'<title id="{chart.id}-title">Pairs &lt;formed&gt;</title>' in svg
    assert svg.count("<rect") == 1
    assert "<desc" in svg and chart.hidden_count == 1


def test_a_line_chart_breaks_at_a_hidden_point():
    chart = charts.line_chart("Months", [("a", Cell(5)), ("b", Cell(None, small=True)), ("c", Cell(7)), ("d", Cell(8))])

    assert str(chart.svg).count("<polyline") == 2
    assert str(chart.svg).count("<circle") == 3


def test_every_chart_of_the_pages_has_its_table(client):
    s = seed()
    client.force_login(s.national)

    for url, params in (
        (reverse("oversight_statistics"), {}),
        (reverse("oversight_statistics_figures"), {"by": "month"}),
        (reverse("oversight_report"), {"month": "2025-12"}),
    ):
        page = client.get(url, params).content.decode()
        ids = re.findall(r'<svg[^>]*aria-labelledby="(chart-\d+)-title', page)
        assert ids
        for chart_id in ids:
            assert f'aria-labelledby="{chart_id}-caption"' in page
            assert f'<caption id="{chart_id}-caption"' in page
        assert "<script" not in page.split('class="nice-padding"')[1].split("</main>")[0]
