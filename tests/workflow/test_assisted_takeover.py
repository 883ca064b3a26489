"""The person takes over the file an advisor filled in for them: their first sign-in records it,
once, and their space shows which answers were entered for them, by whom and when."""

from datetime import timedelta

from django.urls import reverse

from audit import chain as audit
from audit.models import AuditEvent
from workflow.applicant_session import SESSION_KEY
from workflow.assisted import assisted_consent_confirm, assisted_consent_request, assisted_taken_over
from workflow.forms import HostHomeForm

from .factories import ApplicationFactory
from .factories_assisted import advisor_of, filled_in, host_identity


def _sent(client, advisor, **identity):
    application = filled_in(client, advisor, identity=host_identity(**identity))
    _consent, code = assisted_consent_request(application_id=application.pk, method="code_read_out", by=advisor)
    assisted_consent_confirm(application_id=application.pk, code=code, by=advisor)
    application.refresh_from_db()
    return application


def test_the_first_sign_in_records_the_take_over_once(client, clock):
    application = _sent(client, advisor_of(), email="jeanne.lacoste@example.org")

    assert assisted_taken_over(person_id=application.person_id) == 1
    application.refresh_from_db()
    first = application.taken_over_at
    assert first is not None
    clock.shift(timedelta(days=3))
    assert assisted_taken_over(person_id=application.person_id) == 0
    application.refresh_from_db()
    assert application.taken_over_at == first
    event = AuditEvent.objects.get(application_id=application.pk, action="application.taken_over")
    assert event.actor == audit.applicant_actor(application.person_id)


def test_a_file_the_person_filled_in_alone_is_not_taken_over():
    application = ApplicationFactory()

    assert assisted_taken_over(person_id=application.person_id) == 0
    application.refresh_from_db()
    assert application.taken_over_at is None


def test_the_space_shows_the_answers_entered_for_the_person_and_how_to_correct_them(client):
    advisor = advisor_of(user__first_name="Claire", user__last_name="Dupin")
    application = _sent(client, advisor, email="jeanne.lacoste@example.org")
    client.logout()
    session = client.session
    session[SESSION_KEY] = {"person_id": application.person_id}
    session.save()

    page = client.get(reverse("applicant_space")).content.decode()

    assert "Réponses saisies pour vous" in page or "Answers entered for you" in page
    assert "Claire Dupin" in page
    assert str(HostHomeForm.base_fields["room_size"].label) in page
    assert "conseill" in page and ("corriger" in page or "correct" in page)


def test_the_files_page_says_how_it_was_filled_in_and_by_whom(client):
    advisor = advisor_of(user__first_name="Claire", user__last_name="Dupin")
    application = _sent(client, advisor)
    client.force_login(advisor)

    page = client.get(reverse("workflow_application:inspect", args=[application.pk])).content.decode()

    assert 'id="assisted"' in page
    assert "Claire Dupin" in page
    assert "assisted-summary" in page
