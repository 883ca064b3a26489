"""After the browser journeys that ran before it on the same server (applying, vetting, pairing,
signing, staff sign-in), no audit entry holds an email address or an applicant's name."""

import subprocess
import sys

from .conftest import ROOT


def test_no_audit_entry_written_by_the_journeys_holds_an_address_or_a_name(site_server):
    scan = subprocess.run(
        [sys.executable, "manage.py", "audit_scan_personal_data"],
        cwd=ROOT,
        env=site_server.env,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert scan.returncode == 0, scan.stderr + scan.stdout
    assert "No personal data in" in scan.stdout
