"""A draft whose email address is not confirmed is nobody's business yet: its association neither
lists nor opens it; once confirmed (or sent), it is seen as before."""

from django.urls import reverse
from django.utils import timezone

from workflow import access

from .factories import ApplicationFactory, StaffMembershipFactory, association_covering, set_state


def test_an_unconfirmed_draft_is_neither_listed_nor_opened(client):
    draft = ApplicationFactory(last_name="Zephyrin", email_confirmed_at=None)
    advisor = StaffMembershipFactory(organisation=association_covering(draft.territory)).user
    client.force_login(advisor)

    listing = client.get(reverse("workflow_application:index")).content.decode()
    page = client.get(reverse("workflow_application:inspect", args=[draft.pk]))

    assert draft not in access.applications_visible_to(advisor)
    assert "Zephyrin" not in listing
    assert page.status_code == 404


def test_a_confirmed_draft_and_a_sent_file_are_seen():
    confirmed = ApplicationFactory(email_confirmed_at=timezone.now())
    sent = set_state(ApplicationFactory(territory=confirmed.territory, email_confirmed_at=None), "submitted")
    advisor = StaffMembershipFactory(organisation=association_covering(confirmed.territory)).user

    assert set(access.applications_visible_to(advisor)) == {confirmed, sent}


def test_administrators_still_see_every_file():
    draft = ApplicationFactory(email_confirmed_at=None)
    admin = StaffMembershipFactory(user__is_superuser=True).user

    assert draft in access.applications_visible_to(admin)
