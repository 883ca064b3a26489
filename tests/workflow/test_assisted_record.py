"""An advisor files a host's application for them, by phone or during a visit: the file records
that it was assisted, by whom, how, and who entered each answer; only advisors of the file's
territory may do it, and every step is in the audit trail."""

from django.urls import reverse

from audit.models import AuditEvent
from workflow.enums import ApplicationState, Channel
from workflow.models import Application

from .factories import ApplicationFactory, TerritoryFactory, set_state
from .factories_assisted import advisor_of, filled_in, gironde, host_home, host_identity


def test_an_advisor_files_a_hosts_application_without_an_email_address(client):
    advisor = advisor_of()

    application = filled_in(client, advisor, via="home_visit")

    assert application.state == ApplicationState.DRAFT
    assert application.assisted_by == advisor
    assert application.assisted_via == "home_visit"
    assert application.email == ""
    assert application.answers["room_size"] == 14
    assert application.answers["contribution"] == "100"
    person = application.person
    assert person.email == ""
    assert person.mobile == "06 12 34 56 78"
    assert person.postal_address == "4 rue Sainte-Catherine" and person.city == "Bordeaux"
    assert person.preferred_channels == [Channel.SMS], "without an address, messages go by text message"


def test_each_answer_records_who_entered_it_and_when(client):
    advisor = advisor_of()

    application = filled_in(client, advisor)

    for name in ("first_name", "birth_date", "territory", "address", "room_size", "contribution", "languages"):
        assert application.answer_authors[name]["by"] == f"user:{advisor.pk}", name
        assert application.answer_authors[name]["at"], name


def test_a_second_advisor_who_corrects_an_answer_is_named_for_that_answer_only(client):
    application = filled_in(client, advisor_of())
    colleague = advisor_of()
    client.force_login(colleague)

    response = client.post(reverse("assisted_step", args=[application.pk, 2]), host_home(room_size="18"))

    assert response.status_code == 302
    application.refresh_from_db()
    assert application.answers["room_size"] == 18
    assert application.answer_authors["room_size"]["by"] == f"user:{colleague.pk}"
    assert application.answer_authors["smoking"]["by"] == f"user:{application.assisted_by_id}"


def test_every_step_is_in_the_audit_trail_with_the_answers_entered(client):
    advisor = advisor_of()

    application = filled_in(client, advisor)

    events = AuditEvent.objects.filter(application_id=application.pk).order_by("pk")
    started = events.get(action="application.assisted_started")
    assert started.user_id == advisor.pk
    assert started.data["via"] == "phone"
    assert "first_name" in started.data["answers"]
    saved = [e.data["answers"] for e in events.filter(action="application.assisted_answers_saved")]
    assert any("room_size" in answers for answers in saved)
    assert any("contribution" in answers for answers in saved)


def test_a_wrong_answer_says_how_to_fix_it_and_opens_no_file(client):
    advisor = advisor_of()
    client.force_login(advisor)

    response = client.post(
        reverse("assisted_new_identity", args=["host", "phone"]), host_identity(birth_date="2001-01-01")
    )

    assert response.status_code == 400
    assert "au moins 60 ans" in response.content.decode()
    assert not Application.objects.filter(assisted_by=advisor).exists()


def test_an_advisor_of_another_territory_cannot_file_or_complete_here(client):
    application = filled_in(client, advisor_of())
    stranger = advisor_of(TerritoryFactory(department=True))
    client.force_login(stranger)

    assert client.get(reverse("assisted_step", args=[application.pk, 1])).status_code == 404
    assert client.post(reverse("assisted_step", args=[application.pk, 2]), host_home()).status_code == 404
    response = client.post(reverse("assisted_new_identity", args=["host", "phone"]), host_identity())
    assert response.status_code == 400, "the Gironde is not among the areas they may choose"
    assert not Application.objects.filter(assisted_by=stranger).exists()


def test_staff_who_vet_nothing_do_not_see_the_screens(client):
    officer = advisor_of(role="pension_officer")
    client.force_login(officer)

    assert client.get(reverse("assisted_new")).status_code == 403


def test_an_advisor_completes_a_draft_the_person_started_online(client):
    draft = ApplicationFactory(host=True, territory=gironde())
    advisor = advisor_of()
    client.force_login(advisor)

    response = client.post(reverse("assisted_step", args=[draft.pk, 2]), host_home())

    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.assisted_by == advisor
    assert draft.answer_authors["room_size"]["by"] == f"user:{advisor.pk}"
    assert "first_name" not in draft.answer_authors, "what the person typed stays theirs"


def test_a_sent_file_can_no_longer_be_completed_here(client):
    application = set_state(ApplicationFactory(host=True, territory=gironde()), "submitted")
    client.force_login(advisor_of())

    response = client.post(reverse("assisted_step", args=[application.pk, 2]), host_home())

    assert response.status_code == 302
    application.refresh_from_db()
    assert application.answer_authors == {}


def test_a_draft_begun_online_whose_address_is_not_confirmed_stays_out_of_sight(client):
    draft = ApplicationFactory(host=True, territory=gironde(), email_confirmed_at=None)
    client.force_login(advisor_of())

    assert client.get(reverse("assisted_step", args=[draft.pk, 1])).status_code == 404
    assert client.post(reverse("assisted_step", args=[draft.pk, 2]), host_home()).status_code == 404
