"""Production: PostgreSQL, Redis and S3-compatible storage, all named by environment variables.

``manage.py check --deploy --settings=config.settings.production`` reports nothing.
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .env import env_bool, env_int, env_list, env_str

DEBUG = False

# TLS is terminated by the load balancer, which sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# The load balancer probes the health check over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 63072000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
CSRF_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SECURE = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# Private documents cannot be stored without their encryption key.
DOCUMENTS_ENCRYPTION_KEYS = env_list("DOCUMENTS_ENCRYPTION_KEYS")

# The audit chain cannot be kept without its key, and a short one could be guessed.
AUDIT_HMAC_KEY = env_str("AUDIT_HMAC_KEY", required=True)
if len(AUDIT_HMAC_KEY) < 32:
    raise ImproperlyConfigured(
        "The environment variable AUDIT_HMAC_KEY must be a random secret of at least 32 characters "
        "(python -c 'import secrets; print(secrets.token_urlsafe(48))'); it must never change afterwards."
    )

# SQLite (no DATABASE_URL): each worker keeps its connection instead of opening the file and
# setting its pragmas on every request. PostgreSQL connections are kept already (base).
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["CONN_MAX_AGE"] = None  # noqa: F405
