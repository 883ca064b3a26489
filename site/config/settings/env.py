"""The one place that reads the environment.

Every integration is switched on by its variable: ``DATABASE_URL`` (SQLite when unset), ``REDIS_URL``
(cache and task broker), ``AWS_STORAGE_BUCKET_NAME`` (S3-compatible media), ``EMAIL_URL``-like
``EMAIL_HOST``… Nothing else in the project calls ``os.environ``.
"""

import os
import sys

from django.core.exceptions import ImproperlyConfigured


def env_str(name: str, default: str | None = None, *, required: bool = False) -> str | None:
    value = os.environ.get(name)
    if value is None or value == "":
        if required:
            raise ImproperlyConfigured(f"The environment variable {name} must be set.")
        return default
    return value


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"The environment variable {name} must be a whole number.") from exc


def env_list(name: str, default: list[str] | None = None) -> list[str]:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return list(default or [])
    return [item.strip() for item in value.split(",") if item.strip()]


def settings_or_exit(*, status: int = 1) -> None:
    """Load the settings now; when a variable is missing or wrong, end the process with one line
    naming it (``Configuration error: …`` on stderr), not a traceback.

    manage.py, wsgi.py and asgi.py call it before Django starts. The entry points pass ``status=3``,
    which gunicorn reads as "worker failed to boot": it stops instead of starting workers forever.
    """
    from django.conf import settings

    try:
        settings.INSTALLED_APPS  # noqa: B018 - reading one setting imports the settings module.
    except ImproperlyConfigured as exc:
        sys.stderr.write(f"Configuration error: {exc}\n")
        raise SystemExit(status) from None
