"""Ages and amounts on pages come from the country's settings, so pages and forms never disagree."""

import json

from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation

from cms_pages.models import HowItWorksPage, StandardPage
from workflow.models import Country


def rules_box(html: str) -> str:
    return html.split('<aside class="rules"', 1)[1].split("</aside>", 1)[0]


def test_a_how_it_works_page_prints_the_ages_and_contribution_of_its_country(client, demo):
    with translation.override("en"):
        html = client.get("/en/spain/hosting/").content.decode()

    assert "Who can take part in España" in html
    assert "Hosts: aged 60 or over" in html
    assert "Monthly contribution to household costs: from 0 € to 100 €." in html


def test_the_guests_page_prints_the_guest_ages_only(client, demo):
    page = HowItWorksPage.objects.get(audience="guests", locale__language_code="en", url_path__contains="france")
    with translation.override("en"):
        box = rules_box(client.get(page.url).content.decode())

    assert "Guests: aged 18 to 30." in box
    assert "Hosts" not in box


def test_editing_the_country_changes_the_page_at_once(client, demo):
    client.get("/fr/france/accueillir/")
    france = Country.objects.get(code="FR")
    france.host_min_age = 62
    france.save()

    box = rules_box(client.get("/fr/france/accueillir/").content.decode())

    assert "62" in box
    assert "60" not in box


def test_editors_can_place_the_rules_in_any_page_of_a_section(client, demo):
    page = StandardPage.objects.filter(locale__language_code="fr", depth=4).first()
    page.body = json.dumps([{"type": "programme_rules", "value": {"audience": "guests"}}])
    page.save_revision().publish()

    box = rules_box(client.get(page.url).content.decode())

    assert "18" in box
    assert "30" in box
    assert "60" not in box


def test_the_country_figure_tag_prints_one_figure(demo):
    page = HowItWorksPage.objects.get(audience="hosts", locale__language_code="fr")
    template = Template(
        '{% load weshare_site %}{% country_figure "host_min_age" %}/{% country_figure "max_contribution" %}'
    )

    assert template.render(Context({"page": page, "request": RequestFactory().get("/")})) == "60/150 €"


def test_a_page_outside_any_section_prints_nothing(demo):
    template = Template('{% load weshare_site %}[{% country_figure "host_min_age" %}]')

    assert template.render(Context({})) == "[]"
