"""With an HSM configured (PKCS#11; SoftHSM here), each party's key is made in it, never leaves it,
and the convention still validates as PAdES B-LTA."""

import os
import shutil
import subprocess

import pytest

from documents.conventions import authority
from documents.conventions.services import read_pdf
from documents.models import SignerCertificate
from documents.signing import verify
from tests.conftest import skip_or_fail

from .conftest import sign_all

MODULES = ["/usr/lib/softhsm/libsofthsm2.so", "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so"]


@pytest.fixture
def hsm(tmp_path, settings, monkeypatch):
    module = next((m for m in MODULES if os.path.exists(m)), None)
    if module is None or shutil.which("softhsm2-util") is None:
        skip_or_fail("SoftHSM (Debian package softhsm2) is not installed")
    tokens = tmp_path / "tokens"
    tokens.mkdir()
    conf = tmp_path / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {tokens}\nobjectstore.backend = file\nlog.level = ERROR\n")
    monkeypatch.setenv("SOFTHSM2_CONF", str(conf))
    subprocess.run(
        ["softhsm2-util", "--init-token", "--free", "--label", "weshare-test", "--pin", "4321", "--so-pin", "87654321"],
        check=True,
        capture_output=True,
        env={**os.environ, "SOFTHSM2_CONF": str(conf)},
    )
    settings.PKI_PKCS11_MODULE = module
    settings.PKI_PKCS11_TOKEN = "weshare-test"
    settings.PKI_PKCS11_PIN = "4321"
    yield module


def test_the_parties_sign_with_keys_that_stay_in_the_hsm(hsm, convention, advisor, officer):
    from pkcs11 import Attribute, ObjectClass

    sealed = sign_all(convention, advisor, officer)

    certificates = list(SignerCertificate.objects.filter(pk__in=sealed.steps.values("certificate")))
    assert len(certificates) == 4
    assert all(c.key_label and not bytes(c.key_pem) for c in certificates)
    with authority.hsm_session() as session:
        for certificate in certificates:
            key = session.get_key(object_class=ObjectClass.PRIVATE_KEY, label=certificate.key_label)
            assert key[Attribute.SENSITIVE] and not key[Attribute.EXTRACTABLE]
    report = verify(read_pdf(sealed), authority.validation_context)
    assert report.ok and report.level == "B-LTA"
