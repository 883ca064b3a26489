"""Background tasks of oversight (django-q2). Each is idempotent: run twice, it acts once."""

from django.db import transaction
from django.utils import timezone

from documents.services import private_file_delete_on_commit
from workflow.notifications import admin_url, notify

from .exports import export_build_now
from .models import Export, ExportState

#: The notification telling a requester that their export is ready (declared in ``apps.py``).
READY_KIND = "staff.export_ready"


def export_build(export_id: int) -> str:
    """Build an export asked for in the back office, then tell its requester it is ready.

    Under the export's row lock: a second run finds it ready and does nothing; a failed one is
    built again (django-q2 retries a task that raised). An expired or deleted one is left alone.
    """
    try:
        with transaction.atomic():
            export = Export.objects.select_for_update().select_related("requester").filter(pk=export_id).first()
            if export is None:
                return "gone"
            if export.state == ExportState.READY:
                return "already ready"
            if export.expired:
                return "expired"
            export_build_now(export)
            export_notify_ready(export)
            return "ready"
    except Exception as error:
        Export.objects.filter(pk=export_id).exclude(state=ExportState.READY).update(
            state=ExportState.FAILED, error=(str(error) or error.__class__.__name__)[:1000], finished_at=timezone.now()
        )
        raise


def export_notify_ready(export: Export) -> None:
    """One email to the requester, with the link to the page where they download it."""
    notify(
        export.requester,
        READY_KIND,
        {"export_id": export.pk, "url": admin_url("oversight_exports")},
        about=export,
        occasion="ready",
        language=(export.parameters or {}).get("language", ""),
    )


def exports_purge() -> int:
    """Hourly: exports past their time are deleted, their files with them. Returns how many."""
    purged = 0
    for export in Export.objects.filter(expires_at__lte=timezone.now()).order_by("pk").iterator():
        with transaction.atomic():
            private_file_delete_on_commit(export.file)
            export.delete()
        purged += 1
    return purged


def figures_refresh() -> str:
    """Bring the figures' milestones up to date with what changed since the last time."""
    from .milestones import milestones_refresh

    milestones_refresh()
    return "refreshed"


def figures_rebuild() -> str:
    """Rewrite every milestone of the figures (nightly): what a bulk change left behind is caught."""
    from .milestones import milestones_rebuild

    milestones_rebuild()
    return "rebuilt"
