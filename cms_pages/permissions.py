"""Per-country editing: each country's communications team edits only its own section.

Editors write and submit pages for moderation; moderators review and publish. Both get their
permissions on the country's section page in every language it exists in, and every section
page goes through the country's moderation workflow before publishing.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
    get_default_page_content_type,
)

EDITOR_PAGE_PERMISSIONS = ("add", "change")
MODERATOR_PAGE_PERMISSIONS = ("add", "change", "publish", "lock", "unlock")


def _page_permission(kind: str) -> Permission:
    return Permission.objects.get(content_type=get_default_page_content_type(), codename=f"{kind}_page")


def grant_page_permissions(*, group: Group, page: Page, kinds: tuple[str, ...]) -> None:
    for kind in kinds:
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=_page_permission(kind))


def country_workflow(country) -> Workflow | None:
    """The moderation workflow of a country: one approval step by its moderators."""
    moderators = country.communications_moderators
    if moderators is None:
        return None
    name = f"{country.code} — publishing"
    workflow, created = Workflow.objects.get_or_create(name=name, defaults={"active": True})
    if created or not workflow.workflow_tasks.exists():
        task, _ = GroupApprovalTask.objects.get_or_create(name=f"{country.code} — moderators' approval")
        task.groups.set([moderators])
        WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    return workflow


@transaction.atomic
def grant_country_team(section) -> None:
    """Give the country's editors and moderators their rights on this section page (one language)."""
    country = section.country
    if country.communications_editors_id:
        grant_page_permissions(group=country.communications_editors, page=section, kinds=EDITOR_PAGE_PERMISSIONS)
    if country.communications_moderators_id:
        grant_page_permissions(group=country.communications_moderators, page=section, kinds=MODERATOR_PAGE_PERMISSIONS)
        workflow = country_workflow(country)
        if workflow is not None:
            WorkflowPage.objects.update_or_create(page=section, defaults={"workflow": workflow})
