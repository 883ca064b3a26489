"""The audit sheet of a fully signed convention fits its pages: no column, fingerprint or name
runs past the right margin, and every signer is named in full."""

import pytest
from django.test import RequestFactory

from documents.conventions.admin_views import audit_sheet_document

from .conftest import sign_all


def _boxes(box):
    yield box
    for child in getattr(box, "children", None) or []:
        yield from _boxes(child)


@pytest.fixture
def signed(convention, advisor, officer):
    advisor.first_name, advisor.last_name = "Claire", "Martin"
    advisor.save()
    return sign_all(convention, advisor, officer)


def test_every_box_stays_within_the_page(signed, advisor):
    request = RequestFactory().get("/")
    request.user = advisor
    document = audit_sheet_document(request, signed)

    for page in document.pages:
        right = page.width - page._page_box.margin_right
        for box in _boxes(page._page_box):
            if type(box).__name__.endswith("MarginBox") or box is page._page_box:
                continue
            # Border boxes: a block's right margin is whatever is left of its container's width.
            assert box.border_box_x() + box.border_width() <= right + 1, (type(box).__name__, getattr(box, "text", ""))
        assert page._page_box.children[0].margin_height() <= page.height


def test_the_signers_are_named_in_full(signed, advisor, tmp_path):
    from .test_convention_rendering import pdf_text

    request = RequestFactory().get("/")
    request.user = advisor
    words = " ".join(pdf_text(audit_sheet_document(request, signed).write_pdf(), tmp_path).split())

    assert "Giulia Bianchi" in words and "Monique Durand" in words and "Claire Martin" in words
