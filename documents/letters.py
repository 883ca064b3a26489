"""Letters by post: a notification for someone who chose the post becomes a PDF in the print queue.

:func:`letter_send` is the post channel of :func:`workflow.notifications.notify`: it renders the
message as an A4 letter (the association's letterhead, the address where a right-window envelope
shows it, the date, the subject, a box saying in plain words what the message means and what to
do, then the text) in the recipient's language, and keeps it, encrypted, in the queue of the
association of the recipient's territory.

The association prints a day's letters as one PDF (:func:`letter_batch`: a cover page, then each
letter from a new page, to be printed on one side of the paper so that each letter starts on its
own sheet), puts them in window envelopes, and marks them posted (:func:`letters_mark_posted`).
A letter still waiting :data:`LATE_AFTER` after it was ready is flagged on the dashboard.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from io import BytesIO

import weasyprint
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.generic import pdf_name
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.pdf_utils.writer import PageObject, PdfFileWriter

from audit import chain as audit
from workflow import access
from workflow.enums import Channel
from workflow.notifications import NotDelivered, plain_summary, register_sender

from . import crypto
from .conventions.rendering import FONTS, safe_url_fetcher
from .models import Letter

#: A letter not posted this long after it was ready is flagged on the association's dashboard.
LATE_AFTER = datetime.timedelta(days=3)


class NothingToPrint(Exception):
    """No letter of the association waits to be posted for the day asked."""


def _application(notification):
    """The file the letter is about, else the recipient's latest one (for their name and area)."""
    if notification.application is not None:
        return notification.application
    if notification.person is None:
        return None
    return notification.person.applications.select_related("territory").order_by("-pk").first()


def _association(application):
    if application is None:
        return None
    return application.territory.accompanying_association()


def _fonts() -> dict:
    return {
        "font_regular": (FONTS / "DejaVuSans.ttf").as_uri(),
        "font_bold": (FONTS / "DejaVuSans-Bold.ttf").as_uri(),
    }


def _render(html: str) -> weasyprint.Document:
    return weasyprint.HTML(string=html, base_url=str(FONTS), url_fetcher=safe_url_fetcher()).render()


def letter_render(notification, subject: str, body: str, association) -> tuple[bytes, int]:
    """The letter as PDF bytes and its number of pages, in the recipient's language."""
    person = notification.person
    application = _application(notification)
    name = f"{application.first_name} {application.last_name}".strip() if application is not None else ""
    with translation.override(notification.language):
        html = render_to_string(
            "documents/letter.html",
            {
                "association": association,
                "address_lines": ([name] if name else []) + person.postal_lines(),
                "subject": subject,
                "summary": plain_summary(notification),
                "paragraphs": [p.strip() for p in body.split("\n\n") if p.strip()],
                "today": timezone.localdate(),
                "language": notification.language,
                **_fonts(),
            },
        )
    document = _render(html)
    return document.write_pdf(), len(document.pages)


def letter_send(notification, subject: str, body: str) -> str:
    """Put the letter in its association's print queue (once per notification)."""
    if Letter.objects.filter(notification=notification).exists():
        return "post"
    person = notification.person
    if person is None or not person.reachable_by(Channel.POST):
        raise NotDelivered(_("No postal address to send the letter to."))
    association = _association(_application(notification))
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


# The print queue: what waits, by association and day.


def letters_visible(user) -> QuerySet[Letter]:
    """The letters of the associations ``user`` works for, with what the queue shows of them."""
    return access.letters_visible_to(
        user,
        Letter.objects.select_related("organisation", "notification__person", "notification__application"),
    )


def letters_waiting(user) -> QuerySet[Letter]:
    """The letters ``user``'s associations have not posted yet, oldest first."""
    return letters_visible(user).filter(posted_at__isnull=True).order_by("created_at", "pk")


def letters_late(user, *, now: datetime.datetime | None = None) -> QuerySet[Letter]:
    """The letters waiting since more than :data:`LATE_AFTER`, oldest first."""
    return letters_waiting(user).filter(created_at__lte=(now or timezone.now()) - LATE_AFTER)


def letter_is_late(letter: Letter, *, now: datetime.datetime | None = None) -> bool:
    return letter.posted_at is None and letter.created_at <= (now or timezone.now()) - LATE_AFTER


def letters_of_day(user, *, organisation_id: int, day: datetime.date) -> QuerySet[Letter]:
    """The letters of one association that became ready on ``day`` (local time) and wait to be posted."""
    return letters_waiting(user).filter(organisation_id=organisation_id, created_at__date=day)


@dataclass(frozen=True)
class DayBatch:
    """One association's letters of one day, as the print queue lists them."""

    organisation: object
    day: datetime.date
    letters: list
    late: bool

    @property
    def pages(self) -> int:
        return sum(letter.pages for letter in self.letters)

    @property
    def printed(self) -> bool:
        return any(letter.printed_at for letter in self.letters)


def day_batches(user, *, limit: int = 500) -> list[DayBatch]:
    """The waiting letters grouped by association and day, oldest first."""
    now = timezone.now()
    groups: dict[tuple[int, datetime.date], list[Letter]] = {}
    organisations = {}
    for letter in letters_waiting(user)[:limit]:
        key = (letter.organisation_id, timezone.localdate(letter.created_at))
        groups.setdefault(key, []).append(letter)
        organisations[letter.organisation_id] = letter.organisation
    for letters in groups.values():
        for letter in letters:
            letter.late = letter_is_late(letter, now=now)
    return [
        DayBatch(organisations[organisation_id], day, letters, any(letter.late for letter in letters))
        for (organisation_id, day), letters in groups.items()
    ]


def recipient_name(letter: Letter) -> str:
    application = letter.notification.application
    if application is not None:
        return f"{application.first_name} {application.last_name}"
    return str(letter.notification.person or "")


# The day's batch: one PDF to print.


def pdf_merge(pdfs: list[bytes]) -> bytes:
    """One PDF made of the pages of ``pdfs``, in order, each page as it was (same size, same place)."""
    writer = PdfFileWriter()
    for pdf in pdfs:
        reader = PdfFileReader(BytesIO(pdf))
        for index in range(int(reader.root["/Pages"]["/Count"])):
            page_ref, _resources = reader.find_page_for_modification(index)
            media_box = _inherited(page_ref.get_object(), "/MediaBox")
            xobject = writer.import_page_as_xobject(reader, page_ix=index)
            contents = writer.add_object(generic.StreamObject(stream_data=b"q /Page Do Q"))
            resources = generic.DictionaryObject(
                {pdf_name("/XObject"): generic.DictionaryObject({pdf_name("/Page"): xobject})}
            )
            writer.insert_page(PageObject(contents, [float(x) for x in media_box], resources))
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


def _inherited(page, key: str):
    while page is not None:
        if key in page:
            return page[key]
        page = page.get("/Parent")
        page = page.get_object() if page is not None else None
    raise ValueError(key)


def letter_batch(*, user, organisation_id: int, day: datetime.date) -> tuple[bytes, int]:
    """The day's letters of one association as one PDF to print, and its number of pages.

    A cover page says how many letters and pages there are and for which day, then each letter
    follows from a new page, oldest first. The letters not printed before are marked printed now,
    and the printing is recorded in the audit trail, letter by letter.
    """
    with transaction.atomic():
        letters = list(
            letters_of_day(user, organisation_id=organisation_id, day=day)
            .select_for_update(of=("self",))
            .order_by("created_at", "pk")
        )
        if not letters:
            raise NothingToPrint(_("No letter of this association waits to be posted for that day."))
        organisation = letters[0].organisation
        pdfs = [letter_pdf(letter) for letter in letters]
        cover = render_to_string(
            "documents/admin/letter_batch_cover.html",
            {
                "association": organisation,
                "day": day,
                "letters": [(letter, recipient_name(letter)) for letter in letters],
                "pages": sum(letter.pages for letter in letters),
                "printed_at": timezone.now(),
                "language": translation.get_language(),
                **_fonts(),
            },
        )
        merged = pdf_merge([_render(cover).write_pdf(), *pdfs])
        now = timezone.now()
        for letter in letters:
            first = letter.printed_at is None
            if first:
                letter.printed_at = now
                letter.save(update_fields=["printed_at"])
            audit.record(
                "letter.printed",
                user=user,
                obj=letter,
                application_id=letter.notification.application_id,
                data={"day": day.isoformat(), "batch": len(letters), "first": first},
            )
    return merged, 1 + sum(letter.pages for letter in letters)


def letters_mark_posted(*, user, letter_ids: list[int]) -> int:
    """Mark the letters ``user``'s associations have put in the post; returns how many were marked.

    Letters already posted, or of another association, are left as they are (asking twice marks
    nothing more). Each letter marked is recorded in the audit trail and leaves the queue.
    """
    with transaction.atomic():
        letters = list(letters_waiting(user).filter(pk__in=letter_ids).select_for_update(of=("self",)).order_by("pk"))
        now = timezone.now()
        for letter in letters:
            letter.posted_at = now
            letter.save(update_fields=["posted_at"])
            audit.record(
                "letter.posted",
                user=user,
                obj=letter,
                application_id=letter.notification.application_id,
                data={"notification": letter.notification_id, "organisation": letter.organisation_id},
            )
    return len(letters)
