"""The files list exports as CSV with one real row per file one sees, states and kinds in words."""

import csv
import io

from django.urls import reverse
from django.utils import translation
from wagtail.users.models import UserProfile

from .factories import ApplicationFactory, StaffMembershipFactory, set_state


def test_a_national_officer_exports_the_files_of_their_country(client):
    application = set_state(ApplicationFactory(first_name="Lucia", last_name="Martin"), "approved")
    ApplicationFactory(last_name="Elsewhere")  # another country
    national = StaffMembershipFactory(
        organisation__kind="national_body", organisation__country=application.country, role="national_officer"
    ).user
    profile = UserProfile.get_for_user(national)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(national)

    response = client.get(reverse("workflow_application:index"), {"export": "csv"})
    with translation.override("en"):  # the rows are written as they stream, after the view
        rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))

    assert response.status_code == 200
    header, *data = rows
    assert header[:6] == ["File number", "First name", "Last name", "Email address", "Kind", "State"]
    assert len(data) == 1
    assert data[0][:6] == [
        str(application.pk),
        "Lucia",
        "Martin",
        application.email,
        "Guest (young person)",
        "Approved",
    ]
    assert data[0][6] == application.country.name and data[0][7] == application.territory.name
