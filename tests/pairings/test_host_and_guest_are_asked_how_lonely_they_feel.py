"""Host and guest are asked the three-item UCLA Loneliness Scale at moving in, after 3 and after
6 months: each questionnaire is created on its day, each person told once, and answered from
their space, all three questions or nothing."""

import re
from datetime import datetime, time

import pytest
import time_machine
from dateutil.relativedelta import relativedelta
from django.core import mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation

from audit.models import AuditEvent
from pairings.models import WellbeingCheck
from pairings.tasks import ask_how_lonely_host_and_guest_feel
from pairings.wellbeing import wellbeing_answer
from workflow.exceptions import StaleState, WorkflowError
from workflow.models import Notification

from .conftest import approved
from .test_applicants_answer_proposals import sign_in

ANSWERS = {"lack_companionship": "2", "left_out": "1", "isolated": "3"}


@pytest.fixture
def client(committing_client):
    return committing_client


def asked(pairing):
    return sorted(pairing.wellbeing_checks.values_list("moment", "party", "due_on"))


def at(day, task, as_the_worker):
    """Run ``task`` as the worker does, at ten in the morning of ``day``."""
    with time_machine.travel(timezone.make_aware(datetime.combine(day, time(10))), tick=False):
        return as_the_worker(task)


def test_the_questionnaires_fall_due_at_moving_in_then_three_and_six_months_on(signing, today, as_the_worker):
    three, six = today + relativedelta(months=3), today + relativedelta(months=6)

    at(today, ask_how_lonely_host_and_guest_feel, as_the_worker)
    first = asked(signing)
    at(three - relativedelta(days=1), ask_how_lonely_host_and_guest_feel, as_the_worker)
    before_three = asked(signing)
    at(three, ask_how_lonely_host_and_guest_feel, as_the_worker)
    at(six, ask_how_lonely_host_and_guest_feel, as_the_worker)

    assert signing.moved_in_on == today
    assert first == [("moving_in", "guest", today), ("moving_in", "host", today)]
    assert before_three == first
    assert asked(signing) == sorted(
        [
            *first,
            ("three_months", "guest", three),
            ("three_months", "host", three),
            ("six_months", "guest", six),
            ("six_months", "host", six),
        ]
    )


def test_each_person_is_told_once_with_a_link_to_where_they_answer(signing, today, as_the_worker):
    first = at(today, ask_how_lonely_host_and_guest_feel, as_the_worker)
    second = at(today, ask_how_lonely_host_and_guest_feel, as_the_worker)
    next_day = at(today + relativedelta(days=1), ask_how_lonely_host_and_guest_feel, as_the_worker)

    assert (first, second, next_day) == (2, 0, 0)
    assert WellbeingCheck.objects.filter(pairing=signing).count() == 2
    assert sorted(m.to[0] for m in mail.outbox) == sorted([signing.host.email, signing.guest.email])
    host_check = signing.wellbeing_checks.get(party="host")
    with translation.override(signing.host.person.language):
        link = reverse("applicant_wellbeing", args=[host_check.pk])
    host_mail = next(m for m in mail.outbox if m.to == [signing.host.email])
    assert link in host_mail.body
    assert Notification.objects.filter(kind="pairing.wellbeing_due", channel="space").count() == 2


def test_pairs_not_yet_living_together_are_not_asked(territory, advisor, as_the_worker):
    from pairings.services import pairing_propose

    pairing_propose(host=approved("host", territory), guest=approved("guest", territory), by=advisor)

    assert as_the_worker(ask_how_lonely_host_and_guest_feel) == 0
    assert not WellbeingCheck.objects.exists()


def test_a_questionnaire_whose_time_has_passed_is_not_asked_late(signing, today, as_the_worker):
    """The task did not run for a long time: the moving-in questionnaire is not asked 2 months late."""
    assert at(today + relativedelta(months=2, days=15), ask_how_lonely_host_and_guest_feel, as_the_worker) == 0
    assert not WellbeingCheck.objects.exists()


def test_the_space_shows_the_questionnaire_and_the_person_answers_it(client, signing, today, as_the_worker):
    at(today, ask_how_lonely_host_and_guest_feel, as_the_worker)
    check = signing.wellbeing_checks.get(party="host")
    url = reverse("applicant_wellbeing", args=[check.pk])
    sign_in(client, signing.host)

    space = client.get(reverse("applicant_space")).content.decode()
    form = client.get(url)
    sent = client.post(url, ANSWERS)
    again = client.post(url, {"lack_companionship": "3", "left_out": "3", "isolated": "3"})
    space_after = client.get(reverse("applicant_space")).content.decode()

    assert url in space
    assert form.status_code == 200
    for item in ANSWERS:
        assert all(f'name="{item}" value="{value}"' in form.content.decode() for value in (1, 2, 3))
    assert (sent.status_code, again.status_code) == (302, 409)
    check.refresh_from_db()
    assert (check.lack_companionship, check.left_out, check.isolated, check.total) == (2, 1, 3, 6)
    assert check.answered_at is not None and check.entered_by is None
    assert url not in space_after
    event = AuditEvent.objects.get(action="pairing.wellbeing_answered")
    assert event.data == {"moment": "moving_in", "party": "host"}  # never the answers


@pytest.mark.parametrize(
    "answers",
    [
        {"lack_companionship": "2", "isolated": "3"},
        {"lack_companionship": "2", "left_out": "", "isolated": "3"},
        {"lack_companionship": "2", "left_out": "4", "isolated": "3"},
        {"lack_companionship": "2", "left_out": "often", "isolated": "3"},
    ],
)
def test_a_question_left_blank_or_a_strange_answer_records_nothing(client, signing, today, as_the_worker, answers):
    at(today, ask_how_lonely_host_and_guest_feel, as_the_worker)
    check = signing.wellbeing_checks.get(party="guest")
    sign_in(client, signing.guest)

    response = client.post(reverse("applicant_wellbeing", args=[check.pk]), answers)

    assert response.status_code == 400
    assert set(response.context["form"].errors) == {"left_out"}
    assert 'class="error-summary"' in response.content.decode()
    check.refresh_from_db()
    assert (check.answered_at, check.lack_companionship, check.left_out, check.isolated) == (None, None, None, None)


def test_nobody_answers_another_persons_questionnaire(client, signing, today, as_the_worker):
    at(today, ask_how_lonely_host_and_guest_feel, as_the_worker)
    host_check = signing.wellbeing_checks.get(party="host")
    sign_in(client, signing.guest)

    assert client.get(reverse("applicant_wellbeing", args=[host_check.pk])).status_code == 404
    assert client.post(reverse("applicant_wellbeing", args=[host_check.pk]), ANSWERS).status_code == 404
    host_check.refresh_from_db()
    assert host_check.answered_at is None


def test_the_advisor_writes_the_answers_down_for_the_person_and_is_recorded(signing, advisor, today, as_the_worker):
    at(today, ask_how_lonely_host_and_guest_feel, as_the_worker)
    check = signing.wellbeing_checks.get(party="guest")

    wellbeing_answer(check_id=check.pk, answers={"lack_companionship": 1, "left_out": 1, "isolated": 2}, by=advisor)

    check.refresh_from_db()
    assert (check.total, check.entered_by) == (4, advisor)
    with pytest.raises(StaleState):
        wellbeing_answer(check_id=check.pk, answers=ANSWERS, by=advisor)


def test_a_questionnaire_is_answered_only_while_it_is_open(signing, today, as_the_worker):
    at(today, ask_how_lonely_host_and_guest_feel, as_the_worker)
    check = signing.wellbeing_checks.get(party="host")

    with time_machine.travel(timezone.now() + relativedelta(days=61)), pytest.raises(WorkflowError):
        wellbeing_answer(check_id=check.pk, answers=ANSWERS, application_ids={signing.host_id})


def test_the_database_refuses_a_half_written_questionnaire(signing, today, as_the_worker):
    at(today, ask_how_lonely_host_and_guest_feel, as_the_worker)
    check = signing.wellbeing_checks.get(party="host")
    check.lack_companionship, check.left_out, check.answered_at = 2, 2, timezone.now()

    with pytest.raises(IntegrityError), transaction.atomic():
        check.save()


def test_the_answer_link_in_the_message_opens_the_questionnaire(client, signing, today, as_the_worker):
    at(today, ask_how_lonely_host_and_guest_feel, as_the_worker)
    sign_in(client, signing.guest)
    body = next(m.body for m in mail.outbox if m.to == [signing.guest.email] and "wellbeing" in m.body)

    link = re.search(r"https?://\S+/wellbeing/\d+/", body).group(0)

    assert client.get(link).status_code == 200


def test_the_advisor_records_the_answers_from_the_pairing_page_which_never_shows_them(
    client, signing, advisor, today, as_the_worker
):
    at(today, ask_how_lonely_host_and_guest_feel, as_the_worker)
    host_check, guest_check = (signing.wellbeing_checks.get(party=party) for party in ("host", "guest"))
    wellbeing_answer(check_id=host_check.pk, answers=ANSWERS, application_ids={signing.host_id})
    client.force_login(advisor)
    url = reverse("pairings_pairing:inspect", args=[signing.pk])

    page = client.get(url).content.decode()
    blank = client.post(url, {"form": "wellbeing", "check": guest_check.pk, "lack_companionship": "1"})
    done = client.post(
        url, {"form": "wellbeing", "check": guest_check.pk, "lack_companionship": "1", "left_out": "2", "isolated": "1"}
    )

    assert 'id="wellbeing"' in page
    assert f'name="check" value="{guest_check.pk}"' in page
    assert f'name="check" value="{host_check.pk}"' not in page  # answered: nothing to write down
    panel = page.split('id="wellbeing"')[1].split("</section>")[0]
    assert "checked" not in panel  # the host's answers are not shown, not even as ticked boxes
    assert (blank.status_code, done.status_code) == (400, 302)
    guest_check.refresh_from_db()
    assert (guest_check.total, guest_check.entered_by) == (4, advisor)


def test_an_advisor_of_another_area_cannot_record_answers(client, signing, today, as_the_worker):
    from tests.workflow.factories import StaffMembershipFactory, TerritoryFactory, association_covering

    at(today, ask_how_lonely_host_and_guest_feel, as_the_worker)
    check = signing.wellbeing_checks.get(party="guest")
    stranger = StaffMembershipFactory(organisation=association_covering(TerritoryFactory(department=True))).user
    client.force_login(stranger)

    response = client.post(
        reverse("pairings_pairing:inspect", args=[signing.pk]), {"form": "wellbeing", "check": check.pk, **ANSWERS}
    )

    assert response.status_code == 404
    check.refresh_from_db()
    assert check.answered_at is None
