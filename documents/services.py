"""Uploading, opening and verifying private documents; every opening is checked and recorded."""

import hashlib
import re

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from audit import chain as audit
from workflow import access

from . import content, crypto
from .exceptions import DocumentNotFound
from .models import DocumentAccess, SupportingDocument

READ_CHUNK = content.MAX_BYTES + 1


def safe_name(name: str) -> str:
    """An uploaded file's name without its folders, with only letters, digits, dots, dashes and spaces."""
    name = re.sub(r"[^\w.\- ]", "_", (name or "document").split("/")[-1].split("\\")[-1])[:150].strip()
    return name or "document"


def upload_check(uploaded_file) -> tuple[str, content.CheckedFile]:
    """The cleaned name and the checked content of an upload (see :func:`documents.content.check`),
    read no further than the size limit; raises :class:`DocumentRefused` with a reason to show."""
    name = safe_name(getattr(uploaded_file, "name", "document"))
    return name, content.check(uploaded_file.read(READ_CHUNK), name=name)


def private_file_store(field_file, data: bytes, *, name: str = "document.bin") -> None:
    """Encrypt ``data`` into the private storage through a model's file field (the row is not saved)."""
    field_file.save(name, ContentFile(crypto.encrypt(data)), save=False)


def private_file_read(field_file) -> bytes:
    """The decrypted content of a file stored by :func:`private_file_store`."""
    with field_file.open("rb") as handle:
        return crypto.decrypt(handle.read())


def private_file_delete_on_commit(field_file) -> None:
    """Delete the stored file once the transaction that forgets it commits (kept if it rolls back)."""
    name, storage = field_file.name, field_file.storage
    if name:
        transaction.on_commit(lambda: storage.delete(name))


def _access(document, action: str, *, user=None, system: bool = False) -> None:
    """Every opening of a private document: in its own access log and in the audit trail."""
    DocumentAccess.objects.create(document=document, action=action, user=user, by_applicant=user is None and not system)
    audit.record(
        f"document.{action}",
        user=user,
        actor=""
        if user is not None
        else ("system" if system else audit.applicant_actor(document.application.person_id)),
        obj=document,
        application_id=document.application_id,
        data={"kind": document.kind},
    )


def document_upload(*, application, kind: str, uploaded_file, by=None) -> SupportingDocument:
    """Check, clean, encrypt and store a file for an application; ``by`` is None for the applicant."""
    if by is not None and not access.may_vet(by, application):
        raise DocumentNotFound()
    name, checked = upload_check(uploaded_file)
    with transaction.atomic():
        document = SupportingDocument(
            application=application,
            kind=kind,
            original_name=name,
            content_type=checked.content_type,
            size=len(checked.content),
            sha256=hashlib.sha256(checked.content).hexdigest(),
            uploaded_by=by,
        )
        private_file_store(document.blob, checked.content)
        document.save()
        _access(document, DocumentAccess.Action.UPLOADED, user=by)
    return document


def document_read(*, document: SupportingDocument, user=None, applicant=None) -> bytes:
    """The decrypted content, for a staff member who may see the file or for its applicant.

    ``applicant`` is the signed-in applicant (:class:`workflow.applicant_session.SignedInApplicant`):
    they read the documents of the files they hold, by id.
    """
    if user is not None and user.is_authenticated:
        allowed = access.may_view(user, document.application)
    else:
        allowed = applicant is not None and applicant.owns(document.application_id)
    if not allowed:
        raise DocumentNotFound()
    data = private_file_read(document.blob)
    _access(
        document,
        DocumentAccess.Action.DOWNLOADED,
        user=user if user is not None and user.is_authenticated else None,
    )
    return data


def document_verify(*, document: SupportingDocument, by) -> SupportingDocument:
    """An advisor who may vet the file marks the document as checked."""
    if not access.may_vet(by, document.application):
        raise DocumentNotFound()
    with transaction.atomic():
        document = SupportingDocument.objects.select_for_update().get(pk=document.pk)
        if document.verified_at is None:
            document.verified_at = timezone.now()
            document.verified_by = by
            document.save(update_fields=["verified_at", "verified_by"])
            _access(document, DocumentAccess.Action.VERIFIED, user=by)
    return document


def documents_reencrypt() -> int:
    """Re-encrypt every document and letter with the newest key; returns how many were rewritten."""
    count = 0
    for document in SupportingDocument.objects.iterator():
        with transaction.atomic():
            locked = SupportingDocument.objects.select_for_update().get(pk=document.pk)
            with locked.blob.open("rb") as handle:
                token = handle.read()
            fresh = crypto.reencrypt(token)
            if crypto.decrypt(fresh) != crypto.decrypt(token):
                raise RuntimeError(f"Re-encryption changed document {locked.pk}; nothing was replaced.")
            old_name = locked.blob.name
            locked.blob.save("document.bin", ContentFile(fresh), save=False)
            locked.save(update_fields=["blob"])
            _access(locked, DocumentAccess.Action.REENCRYPTED, system=True)
            transaction.on_commit(lambda name=old_name, storage=locked.blob.storage: storage.delete(name))
        count += 1
    from .models import Letter

    for letter in Letter.objects.iterator():
        with transaction.atomic():
            locked = Letter.objects.select_for_update().get(pk=letter.pk)
            with locked.blob.open("rb") as handle:
                token = handle.read()
            fresh = crypto.reencrypt(token)
            old_name = locked.blob.name
            locked.blob.save("letter.bin", ContentFile(fresh), save=False)
            locked.save(update_fields=["blob"])
            transaction.on_commit(lambda name=old_name, storage=locked.blob.storage: storage.delete(name))
        count += 1
    return count
