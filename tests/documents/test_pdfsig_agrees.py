"""An independent tool, poppler's pdfsig, finds the four parties' signatures valid and trusted
once the platform's root is trusted."""

import re
import shutil
import subprocess

from documents.conventions import authority
from documents.conventions.services import read_pdf
from documents.pki import cert_pem
from tests.conftest import skip_or_fail

from .conftest import sign_all


def test_pdfsig_reports_each_partys_signature_valid_and_trusted(convention, advisor, officer, tmp_path):
    if shutil.which("pdfsig") is None or shutil.which("certutil") is None:
        skip_or_fail("pdfsig and certutil (Debian packages poppler-utils, libnss3-tools) are not installed")
    pdf = tmp_path / "convention.pdf"
    pdf.write_bytes(read_pdf(sign_all(convention, advisor, officer)))
    root = tmp_path / "root.pem"
    root.write_bytes(cert_pem(authority.root_certificate()))
    nss = tmp_path / "nss"
    nss.mkdir()
    subprocess.run(["certutil", "-N", "-d", f"sql:{nss}", "--empty-password"], check=True, capture_output=True)
    subprocess.run(
        ["certutil", "-A", "-d", f"sql:{nss}", "-n", "weshare-root", "-t", "CT,C,C", "-a", "-i", str(root)],
        check=True,
        capture_output=True,
    )

    # pdfsig exits 0 whatever it finds: its text is what counts.
    out = subprocess.run(["pdfsig", "-nssdir", f"sql:{nss}", str(pdf)], capture_output=True, text=True).stdout

    blocks = [
        b for b in re.split(r"^Signature #\d+:", out, flags=re.MULTILINE)[1:] if "Signer Certificate Common Name" in b
    ]
    signers = [re.search(r"Signer Certificate Common Name: (.*)", b).group(1).strip() for b in blocks]
    assert signers[:2] == ["Giulia Bianchi", "Monique Durand"]
    party_blocks = [b for b in blocks if "Timestamp Authority" not in b]
    assert len(party_blocks) == 4
    for block in party_blocks:
        assert "Signature Validation: Signature is Valid." in block, block
        assert "Certificate Validation: Certificate is Trusted." in block, block
