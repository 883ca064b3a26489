"""Letters by post: a notification for someone who chose the post becomes a PDF in the print queue.

:func:`letter_send` is the post channel of :func:`workflow.notifications.notify`: it renders the
message as an A4 letter (the association's letterhead, the address where a window envelope
shows it, the date, the subject and the text) and keeps it, encrypted, in the queue of the
association of the recipient's territory. Printing a day's batch and marking it posted is the
association's work from the back office.
"""

from __future__ import annotations

import weasyprint
from django.core.files.base import ContentFile
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from workflow.enums import Channel
from workflow.notifications import NotDelivered, register_sender

from . import crypto
from .conventions.rendering import FONTS, safe_url_fetcher
from .models import Letter


def _association(notification):
    application = notification.application
    if application is None:
        return None
    territory = application.territory
    while territory is not None:
        association = territory.associations.order_by("pk").first()
        if association is not None:
            return association
        territory = territory.parent
    return None


def letter_render(notification, subject: str, body: str, association) -> tuple[bytes, int]:
    """The letter as PDF bytes and its number of pages."""
    person = notification.person
    with translation.override(notification.language):
        html = render_to_string(
            "documents/letter.html",
            {
                "association": association,
                "address_lines": [notification.application.first_name + " " + notification.application.last_name]
                + person.postal_lines(),
                "subject": subject,
                "paragraphs": [p.strip() for p in body.split("\n\n") if p.strip()],
                "today": timezone.localdate(),
                "font_regular": (FONTS / "DejaVuSans.ttf").as_uri(),
                "font_bold": (FONTS / "DejaVuSans-Bold.ttf").as_uri(),
                "language": notification.language,
            },
        )
    document = weasyprint.HTML(string=html, base_url=str(FONTS), url_fetcher=safe_url_fetcher()).render()
    return document.write_pdf(), len(document.pages)


def letter_send(notification, subject: str, body: str) -> str:
    """Put the letter in its association's print queue (once per notification)."""
    if Letter.objects.filter(notification=notification).exists():
        return "post"
    person = notification.person
    if person is None or not person.reachable_by(Channel.POST):
        raise NotDelivered(_("No postal address to send the letter to."))
    association = _association(notification)
    if association is None:
        raise NotDelivered(_("No association covers the recipient's territory to post the letter."))
    pdf, pages = letter_render(notification, subject, body, association)
    letter = Letter(notification=notification, organisation=association, pages=pages)
    letter.blob.save("letter.bin", ContentFile(crypto.encrypt(pdf)), save=False)
    letter.save()
    return "post"


def letter_pdf(letter: Letter) -> bytes:
    with letter.blob.open("rb") as handle:
        return crypto.decrypt(handle.read())


register_sender(Channel.POST, letter_send)
