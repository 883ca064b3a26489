"""The public form on a phone and on a computer: a step sent with problems opens on their
summary, the answers are read again before sending, and the sent page gives the reference."""

import re
from datetime import date, timedelta

import pytest

pytestmark = pytest.mark.browser

EMAIL = "ines.formulario@example.org"
WIDTHS = (390, 1280)


def shoot(page, tmp_path, name):
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=tmp_path / f"{name}-{width}.png", full_page=True)


def test_a_guest_corrects_a_step_checks_her_answers_and_reads_her_reference(site_server, browser, tmp_path):
    applicant = browser.new_context(locale="es-ES").new_page()
    applicant.goto(f"{site_server}/es/espana/buscar-habitacion/")
    assert applicant.locator("[name=territory]").input_value() == "", "no area is chosen for her"

    applicant.fill("[name=first_name]", "Inés")
    applicant.fill("[name=email]", EMAIL)
    applicant.fill("[name=birth_date]", date(date.today().year - 22, 5, 2).isoformat())
    applicant.check("[name=consent]")
    applicant.locator("main button[type=submit]").click()

    summary = applicant.locator("[data-error-summary]")
    assert summary.is_visible()
    assert applicant.evaluate("document.activeElement.hasAttribute('data-error-summary')"), "focus is on the summary"
    assert applicant.title().startswith("Error")
    assert summary.locator("a[href='#id_last_name']").count() == 1
    assert summary.locator("a[href='#id_territory']").count() == 1
    described = applicant.locator("#id_last_name").get_attribute("aria-describedby")
    assert "id_last_name_error" in described
    shoot(applicant, tmp_path, "1-step-with-problems")

    summary.locator("a[href='#id_last_name']").click()
    assert applicant.evaluate("document.activeElement.id") == "id_last_name"
    applicant.fill("[name=last_name]", "Formulario")
    applicant.fill("[name=nationality]", "española")
    applicant.select_option("[name=territory]", label="Madrid (28)")
    applicant.check("[name=consent]")
    applicant.locator("main button[type=submit]").click()

    start = date.today() + timedelta(days=20)
    applicant.check("[name=programme][value=student]")
    applicant.fill("[name=institution]", "Universidad Politécnica de Madrid")
    applicant.fill("[name=city]", "Madrid")
    applicant.fill("[name=institution_postcode]", "28040")
    applicant.fill("[name=start_date]", start.isoformat())
    applicant.fill("[name=end_date]", (start + timedelta(days=280)).isoformat())
    applicant.locator("main button[type=submit]").click()

    applicant.check("[name=languages][value=es]")
    applicant.fill("[name=budget]", "100")
    applicant.fill("[name=evenings_per_week]", "4")
    applicant.fill(
        "[name=motivation]",
        "Me gustaría compartir la vida diaria con una persona mayor, aprender de ella y ayudar en casa.",
    )
    applicant.locator("main button[type=submit]").click()

    applicant.wait_for_url(re.compile(r".*/step/4/$"))
    main = applicant.locator("main").inner_text()
    assert "Inés" in main and "Madrid (28)" in main and "Estudiante" in main
    assert "None" not in main and "student" not in main
    assert applicant.locator("main .answers-heading a").count() == 3
    shoot(applicant, tmp_path, "2-check-your-answers")

    applicant.locator("main form button[type=submit]").click()
    applicant.wait_for_url(re.compile(r".*/sent/$"))
    reference = applicant.locator(".reference").inner_text()
    assert re.fullmatch(r"WS-\d{4}-\d{6}", reference)
    assert EMAIL in applicant.locator("main").inner_text()
    assert len(site_server.emails_to(EMAIL)) == 1
    shoot(applicant, tmp_path, "3-sent")
