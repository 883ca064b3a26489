"""Public pages carry a strict Content-Security-Policy and the usual protections."""

import pytest


@pytest.mark.parametrize("path", ["/fr/", "/en/", "/fr/conventions/verify/"])
def test_public_pages_forbid_inline_code_and_framing(client, demo, path):
    response = client.get(path, follow=True)
    policy = response.headers["Content-Security-Policy"]

    assert response.status_code == 200
    assert "script-src 'self'" in policy and "style-src 'self'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "frame-ancestors 'none'" in policy
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_public_pages_contain_no_inline_script_or_style(client, demo):
    html = client.get("/fr/", follow=True).content.decode()

    for tag in html.split("<script")[1:]:
        assert "src=" in tag.split(">")[0], "inline <script> on a public page"
    assert "<style" not in html and ' style="' not in html


def test_production_sessions_and_cookies_are_locked_down():
    import subprocess
    import sys

    code = (
        "from django.conf import settings as s; "
        "print(s.SESSION_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, s.CSRF_COOKIE_SECURE, "
        "s.SECURE_HSTS_SECONDS >= 31536000, s.SESSION_IDLE_SECONDS <= 3600, s.SESSION_ABSOLUTE_SECONDS <= 12 * 3600)"
    )
    env = {
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "x" * 60,
        "DOCUMENTS_ENCRYPTION_KEYS": "ZGVwbG95LWNoZWNrLWtleS1ub3Qtc2VjcmV0LTAxMjM=",
        "PKI_KEY_PASSPHRASE": "p" * 40,
        "AUDIT_HMAC_KEY": "a" * 48,
        "PATH": "/usr/bin:/bin",
    }
    out = subprocess.run(
        [sys.executable, "-c", f"import django, sys; sys.path.insert(0, 'site'); django.setup(); {code}"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    ).stdout

    assert out.split() == ["True"] * 6
