"""A participant reports a message; it waits in the queue of the advisors who answer the
conversation (and on their dashboard) until one of them hides it, saying why, or keeps it.
A hidden message reads as hidden to the applicants; the advisors still read it with the reason,
and the act is in the audit trail. Who only reads a conversation (the pension office) hides nothing."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext

from audit.models import AuditEvent
from conversations.models import Message, Report
from conversations.services import conversation_of_file, conversation_of_pairing, person_reader

from .conftest import sign_in

HIDDEN = "This message was hidden by the association."
INSULT = "Tu es vraiment insupportable, je garde ta caution."


@pytest.fixture
def staff_client():
    """A second browser, for the staff member, beside the applicant's ``client``."""

    def signed_in(user):
        browser = Client()
        browser.force_login(user)
        return browser

    return signed_in


@pytest.fixture
def guest_s_message(pairing):
    """A message the guest wrote in the pairing's conversation."""
    return Message.objects.create(
        conversation=conversation_of_pairing(pairing), author_person_id=pairing.guest.person_id, body=INSULT
    )


@pytest.fixture
def reported(client, pairing, guest_s_message):
    """The host, signed in, reports the guest's message; their ``client`` stays signed in."""
    sign_in(client, pairing.host)
    client.post(reverse("applicant_conversation_report", args=[guest_s_message.pk]), {"reason": "Menaces"})
    return Report.objects.get()


def dashboard_section(page: str, key: str) -> str:
    return re.search(rf'<section class="task-list" id="{key}".*?</section>', page, re.DOTALL).group(0)


def test_a_reported_message_waits_in_the_advisor_s_queue_and_on_their_dashboard(
    client, pairing, guest_s_message, advisor, staff_client
):
    sign_in(client, pairing.host)

    response = client.post(reverse("applicant_conversation_report", args=[guest_s_message.pk]), {"reason": "Menaces"})

    conversation = guest_s_message.conversation
    assert response.status_code == 302
    assert response.url == reverse("applicant_conversation", args=[conversation.pk])
    report = Report.objects.get()
    assert report.message == guest_s_message
    assert report.reporter == person_reader(pairing.host.person_id)
    assert report.reason == "Menaces" and report.reviewed_at is None
    assert Message.objects.get().hidden_at is None  # nothing hidden until an advisor decides

    advisor_browser = staff_client(advisor)
    queue = advisor_browser.get(reverse("conversations_reports")).content.decode()
    assert escape(INSULT) in queue and "Menaces" in queue
    assert reverse("conversations_report_dismiss", args=[report.pk]) in queue

    dashboard = advisor_browser.get(reverse("wagtailadmin_home")).content.decode()
    section = dashboard_section(dashboard, "reported-messages")
    assert '<span class="w-status w-status--label">1</span>' in section
    assert escape(str(conversation)) in section and "Menaces" in section


def test_reporting_a_message_twice_makes_one_report(client, reported, guest_s_message):
    again = client.post(
        reverse("applicant_conversation_report", args=[guest_s_message.pk]), {"reason": "Je le signale encore"}
    )

    assert again.status_code == 302
    assert Report.objects.count() == 1
    assert Report.objects.get().reason == "Menaces"
    assert AuditEvent.objects.filter(action="conversation.message_reported").count() == 1


def test_the_reporter_is_thanked_on_the_conversation_page(client, pairing, guest_s_message):
    sign_in(client, pairing.host)

    page = client.post(
        reverse("applicant_conversation_report", args=[guest_s_message.pk]), {"reason": ""}, follow=True
    ).content.decode()

    assert escape(gettext("Thank you: the association will read your report.")) in page


def test_the_advisor_hides_a_reported_message_saying_why(client, reported, guest_s_message, advisor, staff_client):
    conversation = guest_s_message.conversation
    advisor_browser = staff_client(advisor)

    response = advisor_browser.post(
        reverse("conversation_hide", args=[guest_s_message.pk]), {"reason": "Propos menaçants envers l'hôte"}
    )

    assert response.status_code == 302
    assert response.url == reverse("conversation_admin", args=[conversation.pk]) + f"#message-{guest_s_message.pk}"
    hidden = Message.objects.get()
    assert hidden.hidden_at is not None and hidden.hidden_by == advisor
    assert hidden.hidden_reason == "Propos menaçants envers l'hôte"
    assert hidden.body == INSULT  # kept for the legal period

    applicant_page = client.get(reverse("applicant_conversation", args=[conversation.pk])).content.decode()
    assert escape(INSULT) not in applicant_page
    assert gettext(HIDDEN) in applicant_page  # a {% translate %} is not escaped

    advisor_page = advisor_browser.get(reverse("conversation_admin", args=[conversation.pk])).content.decode()
    assert escape(INSULT) in advisor_page
    assert escape("Propos menaçants envers l'hôte") in advisor_page

    [event] = AuditEvent.objects.filter(action="conversation.message_hidden")
    assert event.user_id == advisor.pk
    assert event.pairing_id == conversation.pairing_id
    assert event.data == {"conversation_id": conversation.pk, "message_id": guest_s_message.pk}

    reviewed = Report.objects.get()
    assert reviewed.reviewed_at is not None and reviewed.reviewed_by == advisor
    queue = advisor_browser.get(reverse("conversations_reports")).content.decode()
    assert escape(INSULT) not in queue
    dashboard = advisor_browser.get(reverse("wagtailadmin_home")).content.decode()
    assert '<span class="w-status w-status--label">0</span>' in dashboard_section(dashboard, "reported-messages")


def test_the_other_person_of_the_pairing_reads_it_hidden_too(reported, guest_s_message, pairing, advisor, staff_client):
    staff_client(advisor).post(reverse("conversation_hide", args=[guest_s_message.pk]), {"reason": "Menaces"})
    author = Client()
    sign_in(_committing(author), pairing.guest)

    page = author.get(reverse("applicant_conversation", args=[guest_s_message.conversation_id])).content.decode()

    assert escape(INSULT) not in page
    assert gettext(HIDDEN) in page  # a {% translate %} is not escaped


def _committing(browser):
    """``browser`` whose posts run their commit callbacks (the sign-in email is sent after commit)."""
    from django.test import TestCase

    original = browser.post

    def post(*args, **kwargs):
        with TestCase.captureOnCommitCallbacks(execute=True):
            return original(*args, **kwargs)

    browser.post = post
    return browser


@pytest.mark.parametrize("reason", ["", "   \n "])
def test_hiding_without_a_reason_is_refused_and_nothing_changes(
    reported, guest_s_message, advisor, staff_client, reason
):
    advisor_browser = staff_client(advisor)

    response = advisor_browser.post(reverse("conversation_hide", args=[guest_s_message.pk]), {"reason": reason})

    assert response.status_code == 302
    message = Message.objects.get()
    assert message.hidden_at is None and message.hidden_by is None and message.hidden_reason == ""
    assert not AuditEvent.objects.filter(action="conversation.message_hidden").exists()
    assert Report.objects.get().reviewed_at is None
    page = advisor_browser.get(response.url).content.decode()
    assert escape(gettext("Say why, in a few words: the reason is kept with the message.")) in page
    assert escape(INSULT) in advisor_browser.get(reverse("conversations_reports")).content.decode()


def test_the_pension_officer_reads_but_may_not_hide(client, sent_file, officer, staff_client):
    conversation = conversation_of_file(sent_file)
    message = Message.objects.create(conversation=conversation, author_person_id=sent_file.person_id, body=INSULT)
    officer_browser = staff_client(officer)

    page = officer_browser.get(reverse("conversation_admin", args=[conversation.pk])).content.decode()
    response = officer_browser.post(reverse("conversation_hide", args=[message.pk]), {"reason": "Je n'aime pas"})

    assert escape(INSULT) in page
    assert reverse("conversation_hide", args=[message.pk]) not in page
    assert response.status_code == 403
    assert Message.objects.get().hidden_at is None
    assert not AuditEvent.objects.filter(action="conversation.message_hidden").exists()


def test_an_advisor_of_another_territory_neither_sees_the_report_nor_hides_the_message(
    reported, guest_s_message, stranger_advisor, staff_client
):
    stranger = staff_client(stranger_advisor)

    queue = stranger.get(reverse("conversations_reports")).content.decode()
    hide = stranger.post(reverse("conversation_hide", args=[guest_s_message.pk]), {"reason": "Menaces"})
    dismiss = stranger.post(reverse("conversations_report_dismiss", args=[reported.pk]))

    assert escape(INSULT) not in queue
    assert hide.status_code == 404 and dismiss.status_code == 404
    assert Message.objects.get().hidden_at is None
    assert Report.objects.get().reviewed_at is None


def test_keeping_a_reported_message_closes_the_report_and_leaves_the_message(
    client, reported, guest_s_message, advisor, staff_client
):
    advisor_browser = staff_client(advisor)

    response = advisor_browser.post(reverse("conversations_report_dismiss", args=[reported.pk]))

    assert response.status_code == 302 and response.url == reverse("conversations_reports")
    report = Report.objects.get()
    assert report.reviewed_at is not None and report.reviewed_by == advisor
    assert Message.objects.get().hidden_at is None
    assert not AuditEvent.objects.filter(action="conversation.message_hidden").exists()
    assert escape(INSULT) not in advisor_browser.get(reverse("conversations_reports")).content.decode()
    applicant_page = client.get(reverse("applicant_conversation", args=[guest_s_message.conversation_id]))
    assert escape(INSULT) in applicant_page.content.decode()
