"""Text messages: one small interface, a backend per place.

``SMS_BACKEND`` names the class. :class:`ConsoleBackend` prints (``make run``), :class:`FileBackend`
writes one file per message under ``SMS_FILE_PATH``, :class:`LocmemBackend` keeps them in
:data:`outbox` (tests), and :class:`HttpBackend` posts JSON to a provider's gateway. A backend
raises on failure; the notification records it and is tried again.
"""

from __future__ import annotations

import json
import sys
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils import timezone

#: Messages sent by :class:`LocmemBackend`, oldest first.
outbox: list[SentSms] = []


@dataclass(frozen=True)
class SentSms:
    to: str
    body: str


class BaseBackend:
    def send(self, to: str, body: str) -> None:
        raise NotImplementedError


class ConsoleBackend(BaseBackend):
    def send(self, to: str, body: str) -> None:
        sys.stdout.write(f"SMS to {to}:\n{body}\n{'-' * 40}\n")
        sys.stdout.flush()


class FileBackend(BaseBackend):
    def send(self, to: str, body: str) -> None:
        folder = Path(settings.SMS_FILE_PATH)
        folder.mkdir(parents=True, exist_ok=True)
        name = f"{timezone.now():%Y%m%d-%H%M%S-%f}-{to.replace('+', '').replace(' ', '')}.txt"
        (folder / name).write_text(f"To: {to}\n\n{body}\n", encoding="utf-8")


class LocmemBackend(BaseBackend):
    def send(self, to: str, body: str) -> None:
        outbox.append(SentSms(to=to, body=body))


class HttpBackend(BaseBackend):
    """A provider's HTTP gateway: ``POST SMS_HTTP_URL`` with a bearer token and the JSON
    ``{"from": SMS_SENDER, "to": "+33…", "text": "…"}``; any 2xx answer means accepted.

    Most providers (OVHcloud, Brevo, Twilio through a small relay…) take this shape or need a
    subclass that changes :meth:`payload` and :meth:`headers`.
    """

    timeout = 10

    def payload(self, to: str, body: str) -> dict:
        return {"from": settings.SMS_SENDER, "to": to, "text": body}

    def headers(self) -> dict:
        return {"Authorization": f"Bearer {settings.SMS_HTTP_TOKEN}", "Content-Type": "application/json"}

    def send(self, to: str, body: str) -> None:
        if not settings.SMS_HTTP_URL.startswith("https://"):
            raise RuntimeError("SMS_HTTP_URL must be an https:// address.")
        request = urllib.request.Request(  # noqa: S310 - https only, checked above
            settings.SMS_HTTP_URL,
            data=json.dumps(self.payload(to, body)).encode(),
            headers=self.headers(),
            method="POST",
        )
        with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
            if not 200 <= response.status < 300:
                raise RuntimeError(f"The SMS gateway answered {response.status}.")
