"""Every message that matters can go by post, and its letter opens with a box saying in plain
words, in the reader's language, what it means and what to do."""

import pytest
from django.utils import translation

from documents.letters import letter_pdf
from workflow.enums import Channel
from workflow.models import Notification
from workflow.notifications import APPLICATION_SUMMARIES, KINDS, PAIRING_SUMMARIES, plain_summary

from .factories_letters import by_post, letter_for, page_text

#: What matters to a person enough to be worth a letter: where their file stands, a proposal,
#: their convention, their appointments, the questionnaire, the end of their stay.
IMPORTANT = [
    *(("application.changed", {"state": str(state), "reason": ""}) for state in APPLICATION_SUMMARIES),
    *(("pairing.changed", {"action": action}) for action in PAIRING_SUMMARIES),
    ("appointment.invitation", {}),
    ("appointment.changed", {}),
    ("appointment.cancelled", {}),
    ("pairing.wellbeing_due", {}),
]


def _summary_of(kind, context, language="fr"):
    with translation.override(language):
        return plain_summary(Notification(kind=kind, context=context))


@pytest.mark.parametrize(("kind", "context"), IMPORTANT, ids=lambda value: str(value))
def test_each_important_message_may_go_by_post_with_a_plain_summary(kind, context):
    summary = _summary_of(kind, context)

    assert Channel.POST in KINDS[kind].channels
    assert summary is not None and summary.meaning and summary.to_do


@pytest.mark.parametrize("kind", sorted(name for name, kind in KINDS.items() if Channel.POST in kind.channels))
def test_every_kind_that_may_go_by_post_has_a_plain_summary(kind):
    samples = {
        "application.changed": [{"state": str(state)} for state in APPLICATION_SUMMARIES],
        "pairing.changed": [{"action": action} for action in PAIRING_SUMMARIES],
    }.get(kind, [{}])

    assert all(_summary_of(kind, context) is not None for context in samples)


@pytest.mark.parametrize(
    ("kind", "context"),
    [
        ("application.changed", {"state": "sent_back", "reason": ""}),
        ("pairing.changed", {"action": "pairing.proposed"}),
        ("pairing.changed", {"action": "pairing.signing_opened"}),
        ("pairing.changed", {"action": "pairing.ended"}),
    ],
    ids=["file-to-complete", "proposal", "convention-to-sign", "end-of-stay"],
)
def test_the_letter_opens_with_the_summary_in_the_readers_language(kind, context, private_storage, tmp_path):
    application = by_post(language="it", first_name="Giulia", last_name="Bianchi")

    letter = letter_for(application, kind, context)

    text = page_text(letter_pdf(letter), 1, tmp_path)
    summary = _summary_of(kind, context, language="it")
    with translation.override("it"):
        subject = KINDS[kind].subject(context)
        box = translation.gettext("In short")
    assert subject in text
    assert box in text and summary.meaning in text and summary.to_do in text
    assert text.index(box) < text.index(summary.meaning) < text.index(summary.to_do)
    assert "05 56 00 00 00" in text[text.index(box) :]
    assert letter.notification.language == "it"


def test_a_letter_in_french_for_a_french_reader(private_storage, tmp_path):
    application = by_post(language="fr")

    letter = letter_for(application, "application.changed", {"state": "approved", "reason": ""})

    text = page_text(letter_pdf(letter), 1, tmp_path)
    summary = _summary_of("application.changed", {"state": "approved"}, language="fr")
    with translation.override("fr"):
        subject = translation.gettext("Your application is approved")
    assert subject != "Your application is approved"  # the catalogue speaks French
    assert subject in text and summary.meaning in text and summary.to_do in text
