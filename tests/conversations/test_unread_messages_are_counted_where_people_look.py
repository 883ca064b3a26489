"""Unread messages are counted where each side looks: for the advisor, the admin menu and the
dashboard; for the applicant, the file's "Messages" panel in their space. Opening the
conversation reads them; a hidden message is not waiting for anyone."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext

from conversations.services import (
    conversation_of_file,
    message_hide,
    message_send,
    unread_for_staff,
    unread_sentence,
)
from tests.workflow.factories import StaffMembershipFactory, association_covering

from .conftest import sign_in


@pytest.fixture
def advisor_browser(advisor):
    browser = Client()
    browser.force_login(advisor)
    return browser


@pytest.fixture
def conversation(sent_file):
    return conversation_of_file(sent_file)


def applicant_writes(client, conversation, body="Bonjour, avez-vous reçu mon dossier ?"):
    response = client.post(reverse("applicant_conversation", args=[conversation.pk]), {"body": body})
    assert response.status_code == 302
    return conversation.messages.order_by("-pk").first()


def dashboard_section(page: str, key: str) -> str:
    return re.search(rf'<section class="task-list" id="{key}".*?</section>', page, re.DOTALL).group(0)


def menu_label(unread: int) -> str:
    return gettext("Messages (%(count)d unread)") % {"count": unread}


def messages_panel(page: str) -> str:
    return re.search(r'<div class="conversations">.*?</div>', page, re.DOTALL).group(0)


def test_an_applicant_s_message_is_counted_in_the_advisor_s_menu_and_dashboard(
    client, sent_file, conversation, advisor, advisor_browser
):
    sign_in(client, sent_file)
    applicant_writes(client, conversation)

    home = advisor_browser.get(reverse("wagtailadmin_home")).content.decode()

    assert unread_for_staff(advisor) == 1
    assert menu_label(1) in home
    section = dashboard_section(home, "unread-messages")
    assert '<span class="w-status w-status--label">1</span>' in section
    assert reverse("conversation_admin", args=[conversation.pk]) in section
    assert escape(str(sent_file)) in section
    assert escape(unread_sentence(1)) in section


def test_opening_the_conversation_reads_it_for_the_advisor(client, sent_file, conversation, advisor, advisor_browser):
    sign_in(client, sent_file)
    applicant_writes(client, conversation, "Première question")
    applicant_writes(client, conversation, "Deuxième question")
    assert unread_for_staff(advisor) == 2

    opened = advisor_browser.get(reverse("conversation_admin", args=[conversation.pk]))

    assert opened.status_code == 200
    assert unread_for_staff(advisor) == 0
    home = advisor_browser.get(reverse("wagtailadmin_home")).content.decode()
    assert menu_label(2) not in home and menu_label(1) not in home
    section = dashboard_section(home, "unread-messages")
    assert '<span class="w-status w-status--label">0</span>' in section
    assert escape(gettext("No message waits for you.")) in section


def test_the_advisor_s_own_messages_are_not_unread_for_them(conversation, advisor):
    message_send(conversation_id=conversation.pk, body="Bonjour, votre dossier est complet.", user=advisor)

    assert unread_for_staff(advisor) == 0


def test_each_advisor_keeps_their_own_count(client, sent_file, conversation, advisor, advisor_browser, territory):
    colleague = StaffMembershipFactory(organisation=association_covering(territory)).user
    sign_in(client, sent_file)
    applicant_writes(client, conversation)

    advisor_browser.get(reverse("conversation_admin", args=[conversation.pk]))

    assert unread_for_staff(advisor) == 0
    assert unread_for_staff(colleague) == 1


def test_an_advisor_of_another_territory_counts_nothing(client, sent_file, conversation, stranger_advisor):
    sign_in(client, sent_file)
    applicant_writes(client, conversation)

    assert unread_for_staff(stranger_advisor) == 0


def test_a_staff_message_is_counted_in_the_applicant_s_space_until_they_open_it(
    client, sent_file, conversation, advisor
):
    message_send(
        conversation_id=conversation.pk, body="Pouvez-vous nous envoyer votre avis d'imposition ?", user=advisor
    )
    sign_in(client, sent_file)

    space = client.get(reverse("applicant_space")).content.decode()

    panel = messages_panel(space)
    assert reverse("applicant_conversation_file", args=[sent_file.pk]) in panel
    assert f'<strong class="unread">{escape(unread_sentence(1))}</strong>' in panel

    client.get(reverse("applicant_conversation", args=[conversation.pk]))

    panel = messages_panel(client.get(reverse("applicant_space")).content.decode())
    assert reverse("applicant_conversation_file", args=[sent_file.pk]) in panel
    assert 'class="unread"' not in panel


def test_the_applicant_s_own_messages_are_not_unread_for_them(client, sent_file, conversation):
    sign_in(client, sent_file)
    applicant_writes(client, conversation)

    panel = messages_panel(client.get(reverse("applicant_space")).content.decode())

    assert 'class="unread"' not in panel


def test_a_hidden_applicant_s_message_is_not_counted_for_the_advisor(
    client, sent_file, conversation, advisor, advisor_browser
):
    sign_in(client, sent_file)
    message = applicant_writes(client, conversation, "Mon numéro : 06 12 34 56 78")
    applicant_writes(client, conversation, "Rappelez-moi vite")
    assert unread_for_staff(advisor) == 2

    message_hide(message_id=message.pk, by=advisor, reason="Numéro personnel")

    assert unread_for_staff(advisor) == 1
    home = advisor_browser.get(reverse("wagtailadmin_home")).content.decode()
    assert menu_label(1) in home
    assert escape(unread_sentence(1)) in dashboard_section(home, "unread-messages")


def test_a_hidden_staff_message_is_not_counted_in_the_applicant_s_space(client, sent_file, conversation, advisor):
    message = message_send(conversation_id=conversation.pk, body="Message envoyé par erreur", user=advisor)
    message_hide(message_id=message.pk, by=advisor, reason="Envoyé au mauvais dossier")
    sign_in(client, sent_file)

    panel = messages_panel(client.get(reverse("applicant_space")).content.decode())

    assert 'class="unread"' not in panel
