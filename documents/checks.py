"""Deployment checks of the documents app."""

from django.conf import settings
from django.core.checks import Error, Tags, register


@register(Tags.security, deploy=True)
def documents_are_encrypted(app_configs, **kwargs):
    if not getattr(settings, "DOCUMENTS_ENCRYPTION_KEYS", None):
        return [
            Error(
                "DOCUMENTS_ENCRYPTION_KEYS is empty: private documents cannot be stored.",
                hint="Set DOCUMENTS_ENCRYPTION_KEYS to one or more Fernet keys, newest first "
                "(python -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())').",
                id="documents.E001",
            )
        ]
    return []


@register(Tags.security, deploy=True)
def pki_keys_are_protected(app_configs, **kwargs):
    if len(getattr(settings, "PKI_KEY_PASSPHRASE", "") or "") < 32:
        return [
            Error(
                "PKI_KEY_PASSPHRASE is missing or shorter than 32 characters: signing keys would be poorly protected.",
                hint="Set PKI_KEY_PASSPHRASE to a long random secret (python -c 'import secrets; "
                "print(secrets.token_urlsafe(48))').",
                id="documents.E002",
            )
        ]
    return []
