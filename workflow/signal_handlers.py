"""Staff roles open the back office: a membership puts its holder in the group of that role."""

from django.contrib.auth.models import Group, Permission
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from audit import chain as audit

from .models import StaffMembership


def role_group(role: str) -> Group:
    """The group of a staff role, with access to the Wagtail admin."""
    label = StaffMembership._meta.get_field("role").choices
    name = str(dict(label).get(role, role))
    group, created = Group.objects.get_or_create(name=f"Staff — {name}")
    if created or not group.permissions.filter(codename="access_admin").exists():
        group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    return group


@receiver(post_save, sender=StaffMembership)
def join_role_group(sender, instance, raw=False, created=False, **kwargs):
    if not raw:
        audit.record(
            "permissions.role_granted" if created else "permissions.role_changed",
            obj=instance.user,
            data={"role": instance.role, "organisation": instance.organisation_id},
        )
        instance.user.groups.add(role_group(instance.role))


@receiver(post_delete, sender=StaffMembership)
def leave_role_group(sender, instance, **kwargs):
    audit.record(
        "permissions.role_removed",
        obj=instance.user,
        data={"role": instance.role, "organisation": instance.organisation_id},
    )
    if not StaffMembership.objects.filter(user_id=instance.user_id, role=instance.role).exists():
        instance.user.groups.remove(role_group(instance.role))
