"""The convention as a PDF: both parties' languages side by side, legal mentions, house rules, QR code,
page numbers and one pre-placed signature field per party on the last page (WeasyPrint)."""

from __future__ import annotations

from itertools import zip_longest
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

import segno
import weasyprint
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.rich_text import expand_db_html
from weasyprint.urls import URLFetcher

from ..enums import SigningParty
from .placeholders import fill, house_rules, values_for

FONTS = Path(__file__).resolve().parents[1] / "static" / "documents" / "fonts"
PX_TO_PT = 0.75  # WeasyPrint lays out in CSS pixels (1/96 in); PDF points are 1/72 in.
PARTIES = [SigningParty.GUEST, SigningParty.HOST, SigningParty.ASSOCIATION, SigningParty.PENSION_OFFICE]


class ShippedFilesFetcher(URLFetcher):
    """What WeasyPrint may read while rendering: the fonts shipped with the platform and ``data:``
    URLs, nothing else. A template's text is written by staff and the applicants' answers go into it:
    an image or a stylesheet pointing at the network or at another file is left out of the PDF
    (WeasyPrint logs a warning) instead of being fetched from the server."""

    def __init__(self):
        super().__init__(allowed_protocols={"file", "data"}, allow_redirects=False)

    def fetch(self, url, headers=None):
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme == "data" or (scheme == "file" and parts.netloc in ("", "localhost") and _shipped(parts.path)):
            return super().fetch(url, headers)
        raise ValueError(f"Not fetched while rendering a PDF: {url[:200]}")


def _shipped(url_path: str) -> bool:
    path = Path(url2pathname(url_path)).resolve()
    return path.is_relative_to(FONTS.resolve()) and path.is_file()


def safe_url_fetcher() -> ShippedFilesFetcher:
    """A fetcher for one rendering (WeasyPrint's fetchers keep state between calls)."""
    return ShippedFilesFetcher()


def field_name(party: str) -> str:
    return f"signature_{party}"


def verify_url(convention) -> str:
    return settings.PUBLIC_BASE_URL.rstrip("/") + reverse("convention_verify_token", args=[convention.token])


def _language_block(convention, version, code: str) -> dict:
    with translation.override(code):
        values = values_for(convention, code)
        content = version.content
        return {
            "code": code,
            "content": {"title": fill(content["title"], values)},
            "articles": [
                {
                    "language": code,
                    "heading": fill(a["heading"], values),
                    "body": fill(expand_db_html(a["body"]), values),
                }
                for a in content["articles"]
            ],
            "legal": fill(expand_db_html(content.get("legal_mentions", "")), values),
            "house_rules": house_rules(convention.pairing.host),
            "annex_title": _("Annex: house rules"),
            "signatures_title": _("Signatures"),
        }


def _html(convention) -> str:
    """The convention as HTML: both languages side by side, then the annex and the signature boxes."""
    pairing = convention.pairing
    host = pairing.host
    blocks = [_language_block(convention, convention.host_version, convention.host_version.template.language)]
    if convention.guest_version_id and convention.guest_version_id != convention.host_version_id:
        blocks.append(_language_block(convention, convention.guest_version, convention.guest_version.template.language))
    rows = [[cell for cell in row if cell is not None] for row in zip_longest(*(b["articles"] for b in blocks))]
    association = host.territory.associations.first()
    office = host.territory.effective_pension_office()
    link = verify_url(convention)
    with translation.override(blocks[0]["code"]):
        values = values_for(convention, blocks[0]["code"])
        representative = values["association_representative"]
        names = {
            SigningParty.GUEST: values["guest_name"],
            SigningParty.HOST: values["host_name"],
            SigningParty.ASSOCIATION: (
                _("%(association)s, represented by %(person)s")
                % {"association": association.name, "person": representative}
                if association and representative != "—"
                else (association.name if association else "")
            ),
            SigningParty.PENSION_OFFICE: office.name if office else "",
        }
        return render_to_string(
            "documents/conventions/convention.html",
            {
                "title": blocks[0]["content"]["title"],
                "host_language": blocks[0]["code"],
                "languages": blocks,
                "articles": rows,
                "reference": convention.reference,
                "reference_label": _("Reference:"),
                "verify_label": _("Check its signatures at"),
                "verify_url": link,
                "page_label": _("Page"),
                "qr": segno.make(link, error="m").svg_data_uri(scale=4, border=1),
                "qr_label": _("Scan to check the signatures"),
                "font_regular": (FONTS / "DejaVuSans.ttf").as_uri(),
                "font_bold": (FONTS / "DejaVuSans-Bold.ttf").as_uri(),
                "boxes": [{"party": p, "label": p.label, "name": names[p]} for p in PARTIES],
            },
        )


def layout(convention) -> weasyprint.Document:
    """The convention laid out in pages (WeasyPrint), before it is written as a PDF."""
    return weasyprint.HTML(string=_html(convention), base_url=str(FONTS), url_fetcher=safe_url_fetcher()).render()


def render(convention) -> tuple[bytes, dict]:
    """The unsigned PDF and, per party, (page index, box in PDF points) of their signature field."""
    document = layout(convention)
    boxes = {}
    for index, page in enumerate(document.pages):
        height = page.height
        for party in PARTIES:
            anchor = page.anchors.get(f"sig-{party}")
            if anchor:
                x1, y1, x2, y2 = anchor
                boxes[field_name(party)] = (
                    index,
                    (
                        round(x1 * PX_TO_PT),
                        round((height - y2) * PX_TO_PT),
                        round(x2 * PX_TO_PT),
                        round((height - y1) * PX_TO_PT),
                    ),
                )
    pdf = document.write_pdf(pdf_variant="pdf/a-2b", uncompressed_pdf=False)
    return pdf, boxes
