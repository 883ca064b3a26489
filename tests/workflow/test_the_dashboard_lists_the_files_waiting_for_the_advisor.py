"""An advisor's dashboard lists the files waiting for their association, the longest waiting first,
with their age in days and a link to each file's page; other staff get no such list."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from wagtail.users.models import UserProfile

from workflow.models import Application
from workflow.tasklist import waiting_files

from .factories import ApplicationFactory, StaffMembershipFactory, association_covering, set_state


def waiting_since(application, days):
    Application.objects.filter(pk=application.pk).update(state_changed_at=timezone.now() - timedelta(days=days))
    return application


def in_english(user):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


def test_the_oldest_waiting_file_comes_first_with_its_age_and_its_link(client):
    recent = waiting_since(set_state(ApplicationFactory(last_name="Recent"), "in_review"), 3)
    territory = recent.territory
    oldest = waiting_since(
        set_state(ApplicationFactory(last_name="Ancien", territory=territory, host=True), "submitted"), 12
    )
    set_state(ApplicationFactory(last_name="Approuve", territory=territory), "approved")
    set_state(ApplicationFactory(last_name="Ailleurs"), "submitted")
    advisor = in_english(StaffMembershipFactory(organisation=association_covering(territory)).user)
    client.force_login(advisor)

    page = client.get(reverse("wagtailadmin_home")).content.decode()

    assert [(item.application, item.days) for item in waiting_files(advisor)] == [(oldest, 12), (recent, 3)]
    panel = page[page.index('id="files-to-vet-heading"') :]
    assert panel.index("Ancien") < panel.index("Recent")
    assert "waiting for 12 days" in panel
    assert reverse("workflow_application:inspect", args=[oldest.pk]) in panel
    assert "Approuve" not in panel and "Ailleurs" not in panel


def test_a_national_officer_sees_the_counts_but_no_files_to_vet(client):
    application = set_state(ApplicationFactory(), "submitted")
    national = StaffMembershipFactory(
        organisation__kind="national_body", organisation__country=application.country, role="national_officer"
    ).user
    client.force_login(national)

    page = client.get(reverse("wagtailadmin_home")).content.decode()

    assert 'id="applications-panel-heading"' in page
    assert 'id="files-to-vet-heading"' not in page
    assert waiting_files(national) == []


def test_nothing_waiting_says_so(client):
    application = set_state(ApplicationFactory(), "approved")
    advisor = in_english(StaffMembershipFactory(organisation=association_covering(application.territory)).user)
    client.force_login(advisor)

    page = client.get(reverse("wagtailadmin_home")).content.decode()

    assert "No file is waiting for you." in page
