"""The attachments of these tests stored in the test's own folder: a file field resolves its
storage once, when the models load, so changing ``STORAGES`` in a test would not reach it."""

import pytest
from django.core.files.storage import FileSystemStorage

from conversations.models import Attachment


@pytest.fixture(autouse=True)
def attachment_files(tmp_path, monkeypatch) -> FileSystemStorage:
    storage = FileSystemStorage(location=tmp_path / "attachments")
    monkeypatch.setattr(Attachment._meta.get_field("blob"), "storage", storage)
    return storage


def stored(name: str) -> bool:
    """Whether the attachments' storage still holds the file ``name``."""
    return Attachment._meta.get_field("blob").storage.exists(name)


def stored_names() -> list[str]:
    storage = Attachment._meta.get_field("blob").storage
    return storage.listdir("conversations")[1] if storage.exists("conversations") else []
