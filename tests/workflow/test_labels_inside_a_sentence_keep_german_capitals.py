"""A choice's label set inside a sentence takes a small letter, except where nouns keep their capital."""

from django.utils import translation

from workflow.enums import AssistanceChannel, MandateRight
from workflow.wording import in_sentence


def test_a_label_inside_a_french_sentence_starts_with_a_small_letter():
    with translation.override("fr"):
        assert (
            in_sentence(MandateRight.FOLLOW.label)
            == str(MandateRight.FOLLOW.label)[0].lower() + str(MandateRight.FOLLOW.label)[1:]
        )
        assert in_sentence(AssistanceChannel.PHONE.label)[0].islower()


def test_a_label_inside_a_german_sentence_keeps_its_capital():
    with translation.override("de"):
        label = str(AssistanceChannel.PHONE.label)
        assert in_sentence(AssistanceChannel.PHONE.label) == label
        assert label[0].isupper()


def test_only_the_first_letter_changes():
    with translation.override("en"):
        assert in_sentence("Send documents to WeShare") == "send documents to WeShare"
