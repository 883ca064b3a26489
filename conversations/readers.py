"""Who reads a conversation over a websocket, decided from the session as the pages decide it:
the same session limits (idle and absolute), a staff member's verified second factor and their
rights (:mod:`workflow.access`), or the signed-in applicant's files. The socket asks again every
``CONVERSATION_RECHECK_SECONDS``, at once when its session ends (signed out, or replaced at the
next sign-in) or when a staff member's account or memberships change, and it closes itself at
the session's idle or absolute limit: a session that ends or a right withdrawn closes it."""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass
from importlib import import_module

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.utils.crypto import constant_time_compare

from workflow.applicant_session import SignedInApplicant, current_applicant

from .exceptions import ConversationNotFound
from .services import conversation_for_applicant, conversation_for_staff, person_reader, staff_reader


def session_group(session_key: str) -> str:
    """The channel-layer group of the sockets opened with one session (named by a digest: the
    key itself never leaves the database)."""
    return "conversations-session-" + hashlib.sha256(session_key.encode()).hexdigest()


def staff_group(user_id: int) -> str:
    """The channel-layer group of a staff member's sockets, told when their rights may change."""
    return f"conversations-staff-{user_id}"


@dataclass(frozen=True)
class Reader:
    key: str
    user: object | None = None
    applicant: SignedInApplicant | None = None
    #: When the session ends at the latest (its idle or absolute limit, as a Unix time), if known.
    ends_at: float | None = None

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


def _ends_at(session) -> float | None:
    """When the limits :class:`accounts.middleware.SessionTimeoutMiddleware` puts on every page
    end this session: idle since its last page, or open too long."""
    started = session.get("_started_at")
    if started is None:
        return None
    last_seen = session.get("_last_seen_at", started)
    return min(last_seen + settings.SESSION_IDLE_SECONDS, started + settings.SESSION_ABSOLUTE_SECONDS)


def _within_limits(session) -> bool:
    ends_at = _ends_at(session)
    return ends_at is None or time.time() <= ends_at


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
            reader = Reader(key=staff_reader(user), user=user, ends_at=_ends_at(session))
            return reader, conversation_for_staff(user, conversation_id)
        applicant = current_applicant(_SessionOnly(session))
        if applicant is not None:
            conversation = conversation_for_applicant(applicant, conversation_id)
            reader = Reader(key=person_reader(applicant.person_id), applicant=applicant, ends_at=_ends_at(session))
            return reader, conversation
    except ConversationNotFound:
        return None
    return None
