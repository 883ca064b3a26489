"""Template tags that help people read and use the site on their own.

``{% display_classes %}`` prints the classes of the text size and contrast a visitor chose with
the controls at the top of every page (:mod:`cms_pages.easy_reading`). ``{% applicant_associations
as associations %}`` gives the associations that accompany the signed-in applicant's files, with
their phone and opening hours, which every page shows while they are signed in.
"""

from django import template
from django.conf import settings

from cms_pages.easy_reading import DISPLAY_COOKIE, display_choices

register = template.Library()


@register.simple_tag(takes_context=True)
def display_classes(context) -> str:
    """The classes for ``<html>``: the visitor's text size and contrast, or nothing."""
    request = context.get("request")
    if request is None:
        return ""
    return " ".join(display_choices(request.COOKIES.get(DISPLAY_COOKIE)))


@register.simple_tag(takes_context=True)
def applicant_associations(context) -> list:
    """The associations of the signed-in person's files (usually one), and of the files they act
    on as a proxy (:func:`workflow.space.associations_to_call`); empty for anybody else.
    Costs nothing for visitors without a session."""
    request = context.get("request")
    if request is None or settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return []
    cached = getattr(request, "_weshare_applicant_associations", None)
    if cached is not None:
        return cached
    from workflow.applicant_session import current_applicant
    from workflow.space import associations_to_call

    applicant = current_applicant(request)
    associations = associations_to_call(applicant) if applicant is not None else []
    request._weshare_applicant_associations = associations
    return associations
