"""Each integration is switched on by its environment variable, in one settings module."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = (
    "import json, django; from django.conf import settings as s; "
    "print(json.dumps({'db': s.DATABASES['default']['ENGINE'], 'cache': s.CACHES['default']['BACKEND'], "
    "'broker': 'redis' if 'redis' in s.Q_CLUSTER else 'orm', 'media': s.STORAGES['default']['BACKEND'], "
    "'hosts': s.ALLOWED_HOSTS, 'debug': s.DEBUG, 'email': s.EMAIL_BACKEND}))"
)


def read_settings(module: str, **env) -> dict:
    clean = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL", "AWS_STORAGE_BUCKET_NAME"}}
    clean.update(env, DJANGO_SETTINGS_MODULE=module, PYTHONPATH=f"{ROOT / 'site'}:{ROOT}")
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, env=clean, cwd=ROOT, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_without_variables_the_embedded_defaults_are_used():
    found = read_settings("config.settings.dev")

    assert found["db"] == "django.db.backends.sqlite3"
    assert found["cache"].endswith("LocMemCache")
    assert found["broker"] == "orm"
    assert found["media"].endswith("FileSystemStorage")


def test_production_takes_postgresql_redis_and_s3_from_the_environment():
    found = read_settings(
        "config.settings.production",
        SECRET_KEY="x" * 60,
        AUDIT_HMAC_KEY="a" * 48,
        DATABASE_URL="postgres://weshare:secret@db.internal:5432/weshare",
        REDIS_URL="redis://cache.internal:6379/0",
        AWS_STORAGE_BUCKET_NAME="weshare-media",
        ALLOWED_HOSTS="weshare.example,www.weshare.example",
    )

    assert found["db"] == "django.db.backends.postgresql"
    assert found["cache"] == "config.cache.FailSafeRedisCache"
    assert found["broker"] == "redis"
    assert found["media"] == "storages.backends.s3.S3Storage"
    assert found["hosts"] == ["weshare.example", "www.weshare.example"]
    assert found["debug"] is False
    assert found["email"].endswith("smtp.EmailBackend")


def test_production_refuses_to_start_without_a_secret_key():
    env = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    env.update(DJANGO_SETTINGS_MODULE="config.settings.production", PYTHONPATH=f"{ROOT / 'site'}:{ROOT}")
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, cwd=ROOT, timeout=60
    )

    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_a_long_audit_key():
    for key, message in (("", "AUDIT_HMAC_KEY must be set"), ("short", "AUDIT_HMAC_KEY must be a random secret")):
        env = {k: v for k, v in os.environ.items() if k != "AUDIT_HMAC_KEY"}
        env.update(
            DJANGO_SETTINGS_MODULE="config.settings.production",
            PYTHONPATH=f"{ROOT / 'site'}:{ROOT}",
            SECRET_KEY="x" * 60,
            AUDIT_HMAC_KEY=key,
        )
        result = subprocess.run(
            [sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, cwd=ROOT, timeout=60
        )

        assert result.returncode != 0
        assert message in result.stderr


def test_check_deploy_on_production_settings_reports_nothing():
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "k" * 20 + "-deploy-check-0123456789abcdefghijklmnop",
        "DOCUMENTS_ENCRYPTION_KEYS": "ZGVwbG95LWNoZWNrLWtleS1ub3Qtc2VjcmV0LTAxMjM=",
        "PKI_KEY_PASSPHRASE": "p" * 40,
        "AUDIT_HMAC_KEY": "a" * 48,
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
