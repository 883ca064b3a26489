"""Helpers for signing in person: an identity check recorded by the advisor, codes given by text
message, on a printed sheet or by post, and read back the way their signer reads them."""

import re

from django.test import TestCase

from documents.conventions.services import identity_check_record, signing_code_deliver
from documents.letters import letter_pdf
from documents.models import Letter
from workflow import sms
from workflow.models import Person

CODE_LINE = re.compile(r"^\s*(\d{6})\s*$", re.MULTILINE)


def check_identity(convention, party, advisor, **fields):
    values = {
        "document_type": "identity_card",
        "document_number_end": "4821",
        "place": "home_visit",
        "present": "La conseillère et la fille de la signataire",
        **fields,
    }
    return identity_check_record(convention_id=convention.pk, party=party, by=advisor, **values)


def pdf_text(pdf: bytes, tmp_path) -> str:
    from .test_convention_rendering import pdf_text as text_of

    return text_of(pdf, tmp_path)


def printed_code(convention, party, advisor, tmp_path) -> str:
    """The code printed on the sheet handed over: read from the PDF's text (pdftotext)."""
    pdf = signing_code_deliver(convention_id=convention.pk, party=party, delivery="sheet", by=advisor)
    return CODE_LINE.search(pdf_text(pdf, tmp_path)).group(1)


def texted_code(convention, party, advisor) -> str:
    """The code sent by text message, as it arrives on the signer's mobile."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        signing_code_deliver(convention_id=convention.pk, party=party, delivery="sms", by=advisor)
    return re.search(r"\b(\d{6})\b\.", sms.outbox[-1].body).group(1)


def posted_code(convention, party, advisor, tmp_path) -> str:
    """The code on the letter waiting in the association's print queue."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        signing_code_deliver(convention_id=convention.pk, party=party, delivery="letter", by=advisor)
    letter = Letter.objects.filter(notification__kind="convention.signing_code_letter").latest("pk")
    return CODE_LINE.search(pdf_text(letter_pdf(letter), tmp_path)).group(1)


def with_mobile(application, number="+33612345678"):
    Person.objects.filter(pk=application.person_id).update(mobile=number)
    application.person.refresh_from_db()
    return application


def with_postal_address(application):
    Person.objects.filter(pk=application.person_id).update(
        postal_address="3 rue des Lilas", postcode="33000", city="Bordeaux"
    )
    application.person.refresh_from_db()
    return application
