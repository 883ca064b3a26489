"""A young person applies in Spanish and confirms their email; an advisor of the territory
approves the file in the admin; an advisor of another territory cannot see it."""

import re
from datetime import date, timedelta

import pytest

from .conftest import staff_sign_in

pytestmark = pytest.mark.browser

EMAIL = "lucia.browser@example.org"
SMALL_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def sign_in(page, server, username):
    staff_sign_in(page, server, username)


def test_a_guest_applies_in_spanish_and_an_advisor_of_madrid_approves_the_file(site_server, browser, tmp_path):
    applicant = browser.new_context(locale="es-ES").new_page()
    applicant.goto(f"{site_server}/es/espana/buscar-habitacion/")
    assert applicant.locator("html").get_attribute("lang") == "es"

    applicant.fill("[name=first_name]", "Lucía")
    applicant.fill("[name=last_name]", "Navegador")
    applicant.fill("[name=email]", EMAIL)
    applicant.fill("[name=birth_date]", date(date.today().year - 21, 3, 1).isoformat())
    applicant.select_option("[name=language]", "es")
    applicant.fill("[name=nationality]", "española")
    applicant.select_option("[name=territory]", label="Madrid (28)")
    applicant.check("[name=consent]")
    applicant.screenshot(path=tmp_path / "1-identity.png", full_page=True)
    applicant.locator("main button[type=submit]").click()

    start = date.today() + timedelta(days=20)
    applicant.check("[name=programme][value=student]")
    applicant.fill("[name=institution]", "Universidad Complutense de Madrid")
    applicant.fill("[name=city]", "Madrid")
    applicant.fill("[name=start_date]", start.isoformat())
    applicant.fill("[name=end_date]", (start + timedelta(days=300)).isoformat())
    applicant.locator("main button[type=submit]").click()

    applicant.check("[name=languages][value=es]")
    applicant.fill("[name=budget]", "90")
    applicant.fill("[name=evenings_per_week]", "3")
    applicant.fill(
        "[name=motivation]",
        "Quiero compartir la vida diaria con una persona mayor y ayudar en casa mientras estudio en Madrid.",
    )
    applicant.locator("main button[type=submit]").click()
    # She reads her answers again, then sends them.
    applicant.wait_for_url(re.compile(r".*/step/4/$"))
    applicant.locator("main button[type=submit]").click()
    applicant.wait_for_url(re.compile(r".*/sent/$"))
    applicant.screenshot(path=tmp_path / "2-sent.png", full_page=True)

    (message,) = site_server.emails_to(EMAIL)
    link = re.search(r"https?://\S+/confirm/\S+/", message).group(0)
    applicant.goto(link)
    applicant.locator("main button[type=submit]").click()
    assert applicant.locator("main h2").inner_text()
    applicant.screenshot(path=tmp_path / "3-done.png", full_page=True)

    # From her space, signed in by a link, she sends her proof of enrolment.
    applicant.goto(f"{site_server}/es/my-application/")
    applicant.fill("[name=email]", EMAIL)
    applicant.locator("main button[type=submit]").click()
    sign_in_link = re.search(r"https?://\S+/my-application/link/\S+/", site_server.emails_to(EMAIL)[-1]).group(0)
    applicant.goto(sign_in_link)
    applicant.locator("main button[type=submit]").click()
    proof = tmp_path / "matricula.pdf"
    proof.write_bytes(SMALL_PDF)
    applicant.select_option("select[name=kind]", "enrolment")
    applicant.set_input_files("input[name=file]", str(proof))
    applicant.locator("form[enctype] button[type=submit]").click()
    assert applicant.locator("main li a[href*='/my-documents/']:not([href*='/export/'])").count() == 1
    applicant.screenshot(path=tmp_path / "3b-space.png", full_page=True)

    advisor = browser.new_context(locale="fr-FR").new_page()
    sign_in(advisor, site_server, "advisor.madrid")
    advisor.goto(f"{site_server}/admin/application/?q=Navegador")
    advisor.get_by_role("link", name=re.compile("Lucía Navegador")).first.click()
    file_url = advisor.url
    with advisor.expect_download() as download:
        advisor.locator("#documents a").first.click()
    assert download.value.path().read_bytes() == SMALL_PDF
    advisor.locator("#documents button").click()
    assert advisor.locator("#documents button").count() == 0
    for action in ("start_review", "schedule_interview", "approve"):
        advisor.locator(f"button[value={action}]").click()
        advisor.wait_for_load_state()
    assert advisor.locator("button[value=approve]").count() == 0
    assert advisor.locator("#history tbody tr").count() == 4
    advisor.screenshot(path=tmp_path / "4-approved.png", full_page=True)

    stranger = browser.new_context(locale="fr-FR").new_page()
    sign_in(stranger, site_server, "advisor.gironde")
    stranger.goto(f"{site_server}/admin/application/?q=Navegador")
    assert "Navegador" not in stranger.locator("main").inner_text()
    response = stranger.goto(file_url)
    assert response.status == 404
