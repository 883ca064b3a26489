"""People who chose the post, their letters, and reading a letter's PDF page by page with positions."""

import re
import shutil
import subprocess
from dataclasses import dataclass

from django.test import TestCase

from documents.models import Letter
from tests.conftest import skip_or_fail
from tests.workflow.factories import ApplicationFactory, StaffMembershipFactory, association_covering
from workflow.models import Person
from workflow.notifications import notify

MM_PER_POINT = 25.4 / 72


def by_post(*, language="fr", territory=None, **fields):
    """A file whose person chose letters by post and gave a postal address."""
    extra = {"territory": territory, "country": territory.country} if territory is not None else {}
    application = ApplicationFactory(language=language, **extra, **fields)
    Person.objects.filter(pk=application.person_id).update(
        preferred_channels=["post"],
        postal_address="3 rue des Lilas",
        postcode="33000",
        city="Bordeaux",
        language=language,
    )
    application.refresh_from_db()
    association = association_covering(application.territory)
    if not association.phone:
        association.address = "12 place de la Victoire\n33000 Bordeaux"
        association.phone = "05 56 00 00 00"
        association.opening_hours = "du lundi au vendredi, de 9 h à 17 h"
        association.save()
    return application


def advisor_of(application):
    return StaffMembershipFactory(organisation=association_covering(application.territory)).user


def letter_for(application, kind="application.changed", context=None, *, occasion="1") -> Letter:
    """The letter that ``notify`` puts in the print queue for ``application``'s person."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        notify(
            application.person,
            kind,
            context if context is not None else {"state": "approved", "reason": ""},
            about=application,
            occasion=occasion,
            application=application,
        )
    return Letter.objects.get(notification__application=application, notification__occasion=str(occasion))


@dataclass(frozen=True)
class Word:
    text: str
    left: float  # millimetres from the left edge of the sheet
    top: float  # millimetres from the top edge of the sheet
    right: float
    bottom: float


WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')


def _pdftotext(*args) -> str:
    if shutil.which("pdftotext") is None:
        skip_or_fail("pdftotext (Debian package poppler-utils) is not installed")
    return subprocess.run(["pdftotext", *args], capture_output=True, check=True, text=True).stdout


def page_words(pdf: bytes, page: int, tmp_path) -> list[Word]:
    """The words of one page (counted from 1), with their boxes in millimetres."""
    path = tmp_path / "read.pdf"
    path.write_bytes(pdf)
    found = WORD.findall(_pdftotext("-bbox", "-f", str(page), "-l", str(page), str(path), "-"))
    return [Word(text, *(float(value) * MM_PER_POINT for value in (x0, y0, x1, y1))) for x0, y0, x1, y1, text in found]


def page_text(pdf: bytes, page: int, tmp_path) -> str:
    path = tmp_path / "read.pdf"
    path.write_bytes(pdf)
    return " ".join(_pdftotext("-f", str(page), "-l", str(page), str(path), "-").split())


def page_count(pdf: bytes, tmp_path) -> int:
    path = tmp_path / "count.pdf"
    path.write_bytes(pdf)
    if shutil.which("pdfinfo") is None:
        skip_or_fail("pdfinfo (Debian package poppler-utils) is not installed")
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, check=True, text=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE).group(1))
