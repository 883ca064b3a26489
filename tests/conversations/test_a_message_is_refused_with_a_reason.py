"""A message that cannot be sent as it is (empty, too long, one too many in a minute) is refused
with a sentence saying why, shown on the page with the text typed kept in the box; what is sent
is shown as text, its links clickable. The page's script (a fetch) gets the same answers as JSON."""

import re
from datetime import timedelta

from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext

from conversations.models import MAX_LENGTH, Message
from conversations.services import conversation_of_file, message_send

from .conftest import sign_in

EMPTY = "Write your message before sending it."
TOO_FAST = "You have sent many messages in a short time: wait a minute, then send this one again."
FETCH = {"X-Requested-With": "fetch"}


def error_on(page) -> str:
    """The refusal shown above the message box."""
    found = re.search(r'<p class="form-error" id="message-error" role="alert">(.*?)</p>', page, re.DOTALL)
    return found.group(1) if found else ""


def typed_in(page) -> str:
    """What the message box holds."""
    return re.search(r'<textarea id="id_body" name="body"[^>]*>(.*?)</textarea>', page, re.DOTALL).group(1)


def opened(client, application):
    sign_in(client, application)
    return reverse("applicant_conversation", args=[conversation_of_file(application).pk])


def test_an_empty_message_is_refused_and_nothing_is_saved(client, sent_file):
    page_url = opened(client, sent_file)

    response = client.post(page_url, {"body": ""})

    assert response.status_code == 400
    assert error_on(response.content.decode()) == escape(gettext(EMPTY))
    assert not Message.objects.exists()


def test_a_message_of_blanks_only_is_refused_and_the_blanks_stay_in_the_box(client, sent_file):
    page_url = opened(client, sent_file)
    blanks = "   \n\t  "

    response = client.post(page_url, {"body": blanks})

    page = response.content.decode()
    assert response.status_code == 400
    assert error_on(page) == escape(gettext(EMPTY))
    assert typed_in(page) == blanks
    assert not Message.objects.exists()


def test_a_message_too_long_is_refused_naming_the_limit_and_its_length(client, sent_file):
    page_url = opened(client, sent_file)
    too_long = "Bonjour. " + "x" * MAX_LENGTH

    response = client.post(page_url, {"body": too_long})

    page = response.content.decode()
    refusal = error_on(page)
    assert response.status_code == 400
    assert str(MAX_LENGTH) in refusal
    assert str(len(too_long)) in refusal
    assert typed_in(page) == too_long
    assert not Message.objects.exists()


def test_a_message_of_exactly_the_limit_is_sent(client, sent_file):
    page_url = opened(client, sent_file)

    response = client.post(page_url, {"body": "x" * MAX_LENGTH})

    assert response.status_code == 302
    assert len(Message.objects.get().body) == MAX_LENGTH


def test_html_is_shown_as_text_and_links_become_clickable(client, sent_file):
    page_url = opened(client, sent_file)

    client.post(page_url, {"body": '<script>alert("x")</script> <b>Bonjour</b>, voyez https://weshare.example/aide'})

    page = client.get(page_url).content.decode()
    assert "<script>alert" not in page
    assert "<b>Bonjour</b>" not in page
    assert "&lt;script&gt;" in page
    assert "&lt;b&gt;Bonjour&lt;/b&gt;" in page
    assert '<a href="https://weshare.example/aide" rel="nofollow">https://weshare.example/aide</a>' in page


def test_one_message_too_many_in_a_minute_is_refused_and_kept_in_the_box(client, sent_file, settings):
    settings.CONVERSATION_MESSAGES_PER_MINUTE = 3
    page_url = opened(client, sent_file)
    for number in range(3):
        assert client.post(page_url, {"body": f"Message {number}"}).status_code == 302

    response = client.post(page_url, {"body": "Encore un"})

    page = response.content.decode()
    assert response.status_code == 400
    assert error_on(page) == escape(gettext(TOO_FAST))
    assert typed_in(page) == "Encore un"
    assert Message.objects.count() == 3


def test_a_message_refused_for_speed_is_accepted_a_minute_later(client, sent_file, settings, clock):
    settings.CONVERSATION_MESSAGES_PER_MINUTE = 3
    page_url = opened(client, sent_file)
    for number in range(3):
        client.post(page_url, {"body": f"Message {number}"})
    assert client.post(page_url, {"body": "Encore un"}).status_code == 400

    clock.shift(timedelta(minutes=1))
    response = client.post(page_url, {"body": "Encore un"})

    assert response.status_code == 302
    assert Message.objects.count() == 4


def test_a_message_refused_for_speed_is_accepted_once_the_minute_is_over(client, sent_file, settings, clock):
    settings.CONVERSATION_MESSAGES_PER_MINUTE = 3
    page_url = opened(client, sent_file)
    for number in range(3):
        client.post(page_url, {"body": f"Message {number}"})
    assert client.post(page_url, {"body": "Encore un"}).status_code == 400

    clock.shift(timedelta(minutes=1, seconds=1))
    response = client.post(page_url, {"body": "Encore un"})

    assert response.status_code == 302
    assert Message.objects.count() == 4


def test_the_limit_counts_each_writer_s_own_messages(client, sent_file, advisor, settings):
    settings.CONVERSATION_MESSAGES_PER_MINUTE = 2
    page_url = opened(client, sent_file)
    conversation = conversation_of_file(sent_file)
    for number in range(2):
        message_send(conversation_id=conversation.pk, body=f"Réponse {number}", user=advisor)

    for number in range(2):
        assert client.post(page_url, {"body": f"Question {number}"}).status_code == 302

    assert Message.objects.count() == 4


def test_the_page_s_script_gets_the_refusal_as_json(client, sent_file):
    page_url = opened(client, sent_file)

    response = client.post(page_url, {"body": "  "}, headers=FETCH)

    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"error": gettext(EMPTY)}
    assert not Message.objects.exists()


def test_the_page_s_script_gets_a_too_long_refusal_naming_both_counts(client, sent_file):
    page_url = opened(client, sent_file)

    response = client.post(page_url, {"body": "y" * (MAX_LENGTH + 5)}, headers=FETCH)

    assert response.status_code == 400
    assert str(MAX_LENGTH) in response.json()["error"]
    assert str(MAX_LENGTH + 5) in response.json()["error"]
    assert not Message.objects.exists()


def test_the_page_s_script_gets_the_id_of_the_message_sent(client, sent_file):
    page_url = opened(client, sent_file)

    response = client.post(page_url, {"body": "Bonjour, j'ai une question."}, headers=FETCH)

    assert response.status_code == 200
    assert response.json() == {"id": Message.objects.get().pk}


def test_the_advisor_s_script_gets_the_same_answers(client, sent_file, advisor):
    conversation = conversation_of_file(sent_file)
    client.force_login(advisor)
    page_url = reverse("conversation_admin", args=[conversation.pk])

    refused = client.post(page_url, {"body": ""}, headers=FETCH)
    sent = client.post(page_url, {"body": "Nous vous rappelons demain."}, headers=FETCH)

    assert refused.status_code == 400 and refused.json() == {"error": gettext(EMPTY)}
    assert sent.status_code == 200 and sent.json() == {"id": Message.objects.get().pk}
