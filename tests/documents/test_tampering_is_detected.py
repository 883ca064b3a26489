"""A signed convention altered afterwards is reported as altered: by the platform and by verify_pdf."""

from io import BytesIO

import pytest
from django.core.management import call_command
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

from documents.conventions import authority
from documents.conventions.services import read_pdf
from documents.signing import verify

from .conftest import sign_all


@pytest.fixture
def signed(convention, advisor, officer):
    return read_pdf(sign_all(convention, advisor, officer))


@pytest.fixture
def rendered_size(convention):
    """Bytes of the unsigned file: what every signature covers."""
    return len(read_pdf(convention))


def one_byte_changed(pdf: bytes, at: int) -> bytes:
    data = bytearray(pdf)
    data[at] ^= 0x01
    return bytes(data)


def page_added(pdf: bytes) -> bytes:
    writer = IncrementalPdfFileWriter(BytesIO(pdf))
    content = writer.add_object(generic.StreamObject(stream_data=b"BT /F1 24 Tf 72 720 Td (Avenant non signe) Tj ET"))
    page = generic.DictionaryObject(
        {
            generic.NameObject("/Type"): generic.NameObject("/Page"),
            generic.NameObject("/MediaBox"): generic.ArrayObject([generic.NumberObject(n) for n in (0, 0, 595, 842)]),
            generic.NameObject("/Contents"): content,
        }
    )
    writer.insert_page(page)
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


def field_replaced(pdf: bytes) -> bytes:
    writer = IncrementalPdfFileWriter(BytesIO(pdf))
    field = writer.root["/AcroForm"]["/Fields"][0].get_object()
    field[generic.NameObject("/Rect")] = generic.ArrayObject([generic.FloatObject(n) for n in (10, 10, 300, 200)])
    writer.update_container(field)
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


def test_the_untouched_file_is_valid_at_pades_b_lta(signed):
    report = verify(signed, authority.validation_context)

    assert report.ok
    assert report.level == "B-LTA"
    assert len(report.signatures) == 4 and all(s.intact and s.valid and s.trusted for s in report.signatures)


def test_one_byte_changed_in_the_signed_content_is_reported(signed, rendered_size):
    report = verify(one_byte_changed(signed, rendered_size // 2), authority.validation_context)

    assert not report.ok
    assert not any(s.intact for s in report.signatures)


def test_a_page_added_after_signing_is_reported(signed):
    report = verify(page_added(signed), authority.validation_context)

    assert not report.ok
    assert all(s.intact for s in report.signatures)  # the signed bytes are untouched…
    assert not any(s.unchanged_after for s in report.signatures)  # …but the document changed after them


def test_a_field_replaced_after_signing_is_reported(signed):
    report = verify(field_replaced(signed), authority.validation_context)

    assert not report.ok
    assert not all(s.unchanged_after for s in report.signatures)


def test_garbage_and_an_unsigned_pdf_are_not_valid(convention):
    assert not verify(b"%PDF-1.7\nnot really a pdf", authority.validation_context).ok
    assert not verify(read_pdf(convention), authority.validation_context).ok  # rendered, nobody signed


def test_verify_pdf_exits_non_zero_unless_every_signature_holds(signed, tmp_path, capsys):
    good, bad = tmp_path / "good.pdf", tmp_path / "bad.pdf"
    good.write_bytes(signed)
    bad.write_bytes(page_added(signed))

    call_command("verify_pdf", str(good))
    out = capsys.readouterr().out
    with pytest.raises(SystemExit) as failed:
        call_command("verify_pdf", str(bad))

    assert "PAdES level: B-LTA" in out and out.count("intact: yes") == 4
    assert failed.value.code == 1
    assert "NOT VALID" in capsys.readouterr().out
