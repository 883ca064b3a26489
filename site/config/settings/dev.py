"""Development: ``make run``. SQLite, console email, debug pages."""

import os

os.environ.setdefault("SECRET_KEY", "dev-only-not-secret-3b4f0a0c9d8e7f6a5b4c3d2e1f0a9b8c")

from .base import *  # noqa: E402,F403

DEBUG = True
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "[::1]"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
PAGE_CACHE_SECONDS = 0
# Static files straight from the source folders, no collectstatic needed.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True

# Media files served by Django itself (never in production, where S3 serves them).
SERVE_MEDIA = True

# A fixed, public key for dev only; production lists its own in DOCUMENTS_ENCRYPTION_KEYS.
DOCUMENTS_ENCRYPTION_KEYS = DOCUMENTS_ENCRYPTION_KEYS or ["ZGV2LW9ubHktZG9jdW1lbnQta2V5LW5vdC1zZWNyZXQ="]  # noqa: F405
# A fixed, public passphrase for dev only; production sets PKI_KEY_PASSPHRASE.
PKI_KEY_PASSPHRASE = PKI_KEY_PASSPHRASE or "dev-only-pki-passphrase-not-secret-0000"  # noqa: F405
# A fixed, public audit key for dev only; production sets AUDIT_HMAC_KEY.
AUDIT_HMAC_KEY = AUDIT_HMAC_KEY or "dev-only-audit-key-not-secret-0000000000"  # noqa: F405
