"""A date in the past, an end before the start, no place, a home visit at a guest's or nonsense
posted by hand: refused with a clear message, never a server error, and nobody is invited."""

from datetime import timedelta

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.urls import reverse

from appointments.exceptions import AppointmentRefused
from appointments.models import Appointment
from appointments.services import appointment_schedule


def test_the_services_refuse_the_past_a_backward_end_no_place_and_a_guests_home_visit(
    host_file, guest_file, advisor, tomorrow_afternoon
):
    cases = [
        {"application": host_file, "kind": "interview", "starts_at": tomorrow_afternoon - timedelta(days=2)},
        {
            "application": host_file,
            "kind": "interview",
            "starts_at": tomorrow_afternoon,
            "ends_at": tomorrow_afternoon - timedelta(minutes=30),
        },
        {"application": host_file, "kind": "interview", "starts_at": tomorrow_afternoon, "place": "   "},
        {"application": guest_file, "kind": "home_visit", "starts_at": tomorrow_afternoon},
        {"application": host_file, "kind": "meeting", "starts_at": tomorrow_afternoon},
        {"application": host_file, "kind": "party", "starts_at": tomorrow_afternoon},
    ]
    for case in cases:
        with pytest.raises(AppointmentRefused):
            appointment_schedule(by=advisor, **{"place": "Au bureau", **case})
    assert not Appointment.objects.exists()


def test_the_database_refuses_an_appointment_about_both_a_file_and_a_pairing(
    host_file, pairing, advisor, tomorrow_afternoon
):
    with pytest.raises(IntegrityError), transaction.atomic():
        Appointment.objects.create(
            kind="meeting",
            application=host_file,
            pairing=pairing,
            starts_at=tomorrow_afternoon,
            ends_at=tomorrow_afternoon + timedelta(hours=1),
            place="Ici",
            created_by=advisor,
        )


@pytest.mark.parametrize(
    "posted",
    [
        {"kind": "interview", "date": "2020-01-01", "start": "10:00", "place": "Au bureau"},
        {"kind": "interview", "date": "2026-03-20", "start": "10:00", "end": "09:00", "place": "Au bureau"},
        {"kind": "interview", "date": "2026-03-20", "start": "10:00", "place": ""},
        {"kind": "interview", "date": "pas une date", "start": "25:99", "place": "Au bureau"},
        {"kind": "home_visit", "date": "2026-03-20", "start": "10:00", "place": "Chez vous"},
        {"kind": "<script>", "date": "9999-12-31", "start": "23:59", "place": "x" * 600},
        {},
    ],
)
def test_the_form_shows_what_is_wrong_without_a_server_error(client, guest_file, advisor, posted):
    client.force_login(advisor)

    response = client.post(reverse("appointment_new_file", args=[guest_file.pk]), posted)

    assert response.status_code == 400
    page = response.content.decode()
    assert "error-message" in page or "help-critical" in page
    assert not Appointment.objects.exists()
    assert mail.outbox == []


def test_a_good_form_schedules_and_returns_to_the_file(client, host_file, advisor):
    client.force_login(advisor)

    response = client.post(
        reverse("appointment_new_file", args=[host_file.pk]),
        {"kind": "home_visit", "date": "2026-03-20", "start": "10:00", "end": "11:30", "place": "Chez vous"},
    )

    assert response.status_code == 302
    visit = Appointment.objects.get()
    assert (visit.kind, visit.place) == ("home_visit", "Chez vous")
    assert visit.ends_at - visit.starts_at == timedelta(hours=1, minutes=30)


def test_changing_with_a_wrong_date_shows_the_form_again(client, host_file, advisor, tomorrow_afternoon):
    interview = appointment_schedule(
        by=advisor, kind="interview", application=host_file, starts_at=tomorrow_afternoon, place="Au bureau"
    )
    client.force_login(advisor)

    response = client.post(
        reverse("appointment_change", args=[interview.pk]), {"date": "2001-02-03", "start": "10:00", "place": "Ici"}
    )

    assert response.status_code == 400
    interview.refresh_from_db()
    assert (interview.place, interview.sequence) == ("Au bureau", 0)


def test_an_appointment_without_an_end_lasts_an_hour(host_file, advisor, tomorrow_afternoon):
    visit = Appointment.objects.create(
        kind="home_visit", application=host_file, starts_at=tomorrow_afternoon, place="Chez vous", created_by=advisor
    )

    assert visit.ends_at == tomorrow_afternoon + timedelta(hours=1)
