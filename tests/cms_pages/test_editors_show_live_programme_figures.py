"""Editors put live programme figures in a page's key-figures block.

The figure is counted for the country of the page's section when the page is shown, and a count
under 5 reads "fewer than 5", as everywhere figures about people are published.
"""

from datetime import date

import pytest
from wagtail.blocks.struct_block import StructBlockValidationError

from cms_pages.blocks import KeyFigureBlock
from cms_pages.models import CountryPage
from pairings.models import Pairing
from tests.workflow.factories import ApplicationFactory, UserFactory
from workflow.enums import TerritoryLevel
from workflow.models import Territory


def pairs(country_code: str, count: int, *, moved_in: bool = True) -> None:
    territory = Territory.objects.filter(country__code=country_code, level=TerritoryLevel.DEPARTMENT).first()
    author = UserFactory()
    for _ in range(count):
        Pairing.objects.create(
            host=ApplicationFactory(host=True, territory=territory, country=territory.country),
            guest=ApplicationFactory(territory=territory, country=territory.country),
            state="active" if moved_in else "proposed",
            moved_in_on=date(2026, 1, 5) if moved_in else None,
            created_by=author,
        )


def show_live_figures(page: CountryPage) -> None:
    page.body = [
        (
            "key_figures",
            {
                "heading": "En chiffres",
                "figures": [
                    {"figure": "", "live": "pairs_created", "label": "binômes formés"},
                    {"figure": "", "live": "young_people_accompanied", "label": "jeunes accompagnés"},
                    {"figure": "20 ans", "live": "", "label": "d'expérience"},
                ],
            },
        )
    ]
    page.save_revision().publish()


@pytest.fixture
def france_page(demo):
    page = CountryPage.objects.get(country__code="FR", locale__language_code="fr")
    show_live_figures(page)
    return page


def test_a_live_figure_counts_the_pairs_of_the_pages_country_only(client, france_page):
    pairs("FR", 6)
    pairs("FR", 3, moved_in=False)
    pairs("ES", 7)

    html = client.get(france_page.url).content.decode()

    assert "<strong>6</strong> <span>binômes formés</span>" in html
    assert "<strong>6</strong> <span>jeunes accompagnés</span>" in html
    assert "<strong>20 ans</strong> <span>d&#x27;expérience</span>" in html


def test_a_live_figure_under_five_reads_fewer_than_five(client, france_page):
    pairs("FR", 2)

    html = client.get(france_page.url).content.decode()

    assert "<strong>moins de 5</strong> <span>binômes formés</span>" in html
    assert "<strong>2</strong>" not in html


@pytest.mark.parametrize(
    "value",
    [
        {"figure": "", "live": "", "label": "binômes"},
        {"figure": "150", "live": "pairs_created", "label": "binômes"},
    ],
)
def test_an_editor_types_a_figure_or_chooses_a_live_one_not_both_nor_neither(value):
    block = KeyFigureBlock()

    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python(value))
