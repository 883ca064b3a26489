"""A real server process for the browser: its own database, migrated and loaded with the demo.

The browser talks HTTP to it like a visitor would; the test process never shares a database
connection with Playwright's event loop.
"""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _postgres_database(url: str, name: str, *, drop_only: bool = False) -> str:
    import psycopg

    parts = urlsplit(url)
    admin_url = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if not drop_only:
            conn.execute(f'CREATE DATABASE "{name}"')
    return urlunsplit(parts._replace(path=f"/{name}"))


@dataclass(frozen=True)
class Server:
    url: str
    mail_dir: Path
    #: The server's environment, to run its management commands.
    env: dict
    #: Where the server writes the text messages it sends, one file each.
    sms_dir: Path | None = None

    def __str__(self) -> str:
        return self.url

    def __add__(self, path: str) -> str:
        return self.url + path

    def emails_to(self, address: str) -> list[str]:
        """The raw emails the server sent to ``address``, oldest first."""
        found = []
        for file in sorted(self.mail_dir.glob("*.log"), key=lambda f: f.stat().st_mtime):
            for message in file.read_text(errors="replace").split("-" * 79):
                if f"To: {address}" in message:
                    found.append(message)
        return found

    def texts_to(self, number: str) -> list[str]:
        """The text messages the server sent to ``number``, oldest first (their bodies)."""
        found = []
        for file in sorted(self.sms_dir.glob("*.txt")) if self.sms_dir else ():
            header, _blank, body = file.read_text(encoding="utf-8").partition("\n\n")
            if header == f"To: {number}":
                found.append(body.strip())
        return found


@pytest.fixture(scope="session")
def site_server(tmp_path_factory):
    var_dir = tmp_path_factory.mktemp("site")
    env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_ALLOW_ASYNC_UNSAFE", "PYTEST_CURRENT_TEST"}}
    mail_dir = var_dir / "mail"
    mail_dir.mkdir()
    sms_dir = var_dir / "sms"
    port = _free_port()
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.test",
        WESHARE_VAR_DIR=str(var_dir),
        TEST_EMAIL_DIR=str(mail_dir),
        TEST_SMS_DIR=str(sms_dir),
        # Passkeys need a domain, not an address: the passkey test browses http://localhost:PORT.
        OTP_WEBAUTHN_RP_ID="localhost",
        OTP_WEBAUTHN_ALLOWED_ORIGINS=f"http://localhost:{port}",
        # Pages that refresh their next actions do it quickly enough for a test to watch.
        LIVE_REFRESH_SECONDS="5",
    )
    database = None
    if env.get("DATABASE_URL"):
        database = f"weshare_browser_{os.getpid()}"
        env["DATABASE_URL"] = _postgres_database(env["DATABASE_URL"], database)
    python = sys.executable
    for command in (["migrate", "--noinput", "-v0"], ["load_demo", "-v0"]):
        subprocess.run([python, "manage.py", *command], cwd=ROOT, env=env, check=True, timeout=300)
    log = open(var_dir / "server.log", "w")  # noqa: SIM115 - closed at teardown.
    server = subprocess.Popen(
        [python, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/health/", timeout=2) as response:  # noqa: S310
                    if response.status == 200:
                        break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError((var_dir / "server.log").read_text()) from None
                time.sleep(0.3)
        yield Server(url=url, mail_dir=mail_dir, env=env, sms_dir=sms_dir)
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
        if database:
            _postgres_database(os.environ["DATABASE_URL"], database, drop_only=True)


@pytest.fixture(autouse=True)
def _database_for_every_test():
    """Browser tests use the server's database, not the test process's."""


#: The authenticator secrets of the demo staff, as shown when each enrolled on this server.
_SECRETS: dict[tuple[str, str], str] = {}


def totp_now(secret: str) -> str:
    """The code an authenticator app shows for this base-32 secret."""
    from base64 import b32decode

    from django_otp.oath import totp

    return f"{totp(b32decode(secret)):06d}"


def wait_for_a_fresh_code() -> None:
    """django-otp accepts each 30-second code once per device: wait for the next one."""
    time.sleep(30 - time.time() % 30 + 0.5)


def staff_account_like(server, model: str, username: str) -> str:
    """A new account on the server, with the demo ``model``'s memberships and password and no
    second factor yet: for a test that must meet the enrolment, whatever ran before it."""
    code = (
        "from django.conf import settings; from django.contrib.auth import get_user_model; "
        "from workflow.models import StaffMembership; User = get_user_model(); "
        f"model = User.objects.get(username={model!r}); "
        f"user, _ = User.objects.get_or_create(username={username!r}, "
        f"defaults={{'email': {username + '@weshare.example'!r}}}); "
        "user.set_password(settings.DEMO_PASSWORD); user.save(); "
        "[StaffMembership.objects.get_or_create(user=user, organisation=m.organisation, role=m.role) "
        "for m in StaffMembership.objects.filter(user=model)]"
    )
    subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code], cwd=ROOT, env=server.env, check=True, timeout=120
    )
    return username


def staff_sign_in(page, server, username, *, password=None):
    """Sign in to the admin with the password, then the second factor: enrol the authenticator
    app the first time (reading the key the page shows), type its code afterwards."""
    from django.conf import settings

    page.goto(f"{server}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password or settings.DEMO_PASSWORD)
    page.locator("form button[type=submit], form input[type=submit]").first.click()
    page.wait_for_url(lambda url: "/admin/two-factor/" in url)
    key = (server.url, username)
    if "/verify/" in page.url:
        wait_for_a_fresh_code()
        page.fill("input[name=token]", totp_now(_SECRETS[key]))
        page.locator("main form button[type=submit]").first.click()
    else:
        _SECRETS[key] = page.locator("#totp-secret").inner_text().strip()
        page.fill("input[name=token]", totp_now(_SECRETS[key]))
        page.locator("main form button[type=submit]").first.click()
        page.locator("#backup-codes").wait_for()
        page.locator("main a.button").first.click()
    page.wait_for_url(f"{server}/admin/")


def staff_code(server, username) -> str:
    """A fresh code from this staff member's authenticator app (for a signature)."""
    wait_for_a_fresh_code()
    return totp_now(_SECRETS[(server.url, username)])
