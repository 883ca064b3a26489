"""Data protection: closed files past their country's retention are anonymised and their documents
destroyed; an applicant's erasure request is carried out the same way. Signed conventions are kept,
as the law requires."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import timedelta

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from audit import chain as audit
from pairings.enums import LIVE_STATES
from workflow import access
from workflow.applicants import application_anonymise
from workflow.enums import ApplicationState
from workflow.exceptions import ActionNotPermitted, TransitionRefused
from workflow.models import Application, Country

from .enums import ConventionState

CLOSED_STATES = [ApplicationState.REJECTED, ApplicationState.WITHDRAWN, ApplicationState.ARCHIVED]


@dataclass
class PurgeLine:
    application_id: int
    country: str
    state: str
    closed_on: str
    documents: int
    conventions_kept: int


def expired_files(*, now=None) -> list[Application]:
    """Closed files whose last change is older than their country's retention period."""
    now = now or timezone.now()
    found = []
    for country in Country.objects.all():
        limit = now - timedelta(days=country.retention_days)
        found += list(
            Application.objects.filter(country=country, state__in=CLOSED_STATES, anonymised_at__isnull=True)
            .annotate(last_change=Max("transitions__created_at"))
            .filter(last_change__lt=limit)
            .select_related("country")
        )
    return found


def _conventions_kept(application) -> int:
    from .models import Convention

    return (
        Convention.objects.filter(state=ConventionState.SEALED).filter(pairing__host=application).count()
        + Convention.objects.filter(state=ConventionState.SEALED, pairing__guest=application).count()
    )


def _destroy_documents(application) -> int:
    count = 0
    for document in application.supporting_documents.all():
        name, storage = document.blob.name, document.blob.storage
        document.delete()
        transaction.on_commit(lambda name=name, storage=storage: storage.delete(name))
        count += 1
    return count


def purge_expired_files(*, dry_run: bool = False, now=None) -> list[dict]:
    """Anonymise the expired files and destroy their documents; with ``dry_run``, only say which."""
    report = []
    for application in expired_files(now=now):
        line = PurgeLine(
            application_id=application.pk,
            country=application.country.code,
            state=application.state,
            closed_on=application.last_change.date().isoformat(),
            documents=application.supporting_documents.count(),
            conventions_kept=_conventions_kept(application),
        )
        if not dry_run:
            with transaction.atomic():
                _destroy_documents(application)
                application_anonymise(application_id=application.pk, reason="retention period over")
        report.append(asdict(line))
    return report


def application_erase(*, application_id: int, by) -> Application:
    """An applicant asked for erasure: staff who vet the file carry it out (not while living in a pairing)."""
    with transaction.atomic():
        application = Application.objects.select_for_update().filter(pk=application_id).first()
        if application is None or not access.may_vet(by, application):
            raise ActionNotPermitted()
        live = (
            application.pairings_as_host.filter(state__in=LIVE_STATES).exists()
            or application.pairings_as_guest.filter(state__in=LIVE_STATES).exists()
        )
        if live:
            raise TransitionRefused()
        destroyed = _destroy_documents(application)
        audit.record(
            "application.erased", user=by, obj=application, application_id=application.pk, data={"documents": destroyed}
        )
        return application_anonymise(application_id=application.pk, reason="erasure requested")


def identity_checks_forget(application) -> None:
    """An anonymised file keeps no trace of who was present at its signatures or of its identity
    document's digits: the checks and the signature steps keep their dates and document types only."""
    from .models import ConventionStep, IdentityCheck

    checks = IdentityCheck.objects.filter(application=application)
    ConventionStep.objects.filter(identity_check__in=checks).update(present="")
    checks.update(present="", document_number_end="")
