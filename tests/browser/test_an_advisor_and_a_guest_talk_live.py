"""An advisor in the back office and a young person in their space talk in the file's
conversation: what one sends appears on the other's page without a reload within a second, and
a message sent while the young person's connection is down appears once it comes back, once."""

import re
import time

import pytest
from playwright.sync_api import expect

from .conftest import staff_sign_in
from .test_accessibility import contrast_violations, serious_violations, unseen_fields
from .test_the_files_page_shows_the_next_action_without_a_reload import on_the_server

pytestmark = pytest.mark.browser

EMAIL = "nadia.conversation@example.org"

A_SENT_FILE_IN_GIRONDE = f"""
from workflow.models import Territory
from tests.workflow.factories import ApplicationFactory, set_state
territory = Territory.objects.filter(associations__memberships__user__username="advisor.gironde").first()
application = ApplicationFactory(territory=territory, country=territory.country, first_name="Nadia", email="{EMAIL}")
print(set_state(application, "submitted").pk)
"""


def connected(page) -> None:
    page.wait_for_selector("[data-conversation][data-connected=true]", timeout=15_000)


def send(page, text: str) -> None:
    """Type and send; returns once the server has saved it (the page empties the box then, and
    stays where it is)."""
    page.fill("#id_body", text)
    page.locator("#message-form button[type=submit]").click()
    expect(page.locator("#id_body")).to_have_value("", timeout=10_000)


#: How often a page without websockets asks for new messages (conversation.js).
POLL_SECONDS = 5

#: A page whose websockets never open, as behind a proxy that blocks them.
NO_WEBSOCKETS = """
window.WebSocket = function () {
  var socket = this;
  socket.readyState = 3;
  setTimeout(function () { if (socket.onclose) socket.onclose({ code: 1006 }); }, 10);
};
"""


def test_a_message_typed_by_one_appears_on_the_other_s_page_and_survives_a_dropped_connection(
    site_server, browser, tmp_path
):
    pk = on_the_server(site_server, A_SENT_FILE_IN_GIRONDE)

    # The young person signs in to her space and opens the conversation with her association.
    guest = browser.new_context(locale="fr-FR", viewport={"width": 390, "height": 844}).new_page()
    guest.goto(f"{site_server}/fr/my-application/")
    guest.fill("[name=email]", EMAIL)
    guest.locator("main button[type=submit]").click()
    link = re.search(r"https?://\S+/my-application/link/\S+/", site_server.emails_to(EMAIL)[-1]).group(0)
    guest.goto(link)
    guest.locator("main button[type=submit]").click()
    guest.locator(f"a[href$='/my-messages/file/{pk}/']").click()
    connected(guest)

    # Her advisor opens it from the file's page.
    advisor = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900}).new_page()
    staff_sign_in(advisor, site_server, "advisor.gironde")
    advisor.goto(f"{site_server}/admin/application/inspect/{pk}/")
    advisor.locator("#conversation a.button").click()
    connected(advisor)
    guest.evaluate("window.stillTheSamePage = true")

    send(advisor, "Bonjour Nadia, bienvenue ! Voici la liste : https://weshare.example/documents")
    guest.locator(".message", has_text="Bonjour Nadia, bienvenue").wait_for(timeout=1_000)
    assert guest.locator(".message a[href='https://weshare.example/documents']").count() == 1

    send(guest, "Merci ! Je passe jeudi.")
    advisor.locator(".message", has_text="Merci ! Je passe jeudi.").wait_for(timeout=1_000)
    # The advisor's page marks her message read once the young person's page has shown it.
    advisor.locator(".message-mine [data-receipt]", has_text=re.compile(r"\w")).wait_for(timeout=5_000)

    # Her connection drops; a message is written meanwhile; it arrives when she is back.
    guest.context.set_offline(True)
    guest.evaluate("document.querySelector('[data-conversation]').conversationSocket.close()")
    expect(guest.locator("[data-conversation]")).not_to_have_attribute("data-connected", "true")
    send(advisor, "Pensez à votre attestation d'assurance.")
    time.sleep(1)
    assert guest.locator(".message", has_text="attestation d'assurance").count() == 0
    guest.context.set_offline(False)
    guest.locator(".message", has_text="attestation d'assurance").wait_for(timeout=20_000)
    assert guest.locator(".message", has_text="attestation d'assurance").count() == 1
    assert guest.locator(".message").count() == 3
    assert guest.evaluate("window.stillTheSamePage") is True

    # As each would open the page on a phone and on a desktop; the history is all there.
    for name, page in (("guest", guest), ("advisor", advisor)):
        for width in (390, 1280):
            page.set_viewport_size({"width": width, "height": 900})
            page.reload()
            connected(page)
            assert page.locator(".message").count() == 3
            page.screenshot(path=tmp_path / f"conversation-{name}-{width}.png", full_page=True)
            assert contrast_violations(page) == [], (name, width)
            assert unseen_fields(page) == [], (name, width)
    assert serious_violations(guest) == []
    # The advisor's inbox lists the conversation, read.
    advisor.goto(f"{site_server}/admin/conversations/")
    assert advisor.locator(".conversation-list li", has_text="Nadia").count() == 1
    for width in (390, 1280):
        advisor.set_viewport_size({"width": width, "height": 900})
        advisor.reload()
        advisor.screenshot(path=tmp_path / f"inbox-{width}.png", full_page=True)
        assert contrast_violations(advisor) == [], ("inbox", width)
    # New messages are announced to screen readers.
    assert guest.locator("#message-list").get_attribute("aria-live") == "polite"

    # Where websockets are blocked, her page asks for new messages every few seconds instead,
    # and sends with the form.
    guest.set_viewport_size({"width": 390, "height": 900})
    guest.add_init_script(NO_WEBSOCKETS)
    guest.reload()
    guest.wait_for_selector("[data-conversation][data-polling=true]", timeout=10_000)
    advisor.goto(f"{site_server}/admin/application/inspect/{pk}/")
    advisor.locator("#conversation a.button").click()
    connected(advisor)
    send(advisor, "Le rendez-vous est confirmé.")
    guest.locator(".message", has_text="Le rendez-vous est confirmé.").wait_for(timeout=8_000)
    send(guest, "Parfait, à jeudi.")
    advisor.locator(".message", has_text="Parfait, à jeudi.").wait_for(timeout=2_000)
    guest.locator(".message", has_text="Parfait, à jeudi.").wait_for(timeout=6_000)
    time.sleep(POLL_SECONDS)  # a poll more: the message stays shown once
    assert guest.locator(".message", has_text="Parfait, à jeudi.").count() == 1
