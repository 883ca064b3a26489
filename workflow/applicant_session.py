"""Who is signed in to the applicant's space: the only way any view learns it.

The session holds the id of the :class:`~workflow.models.Person` who proved, with a one-time
link sent to their address, that they are who they say; never an address, which a draft could
change. Views of every app call :func:`current_applicant` and scope what they show with
:meth:`SignedInApplicant.owns` or :meth:`SignedInApplicant.applications`; none reads the
session key itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from .access import proxied_files
from .enums import MandateRight
from .models import Application, Mandate

SESSION_KEY = "weshare-applicant"


@dataclass(frozen=True)
class SignedInApplicant:
    """A signed-in person, the files they hold, and the files they act on as a proxy, by id.

    ``represented`` pairs each file acted on for someone else with the rights held on it when
    the request began (:func:`workflow.access.proxied_files`). :meth:`owns` still means one's own
    files only; :meth:`may` answers for both.
    """

    person_id: int
    application_ids: frozenset[int]
    represented: tuple[tuple[int, frozenset[str]], ...] = ()

    def owns(self, application_id: int | None) -> bool:
        return application_id is not None and application_id in self.application_ids

    def rights_on(self, application_id: int | None) -> frozenset[str]:
        """The rights held as a proxy on ``application_id`` (empty for one's own files)."""
        return next((rights for pk, rights in self.represented if pk == application_id), frozenset())

    def may(self, application_id: int | None, right: str) -> bool:
        """Whether the person may do ``right`` (a :class:`~workflow.enums.MandateRight`) on the
        file: always on their own, on another's with that right of a standing mandate."""
        return self.owns(application_id) or right in self.rights_on(application_id)

    def represented_ids(self, *rights: str) -> frozenset[int]:
        """The files acted on as a proxy, with any of ``rights`` (with any right if none is named)."""
        return frozenset(pk for pk, held in self.represented if not rights or held & set(rights))

    @property
    def conversation_ids(self) -> frozenset[int]:
        """The files whose conversations the person reads: their own, and those they follow or
        write in as a proxy."""
        return self.application_ids | self.represented_ids(MandateRight.FOLLOW, MandateRight.WRITE)

    def applications(self):
        """Their files, newest first."""
        return (
            Application.objects.filter(pk__in=self.application_ids)
            .select_related("territory", "country")
            .order_by("-created_at")
        )


def current_applicant(request) -> SignedInApplicant | None:
    """The signed-in person, or None (also once all their files are erased, unless they act as
    someone's proxy)."""
    stored = request.session.get(SESSION_KEY)
    if not isinstance(stored, dict) or not isinstance(stored.get("person_id"), int):
        return None
    person_id = stored["person_id"]
    ids = frozenset(
        Application.objects.filter(person_id=person_id, anonymised_at__isnull=True).values_list("pk", flat=True)
    )
    represented = tuple(sorted(proxied_files(person_id).items()))
    if not ids and not represented:
        # A proxy whose mandate is not accepted yet (or has ended) still has a space of their own.
        if not Mandate.objects.filter(proxy_id=person_id, proxy__anonymised_at__isnull=True).exists():
            return None
    return SignedInApplicant(person_id=person_id, application_ids=ids, represented=represented)


def applicant_session_start(request, *, person_id: int) -> None:
    """After a sign-in link was used: a new session key (no fixation), then the person's id."""
    request.session.cycle_key()
    request.session[SESSION_KEY] = {"person_id": person_id}


def applicant_session_end(request) -> None:
    request.session.pop(SESSION_KEY, None)
