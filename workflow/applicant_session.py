"""Who is signed in to the applicant's space: the only way any view learns it.

The session holds the id of the :class:`~workflow.models.Person` who proved, with a one-time
link sent to their address, that they are who they say; never an address, which a draft could
change. Views of every app call :func:`current_applicant` and scope what they show with
:meth:`SignedInApplicant.owns` or :meth:`SignedInApplicant.applications`; none reads the
session key itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from .models import Application

SESSION_KEY = "weshare-applicant"


@dataclass(frozen=True)
class SignedInApplicant:
    """A signed-in person and the files they may see and act on, by id."""

    person_id: int
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
    """The signed-in applicant, or None (also once all their files are erased)."""
    stored = request.session.get(SESSION_KEY)
    if not isinstance(stored, dict) or not isinstance(stored.get("person_id"), int):
        return None
    person_id = stored["person_id"]
    ids = frozenset(
        Application.objects.filter(person_id=person_id, anonymised_at__isnull=True).values_list("pk", flat=True)
    )
    if not ids:
        return None
    return SignedInApplicant(person_id=person_id, application_ids=ids)


def applicant_session_start(request, *, person_id: int) -> None:
    """After a sign-in link was used: a new session key (no fixation), then the person's id."""
    request.session.cycle_key()
    request.session[SESSION_KEY] = {"person_id": person_id}


def applicant_session_end(request) -> None:
    request.session.pop(SESSION_KEY, None)
