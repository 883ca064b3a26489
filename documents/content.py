"""What an uploaded file really is, by its content rather than its name, and images without metadata."""

import io
import re
import time
import warnings
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError
from pyhanko.pdf_utils import generic, misc
from pyhanko.pdf_utils.crypt import AuthStatus
from pyhanko.pdf_utils.decode_limits import DecodePurpose
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.pdf_utils.xref import ObjStreamRef

from .exceptions import DocumentRefused

MAX_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000
PDF, JPEG, PNG = "application/pdf", "image/jpeg", "image/png"
EXTENSIONS = {PDF: {".pdf"}, JPEG: {".jpg", ".jpeg"}, PNG: {".png"}}
# Markers of other formats hidden in a file that claims to be a PDF or an image (polyglots).
#: The antivirus test file (www.eicar.org): it must be refused like real malware.
EICAR = rb"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"
FOREIGN_MARKERS = (b"<html", b"<script", b"<!doctype html", b"<svg", b"<?php")
# What a PDF viewer may run or open by itself: scripts, actions on opening or on events, programs to
# launch, attached files (the name tree and the file specifications' streams) and XFA forms. Matched
# as whole PDF names, keys of a dictionary or values such as an action's /S.
ACTIVE_KEYS = frozenset({"/JavaScript", "/JS", "/AA", "/Launch", "/EmbeddedFiles", "/EF", "/XFA"})
ACTIVE_NAMES = frozenset({"/JavaScript", "/Launch"})
# Bounds of the inspection, well above an ordinary 10 MB scan or export (a few thousand objects).
MAX_PDF_OBJECTS = 100_000
MAX_PDF_NODES = 3_000_000
MAX_PDF_SECONDS = 10.0


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
        _refuse_active_content(data)
        return CheckedFile(content=data, content_type=PDF)
    return CheckedFile(content=_reencode(data, content_type), content_type=content_type)


class _TooComplex(Exception):
    pass


class _ActiveContent(Exception):
    pass


def _refuse_active_content(data: bytes) -> None:
    """Parse the PDF and refuse it if anything a viewer would run or open by itself is reachable.

    Every object reachable from the trailer is read, those packed in compressed object streams
    included, so a script cannot hide where a search of the raw bytes does not see it.
    """
    try:
        reader = _open(data)
        if reader.encrypted and _unlock(reader) is AuthStatus.FAILED:
            raise DocumentRefused(_("This PDF is protected by a password. Please send it without the password."))
        _walk(reader)
    except DocumentRefused:
        raise
    except _ActiveContent:
        raise DocumentRefused(
            _(
                "This PDF contains scripts, automatic actions or attached files and was refused. "
                "Please send a scan or print the document to a new PDF."
            )
        ) from None
    except _TooComplex:
        raise DocumentRefused(_("This PDF is too complex to be checked. Please send a scan of the document.")) from None
    except Exception:  # noqa: BLE001 - whatever the parser trips on, the file is refused, never a server error
        raise DocumentRefused(_("This PDF file is damaged or incomplete.")) from None


def _open(data: bytes) -> PdfFileReader:
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
    except Exception:  # noqa: BLE001 - viewers rebuild a missing or broken cross-reference table: so do we
        reader = PdfFileReader(io.BytesIO(_with_rebuilt_xref(data)), strict=True)
    if "/Root" not in reader.trailer_view:
        raise DocumentRefused(_("This PDF file is damaged or incomplete."))
    return reader


def _unlock(reader: PdfFileReader) -> AuthStatus:
    """Open a file protected only against changes (empty password to read it), as viewers do."""
    try:
        return reader.decrypt("").status
    except Exception:  # noqa: BLE001 - another security handler (certificates): it cannot be read
        return AuthStatus.FAILED


_OBJECT_HEADER = re.compile(rb"(?<![0-9])([0-9]{1,10})[ \t\r\n\f\x00]+([0-9]{1,5})[ \t\r\n\f\x00]+obj(?![A-Za-z])")
_TRAILER_ROOT = re.compile(rb"/Root[ \t\r\n\f\x00]*([0-9]{1,10})[ \t\r\n\f\x00]+([0-9]{1,5})[ \t\r\n\f\x00]+R")
_CATALOG = re.compile(rb"/Type[ \t\r\n\f\x00]*/Catalog(?![A-Za-z0-9])")


def _with_rebuilt_xref(data: bytes) -> bytes:
    """The file with a cross-reference table listing every object found in its bytes, last one wins.

    Objects packed in object streams are not listed: a reference to one of them then fails the strict
    reading, and the file is refused as damaged rather than inspected partly.
    """
    offsets = {}
    for match in _OBJECT_HEADER.finditer(data):
        offsets[int(match[1])] = (match.start(), int(match[2]))
    trailer = data.rfind(b"trailer")
    root = _TRAILER_ROOT.search(data, trailer) if trailer >= 0 else None
    if root:
        root_ref = (int(root[1]), int(root[2]))
    else:
        catalogs = [
            (number, generation)
            for number, (offset, generation) in offsets.items()
            if _CATALOG.search(data, offset, _end_of_object(data, offset))
        ]
        if not catalogs:
            raise DocumentRefused(_("This PDF file is damaged or incomplete."))
        root_ref = catalogs[-1]
    lines = [b"xref", b"0 1", b"0000000000 65535 f\r"]
    for number in sorted(offsets):
        offset, generation = offsets[number]
        lines += [b"%d 1" % number, b"%010d %05d n\r" % (offset, generation)]
    start = len(data) + 1
    table = b"\n".join(lines)
    trailer_dict = b"trailer\n<< /Size %d /Root %d %d R >>" % (max(offsets, default=0) + 1, *root_ref)
    return data + b"\n" + table + b"\n" + trailer_dict + b"\nstartxref\n%d\n%%%%EOF\n" % start


def _end_of_object(data: bytes, offset: int) -> int:
    end = data.find(b"endobj", offset)
    return len(data) if end < 0 else end


def _only_shows_a_page(action) -> bool:
    """An /OpenAction that only opens the document at a page, as office and LaTeX tools write it."""
    if isinstance(action, generic.IndirectObject):
        action = action.get_object()
    if isinstance(
        action, generic.ArrayObject | generic.NameObject | generic.TextStringObject | generic.ByteStringObject
    ):
        return True
    return isinstance(action, generic.DictionaryObject) and action.get("/S") == "/GoTo" and "/Next" not in action


def _walk(reader: PdfFileReader) -> None:
    """Visit every object reachable from the trailer once, raising _ActiveContent at the first active one."""
    deadline = time.monotonic() + MAX_PDF_SECONDS
    seen: set[tuple[int, int]] = set()
    unpacked: set[int] = set()
    stack: list = [reader.trailer_view]
    nodes = 0
    while stack:
        node = stack.pop()
        nodes += 1
        if nodes > MAX_PDF_NODES or (nodes % 256 == 0 and time.monotonic() > deadline):
            raise _TooComplex
        if isinstance(node, generic.IndirectObject):
            ref = node.reference
            if (ref.idnum, ref.generation) not in seen:
                seen.add((ref.idnum, ref.generation))
                if len(seen) > MAX_PDF_OBJECTS:
                    raise _TooComplex
                where = reader.xrefs[ref]
                if isinstance(where, ObjStreamRef) and where.obj_stream_id not in unpacked:
                    unpacked.add(where.obj_stream_id)
                    _unpack_object_stream(reader, where.obj_stream_id)
                stack.append(ref.get_object())
        elif isinstance(node, generic.DictionaryObject):  # streams too: their dictionary, not their data
            for key in node:
                if key in ACTIVE_KEYS:
                    raise _ActiveContent
                value = node.raw_get(key)
                if key == "/OpenAction" and not _only_shows_a_page(value):
                    raise _ActiveContent
                stack.append(value)
        elif isinstance(node, generic.ArrayObject):
            stack.extend(node.raw_get(index) for index in range(len(node)))
        elif isinstance(node, generic.NameObject) and node in ACTIVE_NAMES:
            raise _ActiveContent


def _unpack_object_stream(reader: PdfFileReader, number: int) -> None:
    """Read all the objects of a compressed object stream in one pass into the reader's cache.

    pyHanko reads one object at a time and scans the stream's index again for each one, which
    takes minutes on a stream of many thousand objects; here the stream is decoded and indexed once.
    Objects replaced by a later revision of the file are left to the reader.
    """
    stream = reader.get_object(generic.Reference(number, 0, reader))
    if not isinstance(stream, generic.StreamObject) or stream.get("/Type") != "/ObjStm":
        raise misc.PdfReadError("not an object stream")
    count, first = int(stream["/N"]), int(stream["/First"])
    if not 0 <= count <= MAX_PDF_OBJECTS:
        raise _TooComplex
    data = io.BytesIO(stream.read_data(DecodePurpose.OBJECT_STREAM))
    index = []
    for _position in range(count):
        misc.read_non_whitespace(data, seek_back=True)
        idnum = generic.NumberObject.read_from_stream(data)
        misc.read_non_whitespace(data, seek_back=True)
        offset = generic.NumberObject.read_from_stream(data)
        index.append((int(idnum), int(offset)))
    for position, (idnum, offset) in enumerate(index):
        if reader.xrefs[generic.Reference(idnum, 0, reader)] != ObjStreamRef(number, position):
            continue
        if reader.cache_get_indirect_object(0, idnum) is None:
            data.seek(first + offset)
            reader.cache_indirect_object(0, idnum, generic.read_object(data, generic.Reference(idnum, 0, reader)))


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
