"""Who is signed in to the applicant's space: the only way any view learns it.

The session holds the ids of the files the person proved to hold by using a one-time link
sent to their address; never an address, which a draft could change. Views of every app call
:func:`current_applicant` and scope what they show with :meth:`SignedInApplicant.owns` or
:meth:`SignedInApplicant.applications`; none reads the session key itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from .models import Application

SESSION_KEY = "weshare-applicant"


@dataclass(frozen=True)
class SignedInApplicant:
    """The files a signed-in applicant may see and act on, by id."""

    application_ids: frozenset[int]

    def owns(self, application_id: int | None) -> bool:
        return application_id is not None and application_id in self.application_ids

    def applications(self):
        """Their files, newest first."""
        return (
            Application.objects.filter(pk__in=self.application_ids)
            .select_related("territory", "country")
            .order_by("-created_at")
        )


def current_applicant(request) -> SignedInApplicant | None:
    """The signed-in applicant, or None."""
    stored = request.session.get(SESSION_KEY)
    if not isinstance(stored, dict):
        return None
    ids = stored.get("application_ids")
    if not isinstance(ids, list) or not ids or not all(isinstance(pk, int) for pk in ids):
        return None
    return SignedInApplicant(application_ids=frozenset(ids))


def applicant_session_start(request, *, application_ids: list[int]) -> None:
    """After a sign-in link was used: a new session key (no fixation), then the files it covers."""
    request.session.cycle_key()
    request.session[SESSION_KEY] = {"application_ids": sorted(set(application_ids))}


def applicant_session_end(request) -> None:
    request.session.pop(SESSION_KEY, None)
