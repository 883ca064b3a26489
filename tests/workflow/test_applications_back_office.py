"""Advisors work on their territories' files in the admin; a file elsewhere is not found."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from .factories import ApplicationFactory, StaffMembershipFactory, UserFactory, association_covering, set_state


@pytest.fixture
def file_and_advisor():
    application = set_state(ApplicationFactory(language="es"), "interview_scheduled")
    advisor = StaffMembershipFactory(organisation=association_covering(application.territory), role="advisor").user
    return application, advisor


def messages_of(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_an_advisor_lists_and_opens_the_files_of_their_territory(client, file_and_advisor):
    application, advisor = file_and_advisor
    other = ApplicationFactory(last_name="Ailleurs")
    client.force_login(advisor)

    listing = client.get(reverse("workflow_application:index"))
    page = client.get(reverse("workflow_application:inspect", args=[application.pk]))

    assert listing.status_code == 200
    assert application.last_name in listing.content.decode()
    assert other.last_name not in listing.content.decode()
    assert page.status_code == 200
    assert 'value="approve"' in page.content.decode()


def test_an_advisor_approves_a_file_from_its_page(client, file_and_advisor):
    application, advisor = file_and_advisor
    client.force_login(advisor)

    response = client.post(
        reverse("workflow_application:act", args=[application.pk]),
        {"action": "approve", "expected_state": "interview_scheduled"},
    )

    assert response.status_code == 302
    application.refresh_from_db()
    assert application.state == "approved"
    assert application.transitions.get().user == advisor


def test_a_file_of_another_territory_answers_404(client, file_and_advisor):
    application, _advisor = file_and_advisor
    stranger = StaffMembershipFactory(organisation=association_covering(ApplicationFactory().territory)).user
    client.force_login(stranger)

    assert client.get(reverse("workflow_application:inspect", args=[application.pk])).status_code == 404
    response = client.post(reverse("workflow_application:act", args=[application.pk]), {"action": "approve"})
    assert response.status_code == 404
    application.refresh_from_db()
    assert application.state == "interview_scheduled"


def test_a_refused_action_comes_back_as_a_message_and_changes_nothing(client, file_and_advisor):
    application, advisor = file_and_advisor
    client.force_login(advisor)

    response = client.post(
        reverse("workflow_application:act", args=[application.pk]), {"action": "reject", "comment": "  "}
    )

    assert response.status_code == 400
    # The admin speaks the staff member's language (French by default here).
    assert "Veuillez indiquer un motif" in response.content.decode()
    application.refresh_from_db()
    assert application.state == "interview_scheduled"


def test_an_action_on_a_state_already_changed_by_a_colleague_is_refused_with_a_clear_message(client, file_and_advisor):
    application, advisor = file_and_advisor
    set_state(application, "approved")
    client.force_login(advisor)

    response = client.post(
        reverse("workflow_application:act", args=[application.pk]),
        {"action": "send_back", "comment": "Pièce manquante", "expected_state": "interview_scheduled"},
    )

    assert response.status_code == 409
    body = response.content.decode()
    assert "rien n&#x27;a été perdu" in body or "rien n'a été perdu" in body
    assert "Pièce manquante</textarea>" in body, "what the advisor typed is kept"
    application.refresh_from_db()
    assert application.state == "approved"


def test_people_without_a_staff_role_cannot_open_the_applications(client, file_and_advisor):
    from django.contrib.auth.models import Permission

    editor = UserFactory()
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)

    assert client.get(reverse("workflow_application:index")).status_code in (302, 403)
    assert client.get(reverse("workflow_application:edit", args=[file_and_advisor[0].pk])).status_code in (302, 403)


def test_nobody_edits_a_file_directly_in_the_admin(client, file_and_advisor):
    application, advisor = file_and_advisor
    client.force_login(advisor)

    response = client.post(reverse("workflow_application:edit", args=[application.pk]), {"first_name": "Changé"})

    assert response.status_code in (302, 403)
    application.refresh_from_db()
    assert application.first_name != "Changé"
