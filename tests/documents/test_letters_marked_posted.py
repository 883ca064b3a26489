"""The association's staff mark the letters they posted: the ticked ones, or a day's printed
letters at once. Each is recorded in the audit trail, once; a posted letter leaves the queue."""

from datetime import timedelta

from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone, translation

from audit.models import AuditEvent
from documents.letters import letter_batch, letters_mark_posted
from documents.models import Letter

from .factories_letters import advisor_of, by_post, letter_for


def said(response) -> list[tuple[str, str]]:
    """The messages a request added (then shown, so that the next request starts with none)."""
    return [(message.level_tag, str(message)) for message in get_messages(response.wsgi_request)]


def post(client, data):
    response = client.post(reverse("letters_posted"), data)
    client.get(reverse("print_queue"))
    return response


def in_their_language(response, text: str) -> str:
    with translation.override(response.wsgi_request.LANGUAGE_CODE):
        return translation.gettext(text)


def _two_letters():
    first = by_post(last_name="Durand")
    second = by_post(territory=first.territory, last_name="Martin")
    return letter_for(first), letter_for(second)


def test_the_ticked_letters_are_marked_posted_and_leave_the_queue(client, private_storage):
    posted, waiting = _two_letters()
    advisor = advisor_of(posted.notification.application)
    client.force_login(advisor)

    response = client.post(reverse("letters_posted"), {"scope": "selected", "letter": [posted.pk]})

    queue = client.get(reverse("print_queue")).content.decode()
    assert response.status_code == 302 and response["Location"] == reverse("print_queue")
    with translation.override(response.wsgi_request.LANGUAGE_CODE):
        done = translation.ngettext("%(count)d letter marked as posted.", "%(count)d letters marked as posted.", 1)
    assert said(response) == [("success", done % {"count": 1})]
    assert Letter.objects.get(pk=posted.pk).posted_at == timezone.now()
    assert Letter.objects.get(pk=waiting.pk).posted_at is None
    assert f'id="letter-{posted.pk}"' not in queue and "Durand" not in queue
    assert f'id="letter-{waiting.pk}"' in queue


def test_marking_posted_is_recorded_in_the_audit_trail_with_who_did_it(private_storage):
    letter, _other = _two_letters()
    advisor = advisor_of(letter.notification.application)

    letters_mark_posted(user=advisor, letter_ids=[letter.pk])

    event = AuditEvent.objects.get(action="letter.posted")
    assert (event.object_type, event.object_id, event.user_id) == ("documents.letter", str(letter.pk), advisor.pk)
    assert event.application_id == letter.notification.application_id


def test_marking_the_same_letter_posted_twice_changes_nothing(clock, client, private_storage):
    letter, _other = _two_letters()
    advisor = advisor_of(letter.notification.application)
    client.force_login(advisor)
    post(client, {"scope": "selected", "letter": [letter.pk]})
    first = Letter.objects.get(pk=letter.pk).posted_at
    clock.shift(timedelta(minutes=5))

    again = post(client, {"scope": "selected", "letter": [letter.pk]})

    assert again["Location"] == reverse("print_queue")
    assert said(again) == [("info", in_their_language(again, "These letters were already marked as posted."))]
    assert Letter.objects.get(pk=letter.pk).posted_at == first
    assert AuditEvent.objects.filter(action="letter.posted").count() == 1
    assert letters_mark_posted(user=advisor, letter_ids=[letter.pk]) == 0


def test_the_days_printed_letters_are_marked_posted_at_once_but_not_a_letter_come_since(clock, client, private_storage):
    first, second = _two_letters()
    advisor = advisor_of(first.notification.application)
    day = timezone.localdate(first.created_at)
    letter_batch(user=advisor, organisation_id=first.organisation_id, day=day)
    clock.shift(timedelta(minutes=30))
    later = letter_for(by_post(territory=first.notification.application.territory, last_name="Arrive"))
    client.force_login(advisor)

    client.post(
        reverse("letters_posted"), {"scope": "day", "organisation": first.organisation_id, "day": day.isoformat()}
    )

    posted = dict(Letter.objects.values_list("pk", "posted_at"))
    assert posted[first.pk] == posted[second.pk] == timezone.now()
    assert posted[later.pk] is None
    assert AuditEvent.objects.filter(action="letter.posted").count() == 2


def test_nothing_is_marked_when_no_letter_is_ticked_and_the_message_says_what_to_do(client, private_storage):
    letter, _other = _two_letters()
    client.force_login(advisor_of(letter.notification.application))

    response = post(client, {"scope": "selected"})
    unprinted_day = post(
        client, {"scope": "day", "organisation": letter.organisation_id, "day": timezone.localdate().isoformat()}
    )

    assert said(response) == [
        ("error", in_their_language(response, "Tick the letters you have posted, then press the button again."))
    ]
    assert said(unprinted_day) == [
        (
            "error",
            in_their_language(
                response,
                "None of this day's letters has been printed yet: print them first, or tick the letters you posted.",
            ),
        )
    ]
    assert not Letter.objects.filter(posted_at__isnull=False).exists()
    assert not AuditEvent.objects.filter(action="letter.posted").exists()


def test_marking_posted_asks_for_a_post_request(client, private_storage):
    letter, _other = _two_letters()
    client.force_login(advisor_of(letter.notification.application))

    response = client.get(reverse("letters_posted"), {"letter": [letter.pk]})

    assert response.status_code == 405
    assert Letter.objects.get(pk=letter.pk).posted_at is None
