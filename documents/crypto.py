"""Encryption at rest of private documents: Fernet (AES-128-CBC + HMAC-SHA256) with rotatable keys.

``DOCUMENTS_ENCRYPTION_KEYS`` lists keys, newest first: new files are encrypted with the first,
any listed key decrypts, and ``manage.py rotate_document_keys`` re-encrypts every file with
the first key so that older keys can then be removed.
"""

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def _keys() -> list[str]:
    keys = list(getattr(settings, "DOCUMENTS_ENCRYPTION_KEYS", []) or [])
    if not keys:
        raise ImproperlyConfigured("DOCUMENTS_ENCRYPTION_KEYS must list at least one Fernet key.")
    return keys


def _cipher() -> MultiFernet:
    return MultiFernet([Fernet(key) for key in _keys()])


def encrypt(data: bytes) -> bytes:
    return _cipher().encrypt(data)


def decrypt(token: bytes) -> bytes:
    try:
        return _cipher().decrypt(token)
    except InvalidToken as error:
        raise ValueError("The document cannot be decrypted with the configured keys.") from error


def reencrypt(token: bytes) -> bytes:
    """The same content encrypted with the newest key."""
    return _cipher().rotate(token)
