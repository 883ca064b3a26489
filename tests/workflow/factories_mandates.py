"""Mandates for the tests: a senior's file, a proxy of their own, a mandate between them."""

from django.utils import timezone

from workflow.applicant_session import SESSION_KEY
from workflow.enums import MandateDuration, MandateRight, ProxyRelation
from workflow.mandates import mandate_create
from workflow.models import Mandate, Person

from .factories import ApplicationFactory, set_state

ALL_RIGHTS = tuple(MandateRight.values)


def senior_file(state="submitted", **kwargs):
    """A host's file (a senior), sent to the association."""
    return set_state(ApplicationFactory(host=True, **kwargs), state)


def proxy_person(email="paul.proxy@example.org") -> Person:
    """A proxy who holds no file, their address confirmed."""
    return Person.objects.create(email=email, email_confirmed_at=timezone.now(), language="fr")


def mandate_between(
    application, proxy=None, *, rights=ALL_RIGHTS, duration=MandateDuration.MONTH, accepted=True, name="Paul Martin"
) -> Mandate:
    """A mandate from the file's person to ``proxy``, accepted in their space unless ``accepted`` is False."""
    proxy = proxy or proxy_person()
    by_user = None
    if not accepted:
        from .factories import UserFactory

        by_user = UserFactory()
    mandate = mandate_create(
        person=application.person,
        proxy_name=name,
        proxy_relation=ProxyRelation.RELATIVE,
        duration=duration,
        rights=rights,
        by_user=by_user,
    )
    mandate.proxy = proxy
    mandate.proxy_joined_at = timezone.now()
    mandate.save(update_fields=["proxy", "proxy_joined_at"])
    return mandate


def signed_in_as(client, person_id: int):
    """``client`` signed in to the space as the person ``person_id`` (as a used link leaves it)."""
    session = client.session
    session[SESSION_KEY] = {"person_id": person_id}
    session.save()
    return client
