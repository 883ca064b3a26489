"""A how-it-works page ends with the button that starts its readers' form: hosts the host form, guests the guest one."""

import re

import pytest

from cms_pages.models import ApplicationFormPage, HowItWorksPage


def last_button(html: str) -> str:
    article = html.split("<article", 1)[1].split("</article>", 1)[0]
    return re.findall(r'<a class="button[^"]*" href="([^"]+)"', article)[-1]


@pytest.mark.parametrize(("audience", "kind"), [("hosts", "host"), ("guests", "guest")])
def test_every_how_it_works_page_ends_with_the_form_of_its_audience_in_its_section(client, demo, audience, kind):
    pages = HowItWorksPage.objects.live().filter(audience=audience)
    assert pages.count() == 4

    for page in pages:
        form = ApplicationFormPage.objects.sibling_of(page).live().get(kind=kind)
        assert last_button(client.get(page.url).content.decode()) == form.url


def test_the_button_reads_as_the_form_title(client, demo):
    html = client.get("/es/espana/acoger/").content.decode()

    assert '<a class="button button-large" href="/es/espana/ofrecer-habitacion/" data-form-kind="host">' in html
    assert "Ofrezco una habitación</a>" in html


def test_no_button_when_the_section_has_no_form_of_that_kind(client, demo):
    page = HowItWorksPage.objects.get(audience="guests", locale__language_code="fr")
    ApplicationFormPage.objects.sibling_of(page).get(kind="guest").unpublish()

    html = client.get(page.url).content.decode()

    assert "data-form-kind" not in html
