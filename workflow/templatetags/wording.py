"""``{{ label|in_sentence }}``: a choice's label as it reads inside a sentence."""

from django import template

from workflow.wording import in_sentence as _in_sentence

register = template.Library()


@register.filter
def in_sentence(label) -> str:
    return _in_sentence(label)
