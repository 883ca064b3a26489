"""The file's page marks its state and its open actions for live-sections.js, which refreshes
them every LIVE_REFRESH_SECONDS and announces the change; the comment being typed is outside."""

import re

from django.urls import reverse

from .factories import ApplicationFactory, StaffMembershipFactory, association_covering, set_state


def file_page(client):
    application = set_state(ApplicationFactory(), "submitted")
    advisor = StaffMembershipFactory(organisation=association_covering(application.territory), role="advisor").user
    client.force_login(advisor)
    return client.get(reverse("workflow_application:inspect", args=[application.pk])).content.decode()


def live_element(html: str, element_id: str) -> str:
    found = re.search(rf'<div id="{element_id}"[^>]*>', html)
    assert found, element_id
    return found.group(0)


def test_the_state_and_the_actions_refresh_every_fifteen_seconds_by_default(client):
    html = file_page(client)

    assert 'data-live="15"' in live_element(html, "file-state")
    assert 'data-live-message="L&#x27;état du dossier a changé."' in live_element(html, "file-state")
    assert 'data-live="15"' in live_element(html, "next-actions")
    assert "Les actions possibles sur ce dossier ont changé." in live_element(html, "next-actions")
    assert "js/live-sections.js" in html


def test_the_interval_is_the_setting(client, settings):
    settings.LIVE_REFRESH_SECONDS = 5

    html = file_page(client)

    assert 'data-live="5"' in live_element(html, "next-actions")


def test_the_open_action_and_the_state_it_expects_are_inside_the_refreshed_part(client):
    html = file_page(client)
    refreshed = html[html.index('<div id="next-actions"') :]
    refreshed = refreshed[: refreshed.index("</form>")]

    assert 'value="start_review"' in refreshed
    assert 'name="expected_state" value="submitted"' in refreshed
    assert 'name="comment"' not in refreshed
