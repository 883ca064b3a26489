"""Who reads a conversation over a websocket, decided from the session as the pages decide it:
the same session limits (idle and absolute), a staff member's verified second factor and their
rights (:mod:`workflow.access`), or the signed-in applicant's files. The socket asks again every
``CONVERSATION_RECHECK_SECONDS`` and at every message it receives, so a session that ends or a
right withdrawn closes it."""

from __future__ import annotations

import time
from dataclasses import dataclass
from importlib import import_module

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.utils.crypto import constant_time_compare

from workflow.applicant_session import SignedInApplicant, current_applicant

from .exceptions import ConversationNotFound
from .services import conversation_for_applicant, conversation_for_staff, person_reader, staff_reader


@dataclass(frozen=True)
class Reader:
    key: str
    user: object | None = None
    applicant: SignedInApplicant | None = None

    @property
    def is_staff(self) -> bool:
        return self.user is not None


class _SessionOnly:
    """What :func:`current_applicant` reads of a request: its session."""

    def __init__(self, session):
        self.session = session


def _fresh_session(session_key: str | None):
    if not session_key:
        return None
    engine = import_module(settings.SESSION_ENGINE)
    session = engine.SessionStore(session_key)
    return session if session.exists(session_key) else None


def _within_limits(session) -> bool:
    """The limits :class:`accounts.middleware.SessionTimeoutMiddleware` puts on every page."""
    started = session.get("_started_at")
    if started is None:
        return True
    now = int(time.time())
    last_seen = session.get("_last_seen_at", started)
    return now - last_seen <= settings.SESSION_IDLE_SECONDS and now - started <= settings.SESSION_ABSOLUTE_SECONDS


def _verified_staff(session):
    """The staff member signed in to this session with their second factor, else None."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.models import Device

    user_id = session.get(SESSION_KEY)
    if user_id is None or not session.get(BACKEND_SESSION_KEY):
        return None
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return None
    stored_hash = session.get(HASH_SESSION_KEY, "")
    if not constant_time_compare(stored_hash, user.get_session_auth_hash()):
        return None  # the password changed since: every session of the account ended
    persistent_id = session.get(DEVICE_ID_SESSION_KEY)
    device = Device.from_persistent_id(persistent_id) if persistent_id else None
    if device is None or device.user_id != user.pk or not device.confirmed:
        return None
    return user


def reader_of(session_key: str | None, conversation_id: int):
    """``(Reader, Conversation)`` if this session may read the conversation now, else None: an
    unknown id and a conversation of someone else answer the same."""
    session = _fresh_session(session_key)
    if session is None or not _within_limits(session):
        return None
    user = _verified_staff(session)
    try:
        if user is not None:
            return Reader(key=staff_reader(user), user=user), conversation_for_staff(user, conversation_id)
        applicant = current_applicant(_SessionOnly(session))
        if applicant is not None:
            conversation = conversation_for_applicant(applicant, conversation_id)
            return Reader(key=person_reader(applicant.person_id), applicant=applicant), conversation
    except ConversationNotFound:
        return None
    return None
