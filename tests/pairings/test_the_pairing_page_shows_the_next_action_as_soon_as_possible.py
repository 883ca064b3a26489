"""The staff pairing page marks its state and its actions as live parts: the page's script fetches
the page again every few seconds and swaps them in, so that the next action appears without a reload."""

import re

from django.urls import reverse

from pairings.services import pairing_answer, pairing_propose

from .conftest import approved


def live_part(page: str, element_id: str) -> str:
    """The element with this id, up to the next live part or the end of its form."""
    start = page.index(f'id="{element_id}"')
    return page[start : page.index("</form>", start) if "actions" in element_id else page.index("</div>", start)]


def test_the_state_and_the_actions_are_live_parts_of_the_page(client, territory, advisor, settings):
    settings.LIVE_REFRESH_SECONDS = 7
    pairing = pairing_propose(host=approved("host", territory), guest=approved("guest", territory), by=advisor)
    client.force_login(advisor)

    page = client.get(reverse("pairings_pairing:inspect", args=[pairing.pk])).content.decode()

    for element_id in ("pairing-state", "pairing-next-actions"):
        tag = re.search(rf'<div id="{element_id}"[^>]*>', page).group(0)
        assert 'data-live="7"' in tag
        assert re.search(r'data-live-message="[^"]+"', tag)
    assert "js/live-sections.js" in page
    # Steps not reached yet are left out rather than shown as "None".
    assert not re.search(r"<dd>\s*None\s*</dd>", page)


def test_once_both_accept_the_refreshed_page_offers_the_meeting(client, territory, advisor):
    pairing = pairing_propose(host=approved("host", territory), guest=approved("guest", territory), by=advisor)
    client.force_login(advisor)
    url = reverse("pairings_pairing:inspect", args=[pairing.pk])
    before = live_part(client.get(url).content.decode(), "pairing-next-actions")

    for party in ("host", "guest"):
        pairing_answer(pairing_id=pairing.pk, party=party, accept=True)
    after = live_part(client.get(url, headers={"X-Live-Refresh": "1"}).content.decode(), "pairing-next-actions")

    assert 'value="schedule_meeting"' not in before
    assert 'value="schedule_meeting"' in after
    assert 'name="expected_state" value="accepted"' in after
