"""An uploaded PDF is parsed and refused if a viewer would run or open something by itself: scripts,
actions on opening or on events, programs to launch, attached files, XFA forms. The markers are
hidden in compressed object streams, where a search of the file's bytes does not see them."""

import io
import time

import pytest
import weasyprint
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.generic import pdf_name
from pyhanko.pdf_utils.writer import PageObject, PdfFileWriter

from documents import content
from documents.conventions.services import read_pdf
from documents.exceptions import DocumentRefused
from documents.services import document_upload
from tests.workflow.factories import ApplicationFactory

ACTIVE = "scripts, automatic actions or attached files"


def name(value: str) -> generic.NameObject:
    return pdf_name(value)


def dictionary(**entries) -> generic.DictionaryObject:
    return generic.DictionaryObject({pdf_name("/" + key): value for key, value in entries.items()})


def script(code="app.alert('hello')") -> generic.DictionaryObject:
    return dictionary(S=name("/JavaScript"), JS=generic.TextStringObject(code))


def pdf(*, root=None, page=None, compress=True, encrypt=None) -> bytes:
    """A one-page PDF whose added catalog and page entries all sit in a compressed object stream."""
    writer = PdfFileWriter(stream_xrefs=True)
    packed = writer.prepare_object_stream(compress=compress)
    text = writer.add_object(generic.StreamObject(stream_data=b"BT /F1 12 Tf 72 720 Td (Hello) Tj ET"))
    page_object = PageObject(contents=text, media_box=(0, 0, 595, 842))
    for key, value in (page or {}).items():
        page_object[pdf_name(key)] = writer.add_object(value, obj_stream=packed)
    writer.insert_page(page_object)
    for key, value in (root or {}).items():
        writer.root[pdf_name(key)] = writer.add_object(value, obj_stream=packed)
    writer.update_root()
    if encrypt is not None:
        writer.encrypt(owner_pass="owner", user_pass=encrypt)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def raw_pdf(*objects: bytes, root=1) -> bytes:
    """A PDF written by hand, object by object, with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    start = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f\r\n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n\r\n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, start)
    return bytes(out)


def looping_pdf() -> bytes:
    writer = PdfFileWriter(stream_xrefs=True)
    packed = writer.prepare_object_stream()
    first = writer.add_object(generic.ArrayObject(), obj_stream=packed)
    second = writer.add_object(generic.ArrayObject([first]), obj_stream=packed)
    first.get_object().append(second)
    writer.root[pdf_name("/Loop")] = first
    writer.update_root()
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def refusal(data: bytes) -> str:
    with pytest.raises(DocumentRefused) as refused:
        content.check(data, name="scan.pdf")
    with translation.override("en"):
        return str(refused.value.message)


def test_a_script_hidden_in_a_compressed_object_stream_is_refused():
    data = pdf(root={"/OpenAction": script()})

    assert b"JavaScript" not in data and b"/JS" not in data  # invisible to a search of the bytes
    assert ACTIVE in refusal(data)


@pytest.mark.parametrize(
    ("root", "page"),
    [
        (
            {
                "/Names": dictionary(
                    JavaScript=dictionary(Names=generic.ArrayObject([generic.TextStringObject("a"), script()]))
                )
            },
            None,
        ),
        ({"/OpenAction": dictionary(S=name("/URI"), URI=generic.TextStringObject("https://example.org/"))}, None),
        ({"/OpenAction": dictionary(S=name("/Launch"), F=generic.TextStringObject("calc.exe"))}, None),
        (None, {"/AA": dictionary(O=dictionary(S=name("/GoTo"), D=generic.ArrayObject([generic.NumberObject(0)])))}),
        (None, {"/Annots": generic.ArrayObject([dictionary(Subtype=name("/Link"), A=script())])}),
        (
            None,
            {
                "/Annots": generic.ArrayObject(
                    [
                        dictionary(
                            Subtype=name("/Link"), A=dictionary(S=name("/Launch"), F=generic.TextStringObject("x.exe"))
                        )
                    ]
                )
            },
        ),
        ({"/Names": dictionary(EmbeddedFiles=dictionary(Names=generic.ArrayObject()))}, None),
        (
            None,
            {
                "/Annots": generic.ArrayObject(
                    [
                        dictionary(
                            Subtype=name("/FileAttachment"),
                            FS=dictionary(Type=name("/Filespec"), EF=dictionary(F=generic.NullObject())),
                        )
                    ]
                )
            },
        ),
        ({"/AcroForm": dictionary(Fields=generic.ArrayObject(), XFA=generic.ArrayObject())}, None),
    ],
    ids=[
        "javascript-name-tree",
        "open-action-uri",
        "launch-on-opening",
        "additional-actions-on-a-page",
        "script-behind-a-link",
        "launch-behind-a-link",
        "embedded-files",
        "file-attachment-annotation",
        "xfa-form",
    ],
)
def test_each_kind_of_active_content_is_refused_wherever_it_sits(root, page):
    assert ACTIVE in refusal(pdf(root=root, page=page))


def test_a_name_written_with_escapes_is_read_as_the_viewer_reads_it():
    data = raw_pdf(b"<< /Type /Catalog /Open#41ction 2 0 R >>", b"<< /S /Java#53cript /J#53 (app.alert(1)) >>")

    assert ACTIVE in refusal(data)


def test_a_script_in_a_file_protected_only_against_changes_is_refused():
    data = pdf(root={"/OpenAction": script()}, encrypt="")

    assert ACTIVE in refusal(data)


def test_a_file_that_needs_a_password_to_be_read_is_refused():
    assert "protected by a password" in refusal(pdf(encrypt="secret"))


def test_a_script_in_a_file_without_cross_reference_table_is_refused():
    data = b"%PDF-1.4\n1 0 obj<</Type/Catalog/OpenAction 2 0 R>>endobj\n2 0 obj<</S/JavaScript/JS(x)>>endobj\n%%EOF\n"

    assert ACTIVE in refusal(data)


@pytest.mark.parametrize(
    "data",
    [
        looping_pdf(),
        raw_pdf(b"<< /Type /Catalog /Next 2 0 R >>", b"3 0 R", b"2 0 R"),
        raw_pdf(b"<< /Type /Catalog /Deep " + b"[" * 50_000 + b"]" * 50_000 + b" >>"),
        raw_pdf(b"<< /Type /Catalog /Pages 5 0 R >>"),
        raw_pdf(b"<< /Type /Pages /Kids [] /Count 0 >>", root=7),
    ],
    ids=["reference-loop", "references-pointing-at-each-other", "deep-nesting", "missing-object", "no-catalog"],
)
def test_loops_and_broken_structures_end_in_a_refusal_or_pass_never_an_error(data):
    started = time.monotonic()
    try:
        content.check(data, name="scan.pdf")
    except DocumentRefused:
        pass
    assert time.monotonic() - started < content.MAX_PDF_SECONDS + 5


def test_a_rebuilt_file_whose_references_lead_nowhere_is_refused_as_damaged():
    data = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 5 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"

    assert "damaged" in refusal(data)


def test_a_file_with_a_huge_object_stream_is_read_in_bounded_time():
    writer = PdfFileWriter(stream_xrefs=True)
    packed = writer.prepare_object_stream()
    things = generic.ArrayObject(
        writer.add_object(dictionary(N=generic.NumberObject(i)), obj_stream=packed) for i in range(20_000)
    )
    writer.root[pdf_name("/Things")] = writer.add_object(things)
    out = io.BytesIO()
    writer.write(out)

    started = time.monotonic()
    content.check(out.getvalue(), name="many.pdf")
    assert time.monotonic() - started < content.MAX_PDF_SECONDS


@pytest.mark.parametrize(
    "data",
    [
        pdf(),
        pdf(root={"/OpenAction": generic.ArrayObject([generic.NumberObject(0), name("/Fit")])}),
        pdf(
            page={
                "/Annots": generic.ArrayObject(
                    [
                        dictionary(
                            Subtype=name("/Link"),
                            A=dictionary(S=name("/URI"), URI=generic.TextStringObject("https://example.org/")),
                        )
                    ]
                )
            }
        ),
        pdf(
            root={
                "/Names": dictionary(
                    Dests=dictionary(Names=generic.ArrayObject()), JSX=generic.NullObject(), AAA=generic.NullObject()
                )
            }
        ),
        b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
    ],
    ids=["plain", "opens-at-a-page", "web-link", "longer-names", "without-cross-reference-table"],
)
def test_ordinary_pdfs_pass(data):
    assert content.check(data, name="scan.pdf").content == data


def test_a_pdf_made_by_weasyprint_passes():
    html = "<h1>Attestation</h1><p>Loyer : 90 EUR</p><a href='https://example.org/'>lien</a>"
    for data in (
        weasyprint.HTML(string=html).write_pdf(),
        weasyprint.HTML(string=html).write_pdf(pdf_variant="pdf/a-2b", uncompressed_pdf=False),
    ):
        assert content.check(data, name="attestation.pdf").content == data


def test_a_convention_with_its_signature_fields_passes(convention):
    data = read_pdf(convention)

    assert content.check(data, name="convention.pdf").content == data


def test_the_applicant_is_told_why_and_nothing_is_stored(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": str(tmp_path)}},
    }
    application = ApplicationFactory()

    with pytest.raises(DocumentRefused) as refused:
        document_upload(
            application=application,
            kind="identity",
            uploaded_file=SimpleUploadedFile("payslip.pdf", pdf(root={"/OpenAction": script()})),
        )

    with translation.override("en"):
        assert ACTIVE in str(refused.value.message)
    assert not application.supporting_documents.exists()
