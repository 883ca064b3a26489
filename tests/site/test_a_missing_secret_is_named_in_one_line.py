"""A command or a server started without a required secret stops with one line naming the
variable, and a non-zero status; never a traceback."""

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MISSING = re.compile(r"The environment variable ([A-Z0-9_]+) must be set")
#: Long enough for every length rule of the settings; a throwaway value, never a real secret.
STAND_IN = "stand-in-secret-for-this-test-0123456789abcdefghijklmnop"


def run(args: list[str], tmp_path, **variables) -> subprocess.CompletedProcess:
    """Run with only PATH, the production settings, a throwaway folder and the given variables."""
    env = {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "WESHARE_VAR_DIR": str(tmp_path),
        **variables,
    }
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120, check=False
    )


def one_line(result: subprocess.CompletedProcess) -> str:
    lines = result.stderr.strip().splitlines()
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_manage_py_names_each_missing_production_secret_in_turn(tmp_path):
    given, named = {}, []
    for _ in range(10):
        result = run(["manage.py", "check"], tmp_path, **given)
        if result.returncode == 0:
            break
        line = one_line(result)
        assert line.startswith("Configuration error: "), line
        variable = MISSING.search(line).group(1)
        assert variable not in named, line
        named.append(variable)
        given[variable] = STAND_IN

    assert named[0] == "SECRET_KEY"
    assert result.returncode == 0, result.stderr


def test_the_web_entry_points_name_the_missing_secret_and_stop_the_server(tmp_path):
    for module in ("config.wsgi", "config.asgi"):
        result = run(["-c", f"import sys; sys.path[:0] = ['site', '.']; import {module}"], tmp_path)

        assert one_line(result) == "Configuration error: The environment variable SECRET_KEY must be set."
        assert result.returncode == 3  # gunicorn's "worker failed to boot": it stops, not restarts


def test_the_signing_authorities_are_not_created_without_their_passphrase(tmp_path):
    secrets = dict.fromkeys(("SECRET_KEY", "AUDIT_HMAC_KEY"), STAND_IN)
    for command in ("pki_init", "load_demo"):
        result = run(["manage.py", command], tmp_path, PKI_KEY_PASSPHRASE="", **secrets)

        line = one_line(result)
        assert line.startswith("CommandError: The environment variable PKI_KEY_PASSPHRASE must be set"), line


def test_opening_the_stored_keys_without_the_passphrase_names_it(settings):
    import pytest
    from django.core.exceptions import ImproperlyConfigured

    from documents.pki import passphrase

    settings.PKI_KEY_PASSPHRASE = ""

    with pytest.raises(ImproperlyConfigured, match="PKI_KEY_PASSPHRASE must be set"):
        passphrase()
