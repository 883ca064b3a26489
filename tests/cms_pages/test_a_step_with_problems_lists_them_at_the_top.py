"""A step sent with problems opens on "There is a problem": a link to each field with its
message, each field described by its message, and the page title says there is an error."""

import re

from django.utils import translation

from ..workflow.test_applying_online import form_page, guest_steps


def sent_with_problems(client):
    page = form_page("guest", "es")
    data = {**guest_steps()[0], "first_name": "", "territory": ""}
    with translation.override("en"):
        return client.post(page.url, data, HTTP_ACCEPT_LANGUAGE="en")


def test_the_summary_links_to_each_field_with_its_message(client):
    response = sent_with_problems(client)
    html = response.content.decode()

    assert response.status_code == 400
    summary = html[html.index("data-error-summary") : html.index("</div>", html.index("data-error-summary"))]
    assert 'tabindex="-1"' in html[html.index('class="error-summary"') - 5 : html.index("data-error-summary")]
    assert 'href="#id_first_name"' in summary
    assert 'href="#id_territory"' in summary
    messages = response.context["error_summary"]
    assert [problem["anchor"] for problem in messages] == ["id_first_name", "id_territory"]


def test_each_field_is_described_by_its_message(client):
    html = sent_with_problems(client).content.decode()

    field = re.search(r"<input[^>]*name=\"first_name\"[^>]*>", html).group(0)
    assert 'aria-invalid="true"' in field
    assert 'aria-describedby="id_first_name_error"' in field
    assert 'id="id_first_name_error"' in html
    territory = re.search(r"<select[^>]*name=\"territory\"[^>]*>", html).group(0)
    assert "id_territory_error" in territory


def test_the_focus_moves_to_the_summary_by_the_sites_own_script(client):
    html = sent_with_problems(client).content.decode()

    assert "js/error-summary.js" in html
    assert "<script>" not in html, "the content security policy allows only the site's own script files"


def test_a_step_without_problems_has_no_summary(client):
    html = client.get(form_page("guest", "es").url).content.decode()

    assert "data-error-summary" not in html
