"""What an uploaded file really is, by its content rather than its name, and images without metadata."""

import io
import warnings
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

from .exceptions import DocumentRefused

MAX_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000
PDF, JPEG, PNG = "application/pdf", "image/jpeg", "image/png"
EXTENSIONS = {PDF: {".pdf"}, JPEG: {".jpg", ".jpeg"}, PNG: {".png"}}
# Markers of other formats hidden in a file that claims to be a PDF or an image (polyglots).
#: The antivirus test file (www.eicar.org): it must be refused like real malware.
EICAR = rb"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"
FOREIGN_MARKERS = (b"<html", b"<script", b"<!doctype html", b"<svg", b"<?php")


@dataclass(frozen=True)
class CheckedFile:
    content: bytes
    content_type: str


def sniff(head: bytes) -> str | None:
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    return None


def check(data: bytes, *, name: str) -> CheckedFile:
    """Accept a PDF, JPEG or PNG judged by its bytes; re-encode images to strip their metadata."""
    if not data:
        raise DocumentRefused(_("The file is empty."))
    if EICAR in data:
        raise DocumentRefused(_("This file was recognised as malicious software and was refused."))
    if len(data) > MAX_BYTES:
        raise DocumentRefused(_("The file is larger than 10 MB. Please send a smaller scan or photo."))
    content_type = sniff(data[:16])
    if content_type is None:
        raise DocumentRefused(_("Only PDF files and JPEG or PNG photos are accepted."))
    lowered = data.lower()
    if any(marker in lowered for marker in FOREIGN_MARKERS):
        raise DocumentRefused(_("This file contains something else than a document and was refused."))
    extension = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension and extension not in EXTENSIONS[content_type]:
        raise DocumentRefused(_("The file's name does not match its content. Please check the file."))
    if content_type == PDF:
        if b"%%EOF" not in data[-2048:]:
            raise DocumentRefused(_("This PDF file is damaged or incomplete."))
        return CheckedFile(content=data, content_type=PDF)
    return CheckedFile(content=_reencode(data, content_type), content_type=content_type)


def _reencode(data: bytes, content_type: str) -> bytes:
    try:
        with warnings.catch_warnings():
            # A picture of too many pixels is a decompression bomb, whatever its file size.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                if image.width * image.height > MAX_PIXELS:
                    raise DocumentRefused(_("This image is too large. Please send a smaller photo."))
                image.verify()
            with Image.open(io.BytesIO(data)) as image:
                image.load()
                mode = image.mode if image.mode in ("RGB", "L", "RGBA") else "RGB"
                clean = Image.new(mode, image.size)
                clean.paste(image.convert(mode))
    except DocumentRefused:
        raise
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise DocumentRefused(_("This image cannot be read. Please send another photo or a PDF.")) from None
    out = io.BytesIO()
    if content_type == JPEG:
        clean.convert("RGB").save(out, format="JPEG", quality=90)
    else:
        clean.save(out, format="PNG")
    return out.getvalue()
