"""A pairing's dossier in the back office: the page, its PDF sealed by the platform, the link from the pairing.

Whoever sees both files of a pairing reads its dossier; anyone else gets a 404. Every reading and
every download is recorded in the audit trail, by ids only.
"""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail import hooks

from audit import chain
from documents import signing
from documents.conventions import authority
from documents.conventions.rendering import FONTS, PX_TO_PT, safe_url_fetcher
from documents.exceptions import PKINotInitialised
from pairings.exceptions import PairingNotFound
from workflow import access

from .dossier import Dossier, pairing_dossier

#: Where the visible seal goes in the PDF (an element of this id on the first page).
SEAL_ANCHOR = "platform-seal"


def _dossier(request, pk: int) -> Dossier:
    try:
        return pairing_dossier(pairing=pk, user=request.user)
    except PairingNotFound:
        raise Http404 from None


def dossier_view(request, pk: int):
    """The dossier on screen, with the download of its sealed PDF."""
    dossier = _dossier(request, pk)
    chain.record("pairing.dossier_viewed", user=request.user, obj=dossier.pairing, pairing_id=dossier.pairing.pk)
    return TemplateResponse(
        request,
        "oversight/dossier.html",
        {
            "dossier": dossier,
            "pairing_url": reverse("pairings_pairing:inspect", args=[dossier.pairing.pk]),
            "pdf_url": reverse("oversight_pairing_dossier_pdf", args=[dossier.pairing.pk]),
            "verify_url": reverse("convention_verify"),
        },
    )


def dossier_pdf(dossier: Dossier) -> tuple[bytes, tuple]:
    """The dossier laid out as a PDF (WeasyPrint, nothing fetched but the shipped fonts) and the box of its seal."""
    import weasyprint

    html = render_to_string(
        "oversight/dossier_pdf.html",
        {
            "dossier": dossier,
            "language": translation.get_language(),
            "font_regular": (FONTS / "DejaVuSans.ttf").as_uri(),
            "font_bold": (FONTS / "DejaVuSans-Bold.ttf").as_uri(),
            "seal_anchor": SEAL_ANCHOR,
        },
    )
    document = weasyprint.HTML(string=html, base_url=str(FONTS), url_fetcher=safe_url_fetcher()).render()
    box = (0, None)
    page = document.pages[0]
    anchor = page.anchors.get(SEAL_ANCHOR)
    if anchor:
        x1, y1, x2, y2 = anchor
        height = page.height
        box = (
            0,
            (
                round(x1 * PX_TO_PT),
                round((height - y2) * PX_TO_PT),
                round(x2 * PX_TO_PT),
                round((height - y1) * PX_TO_PT),
            ),
        )
    return document.write_pdf(pdf_variant="pdf/a-2b", uncompressed_pdf=False), box


def dossier_sealed_pdf(dossier: Dossier) -> bytes:
    """The dossier's PDF with the platform's PAdES seal, made with the platform's own stored seal
    certificate, which the public verification page accepts."""
    pdf, box = dossier_pdf(dossier)
    with authority.platform_seal_signer() as signer:
        return signing.seal_as_platform(
            pdf,
            signer=signer,
            timestamper=authority.timestamper(),
            context=authority.validation_context(),
            role=_("WeShare's seal"),
            reason=_("Dossier of pairing %(number)s") % {"number": dossier.pairing.pk},
            box=box,
        )


def dossier_download(request, pk: int):
    dossier = _dossier(request, pk)
    try:
        sealed = dossier_sealed_pdf(dossier)
    except PKINotInitialised:
        return TemplateResponse(
            request,
            "oversight/dossier.html",
            {
                "dossier": dossier,
                "pairing_url": reverse("pairings_pairing:inspect", args=[dossier.pairing.pk]),
                "pdf_url": reverse("oversight_pairing_dossier_pdf", args=[dossier.pairing.pk]),
                "verify_url": reverse("convention_verify"),
                "refusal": _("The platform's certificates are not set up yet: the dossier cannot be sealed."),
            },
            status=503,
        )
    chain.record(
        "pairing.dossier_exported",
        user=request.user,
        obj=dossier.pairing,
        pairing_id=dossier.pairing.pk,
        data={"format": "pdf", "sha256": signing.sha256(sealed)},
    )
    response = HttpResponse(sealed, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="dossier-pairing-{dossier.pairing.pk}.pdf"'
    response["Cache-Control"] = "no-store"
    return response


@hooks.register("register_admin_urls")
def register_dossier_urls():
    return [
        path("oversight/pairings/<int:pk>/dossier/", dossier_view, name="oversight_pairing_dossier"),
        path("oversight/pairings/<int:pk>/dossier.pdf", dossier_download, name="oversight_pairing_dossier_pdf"),
    ]


@hooks.register("pairing_panels")
def dossier_panel(request, pairing):
    """On the pairing's page: its dossier, and its sealed PDF."""
    if not access.may_view_pairing(request.user, pairing):
        return []
    return [
        render_to_string(
            "oversight/dossier_panel.html",
            {
                "dossier_url": reverse("oversight_pairing_dossier", args=[pairing.pk]),
                "pdf_url": reverse("oversight_pairing_dossier_pdf", args=[pairing.pk]),
            },
            request=request,
        )
    ]
