"""The pairing's page and the file's page list the coming appointments first, then the past or
cancelled ones; the applicant's space shows the coming ones with a link to add them to a calendar."""

from datetime import timedelta

from django.urls import reverse

from appointments.models import Appointment
from appointments.services import appointment_cancel, appointment_schedule
from workflow.applicant_session import SESSION_KEY


def test_the_pairing_page_shows_the_coming_meeting_before_the_past_ones(
    client, pairing, advisor, tomorrow_afternoon, clock
):
    meeting = appointment_schedule(
        by=advisor, kind="meeting", pairing=pairing, starts_at=tomorrow_afternoon, place="Salle des fêtes"
    )
    trial = appointment_schedule(
        by=advisor,
        kind="trial_start",
        pairing=pairing,
        starts_at=tomorrow_afternoon + timedelta(days=7),
        place="12 rue du Port",
    )
    old = appointment_schedule(
        by=advisor, kind="meeting", pairing=pairing, starts_at=tomorrow_afternoon - timedelta(hours=20), place="Café"
    )
    Appointment.objects.filter(pk=old.pk).update(
        starts_at=tomorrow_afternoon - timedelta(days=3), ends_at=tomorrow_afternoon - timedelta(days=3, hours=-1)
    )
    appointment_cancel(appointment_id=trial.pk, by=advisor)
    client.force_login(advisor)

    page = client.get(reverse("pairings_pairing:inspect", args=[pairing.pk])).content.decode()

    assert 'id="appointments"' in page
    assert page.index("Salle des fêtes") < page.index("Café")
    assert page.index("Salle des fêtes") < page.index("12 rue du Port")
    assert reverse("appointment_ics", args=[meeting.pk]) in page
    assert reverse("appointment_change", args=[meeting.pk]) in page
    assert reverse("appointment_change", args=[trial.pk]) not in page
    assert reverse("appointment_new_pairing", args=[pairing.pk]) in page


def test_the_file_page_offers_a_home_visit_for_a_host_only(client, host_file, guest_file, advisor):
    client.force_login(advisor)

    host_page = client.get(reverse("workflow_application:inspect", args=[host_file.pk])).content.decode()
    guest_page = client.get(reverse("workflow_application:inspect", args=[guest_file.pk])).content.decode()

    assert 'value="home_visit"' in host_page
    assert 'value="interview"' in guest_page
    assert 'value="home_visit"' not in guest_page


def test_the_applicants_space_shows_the_coming_appointment_with_its_calendar_link(
    client, host_file, advisor, tomorrow_afternoon
):
    visit = appointment_schedule(
        by=advisor, kind="home_visit", application=host_file, starts_at=tomorrow_afternoon, place="3 rue des Lilas"
    )
    session = client.session
    session[SESSION_KEY] = {"person_id": host_file.person_id}
    session.save()

    page = client.get(reverse("applicant_space")).content.decode()

    assert "3 rue des Lilas" in page
    assert "vendredi 13 mars 2026" in page
    assert reverse("applicant_appointment_ics", args=[visit.pk]) in page
