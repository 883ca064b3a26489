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
    Task,
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


#: How a country's team, its moderation workflow and the workflow's step are named in the admin,
#: in the country's main language ("{country}" is the country's name).
TEAM_NAMES = {
    "fr": {
        "editors": "Rédaction {country}",
        "moderators": "Modération {country}",
        "workflow": "Relecture de l'équipe {country}",
        "task": "Validation par la modération {country}",
    },
    "en": {
        "editors": "{country} editors",
        "moderators": "{country} moderators",
        "workflow": "{country} team review",
        "task": "Approval by the {country} moderators",
    },
    "es": {
        "editors": "Redacción de {country}",
        "moderators": "Moderación de {country}",
        "workflow": "Revisión del equipo de {country}",
        "task": "Aprobación de la moderación de {country}",
    },
    "it": {
        "editors": "Redazione {country}",
        "moderators": "Moderazione {country}",
        "workflow": "Revisione del team {country}",
        "task": "Approvazione della moderazione {country}",
    },
    "de": {
        "editors": "Redaktion {country}",
        "moderators": "Moderation {country}",
        "workflow": "Prüfung durch das Team {country}",
        "task": "Freigabe durch die Moderation {country}",
    },
    "pt": {
        "editors": "Redação de {country}",
        "moderators": "Moderação de {country}",
        "workflow": "Revisão da equipa de {country}",
        "task": "Aprovação da moderação de {country}",
    },
}


def team_names(country) -> dict[str, str]:
    """The names of the country's groups, workflow and approval step, in the country's main language."""
    names = TEAM_NAMES.get(country.main_language, TEAM_NAMES["en"])
    return {key: name.format(country=country.name) for key, name in names.items()}


def former_team_names(country) -> dict[str, str]:
    """The English names the country's team once had (older databases still hold them)."""
    return {
        "editors": f"{country.name} — editors",
        "moderators": f"{country.name} — moderators",
        "workflow": f"{country.code} — publishing",
        "task": f"{country.code} — moderators' approval",
    }


def _named(model, *, names: dict[str, str], former: dict[str, str], key: str):
    """The row named as it should be or as it once was, renamed to its proper name; None if neither."""
    row = model.objects.filter(name=names[key]).first() or model.objects.filter(name=former[key]).first()
    if row is not None and row.name != names[key]:
        row.name = names[key]
        row.save(update_fields=["name"])
    return row


def country_workflow(country) -> Workflow | None:
    """The moderation workflow of a country: one approval step by its moderators."""
    moderators = country.communications_moderators
    if moderators is None:
        return None
    names, former = team_names(country), former_team_names(country)
    workflow = _named(Workflow, names=names, former=former, key="workflow")
    if workflow is None:
        workflow = Workflow.objects.create(name=names["workflow"], active=True)
    task = _named(Task, names=names, former=former, key="task")
    if not workflow.workflow_tasks.exists():
        if task is None:
            task = GroupApprovalTask.objects.create(name=names["task"])
        task = task.specific
        task.groups.set([moderators])
        WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    return workflow


def name_country_team(country) -> None:
    """Give the country's groups, workflow and approval step their names in the country's language.

    Only rows that still bear a name this module gave them are renamed: a name chosen in the
    admin stays.
    """
    names, former = team_names(country), former_team_names(country)
    for key, group in (("editors", country.communications_editors), ("moderators", country.communications_moderators)):
        if group is not None and group.name == former[key]:
            group.name = names[key]
            group.save(update_fields=["name"])
    _named(Workflow, names=names, former=former, key="workflow")
    _named(Task, names=names, former=former, key="task")


#: Snippets the communications teams keep: the prepared answers advisors insert in conversations.
TEAM_SNIPPET_PERMISSIONS = (
    ("conversations", "add_cannedreply"),
    ("conversations", "change_cannedreply"),
    ("conversations", "delete_cannedreply"),
    ("conversations", "view_cannedreply"),
)


def grant_team_snippets(group: Group) -> None:
    for app_label, codename in TEAM_SNIPPET_PERMISSIONS:
        permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
        if permission is not None:
            group.permissions.add(permission)


@transaction.atomic
def grant_country_team(section) -> None:
    """Give the country's editors and moderators their rights on this section page (one language),
    and on the snippets the team keeps."""
    country = section.country
    for group in (country.communications_editors, country.communications_moderators):
        if group is not None:
            grant_team_snippets(group)
    if country.communications_editors_id:
        grant_page_permissions(group=country.communications_editors, page=section, kinds=EDITOR_PAGE_PERMISSIONS)
    if country.communications_moderators_id:
        grant_page_permissions(group=country.communications_moderators, page=section, kinds=MODERATOR_PAGE_PERMISSIONS)
        workflow = country_workflow(country)
        if workflow is not None:
            WorkflowPage.objects.update_or_create(page=section, defaults={"workflow": workflow})
