"""Sign-ins, sign-outs, failures and changes of rights go to the audit trail."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import m2m_changed, pre_save
from django.dispatch import receiver

from audit import chain as audit

from .client_ip import client_ip

User = get_user_model()
WATCHED_FLAGS = ("is_superuser", "is_staff", "is_active")


def _address(request) -> str:
    """The client's own address behind our proxies, as the rate limits and lockouts count it."""
    return (client_ip(request) if request is not None else "")[:45]


@receiver(user_logged_in)
def signed_in(sender, request, user, **kwargs):
    audit.record("auth.login", user=user, obj=user, data={"address": _address(request)})


@receiver(user_logged_out)
def signed_out(sender, request, user, **kwargs):
    if user is not None:
        audit.record("auth.logout", user=user, obj=user)


@receiver(user_login_failed)
def sign_in_failed(sender, credentials, request=None, **kwargs):
    # The account is named by id; a name that matches no account is not kept (it may be anything).
    account = User.objects.filter(username=str(credentials.get("username", ""))[:150]).first()
    audit.record(
        "auth.login_failed",
        actor=audit.staff_actor(account) if account is not None else "",
        data={"address": _address(request), "known_account": account is not None},
    )


@receiver(pre_save, sender=User)
def flags_changed(sender, instance, raw=False, **kwargs):
    if raw or instance.pk is None:
        return
    before = sender.objects.filter(pk=instance.pk).values(*WATCHED_FLAGS).first()
    changed = {
        flag: getattr(instance, flag) for flag in WATCHED_FLAGS if before and before[flag] != getattr(instance, flag)
    }
    if changed:
        audit.record("permissions.user_flags", obj=instance, data=changed)


@receiver(m2m_changed, sender=User.groups.through)
def groups_changed(sender, instance, action, pk_set, reverse, **kwargs):
    if action in ("post_add", "post_remove", "post_clear"):
        audit.record(
            f"permissions.groups_{action.removeprefix('post_')}",
            obj=instance,
            data={"reverse": reverse, "ids": sorted(pk_set or [])},
        )


@receiver(m2m_changed, sender=User.user_permissions.through)
@receiver(m2m_changed, sender=Group.permissions.through)
def permissions_changed(sender, instance, action, pk_set, reverse, **kwargs):
    if action in ("post_add", "post_remove", "post_clear"):
        audit.record(
            f"permissions.permissions_{action.removeprefix('post_')}",
            obj=instance,
            data={"reverse": reverse, "ids": sorted(pk_set or [])},
        )
