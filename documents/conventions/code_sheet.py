"""The printed code sheet: a host or a guest without a smartphone receives their one-time signing
code on paper, in large type, with its expiry, the convention's reference and what to do.

The sheet is made at the moment the code is, returned once to the advisor's browser to print and
kept nowhere: only the code's hash is stored (see :func:`services.signing_code_deliver`).
"""

from __future__ import annotations

import weasyprint
from django.template.loader import render_to_string
from django.utils import timezone, translation

from .rendering import FONTS, safe_url_fetcher


def _association(territory):
    """The association that accompanies the signer: of their territory, or of the nearest one above."""
    return territory.accompanying_association() if territory is not None else None


def code_sheet_pdf(*, convention, application, code: str, expires_at) -> bytes:
    """The sheet as PDF bytes, in the signer's language."""
    pairing = convention.pairing
    association = _association(application.territory)
    with translation.override(application.language):
        html = render_to_string(
            "documents/conventions/code_sheet.html",
            {
                "convention": convention,
                "name": f"{application.first_name} {application.last_name}",
                "other_name": (
                    f"{pairing.guest.first_name} {pairing.guest.last_name}"
                    if application.pk == pairing.host_id
                    else f"{pairing.host.first_name} {pairing.host.last_name}"
                ),
                "code": code,
                "expires_at": timezone.localtime(expires_at),
                "association": association,
                "today": timezone.localdate(),
                "language": application.language,
                "font_regular": (FONTS / "DejaVuSans.ttf").as_uri(),
                "font_bold": (FONTS / "DejaVuSans-Bold.ttf").as_uri(),
            },
        )
    return weasyprint.HTML(string=html, base_url=str(FONTS), url_fetcher=safe_url_fetcher()).write_pdf()
