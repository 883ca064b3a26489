"""A senior is helped at home, every step done with the keyboard alone in a window zoomed to 200 %:
during a visit, an advisor fills in the host's file with her and she agrees with a printed code;
she gives her daughter a mandate, agreed with a code sent by text message; the daughter joins, sends a document and writes
to the association, shown "on behalf of" her mother; later, the senior signs the convention on the
advisor's device with the code of a printed sheet, after the check of her identity document.

Screenshots of each main screen are kept in the test's folder, at 200 % and, for the key screens,
at 390 and 1280 px.
"""

import re
import subprocess
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import translation

from conversations.presentation import on_behalf

from .conftest import staff_account_like, staff_sign_in
from .test_the_files_page_shows_the_next_action_without_a_reload import on_the_server

pytestmark = pytest.mark.browser

ADVISOR = "advisor.senior.keyboard"
#: 1280 px at 200 % zoom: a window 640 CSS px wide, each CSS px drawn by 2 device pixels.
ZOOMED = {"viewport": {"width": 640, "height": 450}, "device_scale_factor": 2, "locale": "fr-FR"}
PHONE = "+33612345678"
DAUGHTER = "Claire Vidal"
DAUGHTER_EMAIL = "claire.vidal.keyboard@example.org"
PRESENT = "La conseillère et Claire Vidal, fille de la signataire"
ANY_PK = 987654321
CODE_LINE = re.compile(r"^\s*(\d{6})\s*$", re.MULTILINE)


# -- the keyboard ---------------------------------------------------------------------------------


def is_focused(locator) -> bool:
    return locator.evaluate("element => element === document.activeElement")


def tab_to(page, locator, limit=300):
    """Press Tab until ``locator``'s element has the focus, as a keyboard user moves through the page."""
    locator.wait_for(state="attached")
    for _ in range(limit):
        if is_focused(locator):
            return
        page.keyboard.press("Tab")
    shown = page.evaluate("document.activeElement && document.activeElement.outerHTML.slice(0, 200)")
    raise AssertionError(f"{locator} cannot be reached with Tab on {page.url} (focus stays on {shown})")


def type_into(page, locator, text):
    tab_to(page, locator)
    page.keyboard.press("Control+A")
    page.keyboard.type(text)


def tick(page, locator):
    tab_to(page, locator)
    if not locator.is_checked():
        page.keyboard.press("Space")
    assert locator.is_checked(), f"Space did not tick {locator}"


def choose_radio(page, form, name, value):
    """Tab into the radio group, then move with the arrow keys to the wanted choice."""
    group = form.locator(f"input[type=radio][name={name}]")
    group.first.wait_for(state="attached")
    for _ in range(300):
        if page.evaluate(f"document.activeElement && document.activeElement.name === {name!r}"):
            break
        page.keyboard.press("Tab")
    else:
        raise AssertionError(f"the radio group {name!r} cannot be reached with Tab on {page.url}")
    wanted = form.locator(f"input[type=radio][name={name}][value={value}]")
    if is_focused(wanted):
        page.keyboard.press("Space")
    for _ in range(group.count() + 1):
        if wanted.is_checked():
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"the arrow keys did not reach {name}={value}")


def choose_option(page, locator, value):
    """On a closed list, the arrow keys move from one option to the next."""
    tab_to(page, locator)
    if locator.input_value() == value:
        return
    page.keyboard.press("Home")
    for _ in range(locator.locator("option").count() + 1):
        if locator.input_value() == value:
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"the arrow keys did not choose {value!r} in {locator}")


def type_date(page, locator, day: date):
    """A date field shows day, month and year in the page's language (French: day first)."""
    tab_to(page, locator)
    page.keyboard.type(f"{day:%d%m%Y}")
    if locator.input_value() != day.isoformat():
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Shift+Tab")
        page.keyboard.type(f"{day:%m%d%Y}")
    assert locator.input_value() == day.isoformat(), f"typed {day}, the field holds {locator.input_value()!r}"


def fill(page, form, values: dict):
    """Each field in turn, in the order of the page, as its kind asks."""
    for name, value in values.items():
        fields = form.locator(f"[name={name}]")
        kind = fields.first.evaluate("e => e.tagName === 'INPUT' ? e.type : e.tagName.toLowerCase()")
        if kind == "radio":
            choose_radio(page, form, name, value)
        elif kind == "checkbox":
            for one in [value] if isinstance(value, str | bool) else value:
                tick(page, fields if one is True else form.locator(f"[name={name}][value={one}]"))
        elif kind == "select":
            choose_option(page, fields, value)
        elif kind == "date":
            type_date(page, fields, value)
        else:
            type_into(page, fields, value)


def focus_is_visible(locator) -> bool:
    """Whether the focused element is drawn with an outline or a ring (WCAG 2.4.7)."""
    return locator.evaluate(
        """element => {
            const style = getComputedStyle(element);
            const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
            return outline || (style.boxShadow && style.boxShadow !== "none");
        }"""
    )


def press(page, locator, *, navigates=True, check_focus=True):
    """Tab to a button or a link, see its focus, press Enter."""
    tab_to(page, locator)
    if check_focus:
        assert focus_is_visible(locator), f"no visible focus on {locator} at {page.url}"
    if navigates:
        with page.expect_navigation() as navigation:
            page.keyboard.press("Enter")
        response = navigation.value
        assert response is None or response.status < 500, f"{response.status} at {page.url}"
    else:
        page.keyboard.press("Enter")


def messages_of(page):
    return " | ".join(page.locator(".messages, [role=alert], .help-critical").all_inner_texts())


def scrolls_sideways(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth > document.documentElement.clientWidth + 1")


def shoot(page, tmp_path, name, *, widths=False):
    page.screenshot(path=tmp_path / f"{name}-200pct.png", full_page=True)
    if widths:
        for width in (390, 1280):
            with page.context.browser.new_context(
                locale="fr-FR", viewport={"width": width, "height": 900}, storage_state=page.context.storage_state()
            ) as other:
                copy = other.new_page()
                copy.goto(page.url)
                copy.screenshot(path=tmp_path / f"{name}-{width}.png", full_page=True)


def pdf_text(pdf_path) -> str:
    return subprocess.run(["pdftotext", str(pdf_path), "-"], capture_output=True, check=True, text=True).stdout


def small_png(path):
    from PIL import Image

    Image.new("RGB", (120, 160), (200, 220, 255)).save(path)
    return path


# -- later, out of the browser: the file approved, a guest paired, her turn to sign ---------------

A_CONVENTION_AWAITING_THE_HOST = """
import re, subprocess, tempfile
from pathlib import Path
from django.contrib.auth import get_user_model
from documents.conventions.services import (
    convention_render, convention_sign_in_person, identity_check_record, signing_code_deliver,
)
from documents.models import Convention
from pairings.selectors import why
from pairings.services import pairing_act, pairing_answer, pairing_propose
from tests.workflow.factories import ApplicationFactory, set_state
from workflow.models import Application

advisor = get_user_model().objects.get(username={advisor!r})
Application.objects.filter(pk={host_pk}).update(state="approved")
host = Application.objects.get(pk={host_pk})
# A guest of her area like the demo's Léa Moreau, whom the other journeys pair.
like = Application.objects.get(kind="guest", territory=host.territory, last_name="Moreau")
guest = ApplicationFactory(
    territory=host.territory, first_name="Yanis", last_name="Belkacem", email="yanis.{host_pk}@example.org",
    birth_date=like.birth_date, language="fr", answers=dict(like.answers),
)
guest = set_state(guest, "approved")
assert why(host, guest)["suggested"], why(host, guest)
pairing = pairing_propose(host=host, guest=guest, by=advisor, manual_reason="Rencontre lors de la visite")
for party in ("guest", "host"):
    pairing_answer(pairing_id=pairing.pk, party=party, accept=True)
for action in ("schedule_meeting", "start_trial", "draft_convention"):
    pairing = pairing_act(pairing_id=pairing.pk, action=action, by=advisor)
if not Convention.objects.filter(pairing=pairing).exists():
    convention_render(pairing_id=pairing.pk)
pairing_act(pairing_id=pairing.pk, action="open_signing", by=advisor)
convention = Convention.objects.get(pairing=pairing)
identity_check_record(
    convention_id=convention.pk, party="guest", by=advisor, document_type="passport", place="office",
    present="La conseillère et le signataire",
)
pdf = signing_code_deliver(convention_id=convention.pk, party="guest", delivery="sheet", by=advisor)
with tempfile.TemporaryDirectory() as folder:
    path = Path(folder) / "sheet.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True, text=True).stdout
code = re.search(r"^\\s*(\\d{{6}})\\s*$", text, re.M).group(1)
convention_sign_in_person(
    convention_id=convention.pk, party="guest", code=code, by=advisor, consent=True, place="office",
    present="La conseillère et le signataire",
)
assert Convention.objects.get(pk=convention.pk).state == "signed_by_guest"
print(convention.pk)
"""


def convention_state(server, pk) -> str:
    return on_the_server(
        server, f"from documents.models import Convention; print(Convention.objects.get(pk={pk}).state)"
    )


def test_a_senior_is_helped_at_home_by_keyboard_at_200_percent(site_server, browser, tmp_path):
    username = staff_account_like(site_server, "advisor.gironde", ADVISOR)
    advisor = browser.new_context(**ZOOMED).new_page()
    staff_sign_in(advisor, site_server, username)
    # During the visit: a host's file, filled in with her.
    advisor.goto(site_server + reverse("assisted_new"))
    assert not scrolls_sideways(advisor)
    start = advisor.locator("main form[method=post]").first
    fill(advisor, start, {"kind": "host", "via": "home_visit"})
    shoot(advisor, tmp_path, "01-start", widths=True)
    press(advisor, start.locator("button[type=submit]"))
    identity = advisor.locator("main form[method=post]").last
    gironde = identity.locator("select[name=territory] option", has_text="Gironde").get_attribute("value")
    today = date.today()
    fill(
        advisor,
        identity,
        {
            "first_name": "Odette",
            "last_name": "Lacombe",
            "phone": PHONE,
            "birth_date": date(1941, 3, 15),
            "gender": "woman",
            "address": "12 rue des Vignes",
            "postcode": "33000",
            "city": "Bordeaux",
            "language": "fr",
            "territory": gironde,
        },
    )
    shoot(advisor, tmp_path, "02-identity")
    press(advisor, identity.locator("button[type=submit]"))
    step_two = re.escape(reverse("assisted_step", args=[ANY_PK, 2])).replace(str(ANY_PK), r"(\d+)")
    opened = re.search(step_two + "$", advisor.url)
    assert opened, messages_of(advisor)
    host_pk = int(opened.group(1))
    assert advisor.url.startswith(site_server + reverse("assisted_step", args=[host_pk, 2])), messages_of(advisor)

    home = advisor.locator("main form[method=post]").last
    fill(
        advisor,
        home,
        {
            "housing_status": "owner",
            "room_size": "14",
            "furnished": True,
            "available_from": today + timedelta(days=30),
            "smoking": "no",
            "visits": "ask",
            "meals": "sometimes",
        },
    )
    press(advisor, home.locator("button[type=submit]"))
    assert advisor.url.startswith(site_server + reverse("assisted_step", args=[host_pk, 3])), messages_of(advisor)
    life = advisor.locator("main form[method=post]").last
    fill(
        advisor,
        life,
        {
            "languages": ["fr"],
            "evenings_per_week": "3",
            "weekends": "free",
            "contribution": "100",
            "emergency_contact": "Claire Vidal, 06 98 76 54 32",
        },
    )
    shoot(advisor, tmp_path, "03-life")
    press(advisor, life.locator("button[type=submit]"))
    assert advisor.url.startswith(site_server + reverse("assisted_consent", args=[host_pk])), messages_of(advisor)
    assert advisor.locator("#consent-wording").inner_text().strip()
    shoot(advisor, tmp_path, "04-consent", widths=True)

    # She reads the text on the printed sheet and reads its code back.
    press(advisor, advisor.locator("main button[name=method][value=code_read_out]"))
    code = advisor.locator("#consent-code").get_attribute("data-code")
    assert re.fullmatch(r"\d{6}", code), code
    shoot(advisor, tmp_path, "05-consent-sheet")
    press(advisor, advisor.locator("a[href$='#consent-code']"))
    code_form = advisor.locator("#consent-code form")
    type_into(advisor, code_form.locator("input[name=code]"), code)
    press(advisor, code_form.locator("button[type=submit]"))
    file_url = site_server + reverse("workflow_application:inspect", args=[host_pk])
    assert advisor.url == file_url, messages_of(advisor)
    summary = advisor.locator("#assisted-summary").inner_text()
    assert ADVISOR in summary, summary
    shoot(advisor, tmp_path, "06-file", widths=True)

    # She gives her daughter a mandate; the daughter will take it up with a code.
    press(advisor, advisor.locator(f"#mandates a[href='{reverse('mandate_prepare', args=[host_pk])}']"))
    prepare = advisor.locator("main form[method=post]").last
    fill(
        advisor,
        prepare,
        {
            "proxy_name": DAUGHTER,
            "proxy_relation": "relative",
            "duration": "year",
            "rights": ["follow", "upload", "write", "answer"],
            "invitation": "code",
        },
    )
    shoot(advisor, tmp_path, "07-mandate-form")
    press(advisor, prepare.locator("button[type=submit]"))
    invitation = advisor.locator(".invitation-code code").inner_text().strip()
    assert re.fullmatch(r"[A-Za-z0-9-]{6,20}", invitation), invitation
    shoot(advisor, tmp_path, "08-invitation-code")
    press(advisor, advisor.locator(f"main a.button[href^='{reverse('workflow_application:inspect', args=[host_pk])}']"))

    # She agrees with the code the advisor has sent to her mobile phone, and reads it out.
    texts_before = len(site_server.texts_to(PHONE))
    press(advisor, advisor.locator("#mandates form[action*='/send-code/'] button[type=submit]"))
    texts = site_server.texts_to(PHONE)
    assert len(texts) == texts_before + 1, f"no acceptance code was texted to {PHONE}: {messages_of(advisor)}"
    read_out = re.search(r"\b(\d{6})\b", texts[-1]).group(1)
    by_code = advisor.locator("#mandates form[action*='/accept-code/']")
    fill(advisor, by_code, {"code": read_out})
    press(advisor, by_code.locator("button[type=submit]"))
    assert advisor.locator("#mandates form[action*='/accept-code/']").count() == 0, messages_of(advisor)
    assert advisor.locator("#mandates form select[name=document_id]").count() == 0, messages_of(advisor)

    # The daughter, at home, joins with the code, then signs in with the link emailed to her.
    daughter = browser.new_context(**ZOOMED).new_page()
    daughter.goto(site_server + reverse("applicant_mandate_join"))
    join = daughter.locator("main form[method=post]")
    fill(daughter, join, {"code": invitation, "name": DAUGHTER, "email": DAUGHTER_EMAIL})
    shoot(daughter, tmp_path, "09-join", widths=True)
    press(daughter, join.locator("button[type=submit]"))
    assert daughter.locator("main [role=status]").count() == 1, daughter.locator("main").inner_text()
    link = re.search(r"https?://\S+/my-application/link/\S+/", site_server.emails_to(DAUGHTER_EMAIL)[-1]).group(0)
    daughter.goto(link)
    press(daughter, daughter.locator("main button[type=submit]"))
    proxy_file = reverse("applicant_proxy_file", args=[host_pk])
    press(daughter, daughter.locator(f"main a[href='{proxy_file}']"))
    assert daughter.url == site_server + proxy_file, daughter.url
    shoot(daughter, tmp_path, "10-proxy-file", widths=True)

    # She sends a document for her mother.
    upload = daughter.locator("main form.upload")
    kind = upload.locator("select[name=kind]")
    tab_to(daughter, kind)
    chosen = kind.input_value()
    file_input = upload.locator("input[type=file][name=file]")
    tab_to(daughter, file_input)
    with daughter.expect_file_chooser() as chooser:
        daughter.keyboard.press("Space")
    chooser.value.set_files(small_png(tmp_path / "avis-d-imposition.png"))
    press(daughter, upload.locator("button[type=submit]"))
    assert "avis-d-imposition.png" in daughter.locator("main").inner_text(), messages_of(daughter)
    assert chosen

    # And writes to the association.
    press(daughter, daughter.locator("main a[href*='/my-messages/file/']"))
    message = "Bonjour, je joins l'avis d'imposition de ma mère. Claire"
    type_into(daughter, daughter.locator("#id_body"), message)
    press(daughter, daughter.locator("#message-form button[type=submit]"), navigates=False)
    daughter.locator(".message", has_text="l'avis d'imposition").wait_for(timeout=10_000)
    shoot(daughter, tmp_path, "11-message", widths=True)

    # The advisor reads it from the file: written by the daughter on behalf of her mother.
    advisor.goto(file_url)
    press(advisor, advisor.locator("#conversation a.button"))
    written = advisor.locator(".message", has_text="l'avis d'imposition")
    written.wait_for(timeout=10_000)
    author = written.locator(".message-meta").inner_text()
    with translation.override(advisor.locator("html").get_attribute("lang")):
        assert on_behalf(DAUGHTER, "Odette") in author, author
    shoot(advisor, tmp_path, "12-advisor-reads")

    # Later: the file approved, a guest paired, the guest has signed; the host's turn.
    convention_pk = int(
        on_the_server(site_server, A_CONVENTION_AWAITING_THE_HOST.format(advisor=ADVISOR, host_pk=host_pk))
    )

    # On the advisor's device, at her home: identity check, a printed code, her signature.
    advisor.goto(site_server + reverse("convention_admin", args=[convention_pk]))
    in_person = reverse("convention_in_person", args=[convention_pk]) + "?party=host"
    press(advisor, advisor.locator(f"main a[href='{in_person}']"))
    check = advisor.locator("#identity-form")
    fill(
        advisor,
        check,
        {"document_type": "identity_card", "document_number_end": "4821", "place": "home_visit", "present": PRESENT},
    )
    shoot(advisor, tmp_path, "13-identity-check")
    press(advisor, check.locator("button[type=submit]"))
    assert advisor.locator("#identity-check-done").count() == 1, messages_of(advisor)
    code_form = advisor.locator("#code-form")
    choose_radio(advisor, code_form, "delivery", "sheet")
    tab_to(advisor, code_form.locator("button[type=submit]"))
    with advisor.expect_download() as download:
        advisor.keyboard.press("Enter")
    sheet = tmp_path / "code-sheet.pdf"
    download.value.save_as(sheet)
    printed = CODE_LINE.search(pdf_text(sheet)).group(1)
    shoot(advisor, tmp_path, "14-code-given")

    press(advisor, advisor.locator("#in-person-sign-link"))
    signing = advisor.locator("#in-person-sign-form")
    assert signing.locator("textarea[name=present]").input_value() == PRESENT
    fill(advisor, signing, {"consent": True, "code": printed})
    shoot(advisor, tmp_path, "15-she-signs", widths=True)
    press(advisor, signing.locator("button[type=submit]"))
    assert advisor.url == site_server + reverse("convention_admin", args=[convention_pk]), messages_of(advisor)
    assert convention_state(site_server, convention_pk) == "signed_by_host"
    rows = advisor.locator("#signatures tbody tr")
    host_row = rows.filter(has_text="Odette")
    assert host_row.count() == 1, advisor.locator("#signatures").inner_text()
    cells = host_row.locator("td")
    assert PRESENT in cells.nth(5).inner_text()
    assert ADVISOR in cells.nth(2).inner_text()
    assert "4821" in cells.nth(4).inner_text()
    assert cells.nth(3).inner_text().strip() not in ("", "—")
    shoot(advisor, tmp_path, "16-signed", widths=True)
    assert not scrolls_sideways(advisor)

    for page in (advisor, daughter):
        page.context.close()
