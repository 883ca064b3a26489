"""An advisor's home page counts the files waiting for their association by state and by age
(more than a week, two weeks, a month), each count a link to the files list filtered the same way."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode

from tests.workflow.factories import ApplicationFactory, StaffMembershipFactory, association_covering, set_state
from workflow.models import Application
from workflow.tasklist import waiting_files_by_state_and_age


def waiting(territory, state, days):
    application = set_state(ApplicationFactory(territory=territory, country=territory.country), state)
    Application.objects.filter(pk=application.pk).update(state_changed_at=timezone.now() - timedelta(days=days))
    return application


def test_counts_by_state_and_age_link_to_the_filtered_list(client):
    first = waiting(ApplicationFactory().territory, "submitted", 2)
    territory = first.territory
    for state, days in (("submitted", 9), ("submitted", 40), ("in_review", 16), ("in_review", 1)):
        waiting(territory, state, days)
    waiting(ApplicationFactory().territory, "submitted", 50)  # another association's
    advisor = StaffMembershipFactory(organisation=association_covering(territory)).user

    counts = waiting_files_by_state_and_age(advisor)

    assert counts["submitted"] == {0: 3, 7: 2, 14: 1, 30: 1}
    assert counts["in_review"] == {0: 2, 7: 1, 14: 1, 30: 0}
    client.force_login(advisor)
    page = client.get(reverse("wagtailadmin_home")).content.decode()
    panel = page[page.index('id="files-by-state-and-age') :]
    index = reverse("workflow_application:index")
    link = f"{index}?{urlencode({'state': 'submitted', 'waiting': 7})}".replace("&", "&amp;")
    assert f'<a href="{link}">2</a>' in panel
    listed = client.get(index, {"state": "submitted", "waiting": 7}, follow=True)
    assert listed.status_code == 200
