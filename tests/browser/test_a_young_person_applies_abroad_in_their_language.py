"""A Spanish student applies to France's programme from the Spanish home, in Spanish, on a phone and
on a computer: a wrong answer is told in Spanish at the top of the step, the answers are read again,
the reference and what happens next follow. The advisor of Gironde vets the file from its answers,
approves it and pairs her with a host of Gironde; from her space, in Spanish, she follows the
proposal up to a convention written in Spanish and in French, which she is asked to sign."""

import re
import time
from datetime import date, timedelta

import pytest
from django.utils import translation
from django.utils.translation import gettext

from pairings.enums import PairingState
from pairings.models import Pairing
from workflow.enums import DocumentKind
from workflow.forms import STEPS, email_problem
from workflow.space import DOCUMENTS_FOR

from .conftest import staff_sign_in
from .test_accessibility import serious_violations
from .test_pairing_journey import accept_from_own_space, admin_path_pattern, label_of, open_file, shown_value
from .test_signing_a_convention import admin_prefix, messages_of

pytestmark = pytest.mark.browser

EMAIL = "lucia.viajera@example.org"
STUDENT = "Lucía Viajera"
# A host of Gironde whom the demo leaves waiting for his home visit: the other journeys pair
# Monique Lafargue and Jeanne Martin, so the advisor approves him here before pairing.
HOST = "Jean-Pierre Duclos"
HOST_EMAIL = "jean-pierre.duclos@example.org"
ADVISOR = "advisor.gironde"
WIDTHS = (390, 1280)


def spanish(message: str) -> str:
    with translation.override("es"):
        return gettext(message)


def language_name(code: str) -> str:
    """A language's name as Spanish speakers write it."""
    with translation.override("es"):
        return str(translation.get_language_info(code)["name_translated"])


def shoot(page, tmp_path, name):
    """A screenshot at each width; the page must not scroll sideways on the phone."""
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        overflow = page.evaluate("document.documentElement.scrollWidth > document.documentElement.clientWidth")
        assert not overflow, f"{page.url} scrolls sideways at {width} px"
        page.screenshot(path=tmp_path / f"{name}-{width}.png", full_page=True)
    page.set_viewport_size({"width": WIDTHS[0], "height": 844})


def assert_accessible(page):
    assert serious_violations(page) == [], page.url


def link_in_last_email(server, address, pattern):
    messages = server.emails_to(address)
    assert messages, f"no email to {address!r}"
    found = re.search(pattern, messages[-1])
    assert found, messages[-1]
    return found.group(0)


def the_student_applies(page, server, tmp_path):
    """From the Spanish home, France's programme, its form for young people, in Spanish."""
    page.goto(f"{server}/es/")
    programme = page.locator("main li.programme").filter(has=page.get_by_role("heading", name="France"))
    assert programme.count() == 1, page.locator("main").inner_text()
    with page.expect_navigation():
        programme.locator("a[data-kind=guest]").click()
    assert page.locator("html").get_attribute("lang") == "es"
    assert page.locator("label[for=id_first_name]").inner_text().startswith(spanish("First name"))

    page.fill("[name=first_name]", "Lucía")
    page.fill("[name=last_name]", "Viajera")
    page.fill("[name=email]", "lucia.viajera@")
    page.fill("[name=birth_date]", date(date.today().year - 21, 4, 12).isoformat())
    page.fill("[name=nationality]", "española")
    page.select_option("[name=territory]", label="Gironde (33)")
    page.check("[name=consent]")
    assert page.locator("[name=language]").input_value() == "es"
    with page.expect_navigation():
        page.locator("main button[type=submit]").click()

    # The wrong address is told in Spanish, in a summary above the form that links to the field.
    summary = page.locator("[data-error-summary]")
    summary.wait_for()
    assert summary.locator("h2").inner_text() == spanish("There is a problem")
    link = summary.locator("a[href='#id_email']")
    with translation.override("es"):
        # The message says what is wrong with the address and how to put it right.
        assert link.inner_text() == f"{gettext('Email address')} – {email_problem('lucia.viajera@')}"
    assert summary.locator("a").count() == 1
    assert summary.bounding_box()["y"] < page.locator("main form").bounding_box()["y"]
    assert page.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    shoot(page, tmp_path, "1-step-with-a-problem")
    assert_accessible(page)

    link.click()
    assert page.evaluate("document.activeElement.id") == "id_email"
    page.fill("[name=email]", EMAIL)
    page.check("[name=consent]")
    with page.expect_navigation():
        page.locator("main button[type=submit]").click()

    start = date.today() + timedelta(days=20)
    page.check("[name=programme][value=student]")
    page.fill("[name=institution]", "Université Bordeaux Montaigne")
    page.fill("[name=city]", "Pessac")
    page.fill("[name=institution_postcode]", "33607")
    page.fill("[name=start_date]", start.isoformat())
    page.fill("[name=end_date]", (start + timedelta(days=300)).isoformat())
    with page.expect_navigation():
        page.locator("main button[type=submit]").click()

    page.check("[name=languages][value=es]")
    page.check("[name=languages][value=fr]")
    page.fill("[name=budget]", "120")
    page.fill("[name=evenings_per_week]", "3")
    page.fill(
        "[name=motivation]",
        "Voy a estudiar un año en Burdeos y me gustaría compartir la vida diaria con una persona mayor.",
    )
    with page.expect_navigation():
        page.locator("main button[type=submit]").click()

    # She reads her answers again, in Spanish, then sends them.
    assert re.search(r"/step/4/$", page.url), messages_of(page)
    main = page.locator("main").inner_text()
    assert spanish("Check your answers before sending your application") in main
    assert "Lucía" in main and "Gironde (33)" in main and "None" not in main
    assert page.locator("main .answers-heading a").count() == len(STEPS["guest"])
    shoot(page, tmp_path, "2-check-your-answers")
    assert_accessible(page)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()

    assert re.search(r"/sent/$", page.url)
    assert re.fullmatch(r"WS-\d{4}-\d{6}", page.locator("main .reference").inner_text())
    assert page.locator("main ol.next-steps li").count() >= 3
    assert spanish("What happens next") in page.locator("main").inner_text()
    assert EMAIL in page.locator("main").inner_text()
    shoot(page, tmp_path, "3-sent")
    assert_accessible(page)

    # The link in the email confirms her address, still in Spanish.
    page.goto(link_in_last_email(server, EMAIL, r"https?://\S+/confirm/\S+/(\?lang=es)?"))
    assert page.locator("html").get_attribute("lang") == "es"
    with page.expect_navigation():
        page.locator("main button[type=submit]").click()
    assert page.locator("main h2").inner_text() == spanish("Your application is sent")


def the_student_opens_her_space(page, server):
    """From the site's header, "My application", then the link emailed to her."""
    page.locator("header a.my-application-link").click()
    page.wait_for_url(re.compile(r".*/es/my-application/$"))
    page.fill("[name=email]", EMAIL)
    with page.expect_navigation():
        page.locator("main button[type=submit]").click()
    page.goto(link_in_last_email(server, EMAIL, r"https?://\S+/my-application/link/\S+/"))
    with page.expect_navigation():
        page.locator("main button[type=submit]").click()
    assert re.search(r"/es/my-application/$", page.url), page.url
    return page.locator("main section.applicant-file").first


def the_convention_is_in_spanish_and_french(page):
    """What the page says of the convention's languages, in Spanish: the host's and hers."""
    said = page.locator("main .convention-languages")
    assert said.count() == 1, page.locator("main").inner_text()
    with translation.override("es"):
        expected = gettext("Languages of your convention:")
        both = gettext("%(first)s and %(second)s, side by side: each of you reads it in their own language.")
    assert said.inner_text() == f"{expected} {both % {'first': language_name('fr'), 'second': language_name('es')}}"


def test_a_spanish_student_applies_to_france_in_spanish_and_reaches_a_convention_in_both_languages(
    site_server, browser, tmp_path
):
    student = browser.new_context(locale="es-ES", viewport={"width": WIDTHS[0], "height": 844}).new_page()
    the_student_applies(student, site_server, tmp_path)
    file = the_student_opens_her_space(student, site_server)

    # Her space, in Spanish: what happened, the documents a young person may send, her association.
    assert student.locator("html").get_attribute("lang") == "es"
    assert file.locator("ol.timeline li").count() >= 2
    offered = set(file.locator("select[name=kind] option").evaluate_all("options => options.map(o => o.value)"))
    assert offered and offered <= {str(kind) for kind in DOCUMENTS_FOR["guest"]}, offered
    assert str(DocumentKind.ENROLMENT) in offered
    assert file.locator("address.association").count() == 1
    assert spanish("Your association") in file.inner_text()
    assert "None" not in student.locator("main").inner_text()
    shoot(student, tmp_path, "4-space")
    assert_accessible(student)

    # The advisor of Gironde vets the file from its answers, grouped as the form asked them.
    advisor = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900}).new_page()
    staff_sign_in(advisor, site_server, ADVISOR)
    language = advisor.locator("html").get_attribute("lang")
    open_file(advisor, site_server, STUDENT)
    with translation.override(language):
        titles = [str(step.title) for step in STEPS["guest"]]
    groups = advisor.locator("#answers h3").all_inner_texts()
    assert groups[: len(titles)] == titles, groups
    assert "Université Bordeaux Montaigne" in advisor.locator("#answers").inner_text()
    for action in ("start_review", "schedule_interview", "approve"):
        with advisor.expect_navigation():
            advisor.locator(f"button[value={action}]").click()
        assert advisor.locator(f"button[value={action}]").count() == 0, messages_of(advisor)
    advisor.screenshot(path=tmp_path / "5-student-approved.png", full_page=True)

    # The host's home was visited: the advisor approves him, then proposes the student to him.
    open_file(advisor, site_server, HOST)
    for action in ("record_home_visit", "approve"):
        with advisor.expect_navigation():
            advisor.locator(f"button[value={action}]").click()
        assert advisor.locator(f"button[value={action}]").count() == 0, messages_of(advisor)
    advisor.locator(f"main a[href^='{admin_prefix('pairings_pairing:suggestions')}']").click()
    advisor.wait_for_url(admin_path_pattern("pairings_pairing:suggestions"))
    suggestion = advisor.locator("main article.suggestion").filter(has_text=STUDENT)
    assert suggestion.count() == 1, advisor.locator("main").inner_text()
    advisor.screenshot(path=tmp_path / "6-suggestions.png", full_page=True)
    with advisor.expect_navigation():
        suggestion.locator("form button[type=submit]").click()
    assert admin_path_pattern("pairings_pairing:inspect").search(advisor.url), messages_of(advisor)
    pairing_url = advisor.url

    # The proposal, from her space, in Spanish; she accepts it, then so does the host.
    student.reload()
    the_convention_is_in_spanish_and_french(student)
    student.locator("main a[href*='/my-pairing/']").click()
    student.wait_for_url(re.compile(r".*/es/my-pairing/\d+/$"))
    assert student.locator("main h1").inner_text() == spanish("Proposal of homesharing")
    shoot(student, tmp_path, "7-proposal")
    with student.expect_navigation():
        student.locator("main button[name=answer][value=accept]").click()
    assert student.locator("main .messages[role=status]").count() == 1, messages_of(student)
    accept_from_own_space(browser, site_server, HOST_EMAIL, tmp_path, "8-host")
    student.goto(f"{site_server}/es/my-application/")
    the_convention_is_in_spanish_and_french(student)
    shoot(student, tmp_path, "9-accepted")

    # The advisor moves the pairing on to a convention drafted in both languages, and opens signing.
    advisor.goto(pairing_url)
    assert shown_value(advisor, Pairing, "state", language) == label_of(PairingState.ACCEPTED, language)
    actions = advisor.locator("main section[aria-labelledby=actions-heading]")
    for action in ("schedule_meeting", "start_trial", "draft_convention"):
        with advisor.expect_navigation():
            actions.locator(f"button[name=action][value={action}]").click()
        assert actions.locator(f"button[name=action][value={action}]").count() == 0, messages_of(advisor)
    convention_link = advisor.locator(f"main a[href^='{admin_prefix('convention_admin')}']")
    deadline = time.monotonic() + 20
    while not convention_link.count() and time.monotonic() < deadline:
        advisor.reload()
    assert convention_link.count() == 1, "the convention was not rendered"
    with advisor.expect_navigation():
        actions.locator("button[name=action][value=open_signing]").click()
    assert shown_value(advisor, Pairing, "state", language) == label_of(PairingState.SIGNING, language)
    advisor.screenshot(path=tmp_path / "10-signing-opened.png", full_page=True)

    # From her space, the convention: in French and in Spanish, hers to sign first.
    student.goto(f"{site_server}/es/my-application/")
    the_convention_is_in_spanish_and_french(student)
    assert_accessible(student)
    student.locator("main a[href*='/conventions/my-convention/']").click()
    student.wait_for_url(re.compile(r".*/es/conventions/my-convention/\d+/$"))
    the_convention_is_in_spanish_and_french(student)
    assert student.locator("main form:has(input[name=step][value=code]) button[type=submit]").count() == 1
    with student.expect_download() as download:
        student.locator("main a[href$='/file.pdf']").click()
    assert download.value.path().read_bytes().startswith(b"%PDF-")
    shoot(student, tmp_path, "11-convention-to-sign")
    assert_accessible(student)

    for page in (student, advisor):
        page.context.close()
