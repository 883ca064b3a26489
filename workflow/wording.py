"""Labels set inside a sentence: a choice's label begins with a capital on its own ("By phone"),
and takes a small letter in the middle of a sentence, except in languages whose nouns keep theirs."""

from django.utils.translation import get_language

#: Languages whose nouns keep their capital letter inside a sentence.
CAPITALISED_NOUNS = {"de"}


def in_sentence(label) -> str:
    """``label`` as it reads inside a sentence of the active language."""
    text = str(label)
    if not text or (get_language() or "").split("-")[0] in CAPITALISED_NOUNS:
        return text
    return text[0].lower() + text[1:]
