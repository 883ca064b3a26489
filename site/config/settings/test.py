"""Tests: immediate tasks, memory cache and email, a fast password hasher.

The database is SQLite unless DATABASE_URL names another (CI uses PostgreSQL).
"""

import os

os.environ.setdefault("SECRET_KEY", "test-only-not-secret-8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a")

from .base import *  # noqa: E402,F403

DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Browser tests run a server process and read its emails from files (TEST_EMAIL_DIR).
from .env import env_str  # noqa: E402

if env_str("TEST_EMAIL_DIR"):
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = env_str("TEST_EMAIL_DIR")
else:
    EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# ... and its text messages from files too (TEST_SMS_DIR).
if env_str("TEST_SMS_DIR"):
    SMS_BACKEND = "workflow.sms.FileBackend"
    SMS_FILE_PATH = env_str("TEST_SMS_DIR")
else:
    SMS_BACKEND = "workflow.sms.LocmemBackend"
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tests"},
    "renditions": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tests-renditions"},
}
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
Q_CLUSTER = {**Q_CLUSTER, "sync": True, "orm": "default"}  # noqa: F405
Q_CLUSTER.pop("redis", None)
MEDIA_ROOT = VAR_DIR / "test-media"  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
# Static files straight from the source folders, no collectstatic needed.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
LOGGING = {**LOGGING, "root": {"handlers": ["console"], "level": "WARNING"}}  # noqa: F405

# Media files served by Django itself (never in production, where S3 serves them).
SERVE_MEDIA = True

# A fixed, public key for test only; production lists its own in DOCUMENTS_ENCRYPTION_KEYS.
DOCUMENTS_ENCRYPTION_KEYS = DOCUMENTS_ENCRYPTION_KEYS or ["dGVzdC1vbmx5LWRvY3VtZW50LWtleS1ub3Qtc2VjcmU="]  # noqa: F405
# A fixed, public passphrase for test only; production sets PKI_KEY_PASSPHRASE.
PKI_KEY_PASSPHRASE = PKI_KEY_PASSPHRASE or "test-only-pki-passphrase-not-secret-000"  # noqa: F405
# A fixed, public audit key for test only; production sets AUDIT_HMAC_KEY.
AUDIT_HMAC_KEY = AUDIT_HMAC_KEY or "test-only-audit-key-not-secret-0000000000"  # noqa: F405
PUBLIC_BASE_URL = "http://testserver"
# Many tests post from one address within a minute; the rate-limit tests switch this back on.
RATELIMIT_ENABLE = False
# The figures' milestones are brought up to date on every read: a test counts what it just wrote.
OVERSIGHT_FIGURES_MAX_AGE_SECONDS = 0
