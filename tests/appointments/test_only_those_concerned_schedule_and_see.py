"""Only the advisors who vet a file (or lead a pairing) schedule its appointments; another
territory's advisor does not even find them; an applicant fetches only their own .ics."""

import pytest
from django.urls import reverse

from appointments.exceptions import AppointmentNotFound
from appointments.services import appointment_cancel, appointment_change, appointment_schedule
from tests.workflow.factories import ApplicationFactory, StaffMembershipFactory
from workflow.applicant_session import SESSION_KEY
from workflow.exceptions import ActionNotPermitted


@pytest.fixture
def interview(host_file, advisor, tomorrow_afternoon):
    return appointment_schedule(
        by=advisor, kind="interview", application=host_file, starts_at=tomorrow_afternoon, place="Au bureau"
    )


def test_an_advisor_of_another_territory_cannot_schedule_change_or_cancel(
    host_file, pairing, interview, other_advisor, tomorrow_afternoon
):
    with pytest.raises(AppointmentNotFound):
        appointment_schedule(
            by=other_advisor, kind="interview", application=host_file, starts_at=tomorrow_afternoon, place="X"
        )
    with pytest.raises(AppointmentNotFound):
        appointment_schedule(by=other_advisor, kind="meeting", pairing=pairing, starts_at=tomorrow_afternoon, place="X")
    with pytest.raises(AppointmentNotFound):
        appointment_change(appointment_id=interview.pk, by=other_advisor, starts_at=tomorrow_afternoon, place="X")
    with pytest.raises(AppointmentNotFound):
        appointment_cancel(appointment_id=interview.pk, by=other_advisor)


def test_a_pension_officer_sees_the_file_but_schedules_nothing(host_file, territory, tomorrow_afternoon):
    from tests.workflow.factories import OrganisationFactory

    office = OrganisationFactory(pension_office=True, country=territory.country)
    territory.parent.pension_office = office
    territory.parent.save()
    officer = StaffMembershipFactory(organisation=office, role="pension_officer").user

    with pytest.raises(ActionNotPermitted):
        appointment_schedule(
            by=officer, kind="interview", application=host_file, starts_at=tomorrow_afternoon, place="X"
        )


def test_another_territorys_advisor_is_not_told_the_appointment_exists(client, interview, other_advisor):
    client.force_login(other_advisor)

    for name in ("appointment_ics", "appointment_change", "appointment_cancel"):
        assert client.get(reverse(name, args=[interview.pk])).status_code == 404
    assert client.get(reverse("appointment_new_file", args=[interview.application_id])).status_code == 404


def sign_in_as(client, application):
    session = client.session
    session[SESSION_KEY] = {"person_id": application.person_id}
    session.save()


def test_an_applicant_downloads_their_own_appointment(client, host_file, interview):
    from icalendar import Calendar

    sign_in_as(client, host_file)

    response = client.get(reverse("applicant_appointment_ics", args=[interview.pk]))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    event = next(iter(Calendar.from_ical(response.content).walk("VEVENT")))
    assert str(event["UID"]) == f"{interview.uid}@weshare"


def test_an_applicant_cannot_fetch_another_persons_appointment(client, interview):
    someone_else = ApplicationFactory()
    sign_in_as(client, someone_else)

    assert client.get(reverse("applicant_appointment_ics", args=[interview.pk])).status_code == 404


def test_a_visitor_who_is_not_signed_in_finds_nothing(client, interview):
    assert client.get(reverse("applicant_appointment_ics", args=[interview.pk])).status_code == 404


def test_each_person_of_a_pair_downloads_their_meeting(client, pairing, advisor, tomorrow_afternoon):
    meeting = appointment_schedule(
        by=advisor, kind="meeting", pairing=pairing, starts_at=tomorrow_afternoon, place="Ici"
    )

    for application in (pairing.host, pairing.guest):
        client.cookies.clear()
        sign_in_as(client, application)
        assert client.get(reverse("applicant_appointment_ics", args=[meeting.pk])).status_code == 200
