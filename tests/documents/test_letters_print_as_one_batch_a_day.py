"""An association prints a day's letters as one PDF: a cover page, then its letters of that day in
order, each from a new page, each address where the window of a right-window envelope shows it."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEvent
from documents.letters import letter_batch
from documents.models import Letter

from .factories_letters import advisor_of, by_post, letter_for, page_count, page_text, page_words

#: The window of a DL or C5 envelope with the window on the right: 100 × 45 mm, 20 mm from the
#: right edge and 45 mm from the top of an A4 sheet (210 mm wide).
WINDOW = (90.0, 45.0, 190.0, 90.0)

LONG_REASON = " ".join(["Merci de nous envoyer votre justificatif de domicile et votre avis d'imposition."] * 15)


def _day_of_letters():
    """Three letters of one association on the same day (the second one of two pages), another the
    next day, and one of another association."""
    first = by_post(first_name="Monique", last_name="Durand")
    territory = first.territory
    second = by_post(territory=territory, first_name="Jeanne", last_name="Martin")
    third = by_post(territory=territory, first_name="Paul", last_name="Leroy")
    letters = [
        letter_for(first),
        letter_for(second, context={"state": "sent_back", "reason": LONG_REASON}),
        letter_for(third, "pairing.changed", {"action": "pairing.proposed"}),
    ]
    elsewhere = letter_for(by_post(first_name="Autre", last_name="Ailleurs"))
    return letters, elsewhere


def test_a_days_letters_print_as_one_pdf_after_a_cover_page(clock, client, tmp_path, private_storage):
    letters, elsewhere = _day_of_letters()
    clock.shift(timedelta(days=1))
    tomorrow = letter_for(by_post(territory=letters[0].notification.application.territory, last_name="Lendemain"))
    advisor = advisor_of(letters[0].notification.application)
    client.force_login(advisor)
    day = timezone.localdate(letters[0].created_at)

    response = client.get(reverse("letter_batch_pdf", args=[letters[0].organisation_id, day.isoformat()]))

    pdf = response.content
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert [letter.pages for letter in letters] == [1, 2, 1]
    assert page_count(pdf, tmp_path) == 1 + sum(letter.pages for letter in letters) == 5
    cover = page_text(pdf, 1, tmp_path)
    assert "3" in cover and "Monique Durand" in cover and "Paul Leroy" in cover
    assert "Lendemain" not in cover and "Ailleurs" not in cover
    starts = [page_text(pdf, page, tmp_path) for page in (2, 3, 5)]
    assert ["Monique" in starts[0], "Jeanne" in starts[1], "Paul" in starts[2]] == [True, True, True]
    assert "Jeanne Martin" not in page_text(pdf, 4, tmp_path)  # the second page of the two-page letter
    everything = " ".join(page_text(pdf, page, tmp_path) for page in range(1, 6))
    assert tomorrow.notification.application.last_name not in everything
    assert elsewhere.notification.application.last_name not in everything


def test_each_address_sits_in_the_window_of_the_envelope(tmp_path, private_storage):
    letters, _elsewhere = _day_of_letters()
    advisor = advisor_of(letters[0].notification.application)
    day = timezone.localdate(letters[0].created_at)

    pdf, pages = letter_batch(user=advisor, organisation_id=letters[0].organisation_id, day=day)

    assert pages == 5
    left, top, right, bottom = WINDOW
    for page, letter in zip((2, 3, 5), letters, strict=True):
        application = letter.notification.application
        words = page_words(pdf, page, tmp_path)
        address = [application.first_name, application.last_name, "Lilas", "33000", "Bordeaux"]
        in_window = [w for w in words if w.left >= left and w.right <= right and w.top >= top and w.bottom <= bottom]
        assert {w.text for w in in_window} >= set(address)
        # The address is kept 5 mm inside the window, and nothing else shows through it.
        assert all(w.left >= left + 4.5 and w.top >= top + 4.5 for w in in_window)
        shown = {w.text for w in words if w.right > left and w.left < right and w.bottom > top and w.top < bottom}
        assert shown == {application.first_name, application.last_name, "3", "rue", "des", "Lilas", "33000", "Bordeaux"}


def test_the_letter_carries_the_associations_letterhead(tmp_path, private_storage):
    letters, _elsewhere = _day_of_letters()
    advisor = advisor_of(letters[0].notification.application)
    association = letters[0].organisation

    pdf, _pages = letter_batch(
        user=advisor, organisation_id=association.pk, day=timezone.localdate(letters[0].created_at)
    )

    words = page_words(pdf, 2, tmp_path)
    head = " ".join(w.text for w in words if w.top < 90 and w.right < 88)
    assert association.name.split()[0] in head
    assert "05 56 00 00 00" in head and "lundi au vendredi" in head and "Victoire" in head


def test_printing_a_batch_marks_its_letters_printed_once_and_records_it(clock, private_storage):
    letters, elsewhere = _day_of_letters()
    advisor = advisor_of(letters[0].notification.application)
    day = timezone.localdate(letters[0].created_at)

    letter_batch(user=advisor, organisation_id=letters[0].organisation_id, day=day)
    first_print = timezone.now()
    clock.shift(timedelta(hours=1))
    letter_batch(user=advisor, organisation_id=letters[0].organisation_id, day=day)

    printed = dict(Letter.objects.values_list("pk", "printed_at"))
    assert all(printed[letter.pk] == first_print for letter in letters)
    assert printed[elsewhere.pk] is None
    events = AuditEvent.objects.filter(action="letter.printed").order_by("pk")
    assert [(e.object_id, e.user_id, e.data["first"]) for e in events] == [
        *((str(letter.pk), advisor.pk, True) for letter in letters),
        *((str(letter.pk), advisor.pk, False) for letter in letters),
    ]


def test_a_day_without_letters_or_a_wrong_date_gives_not_found(client, private_storage):
    letters, _elsewhere = _day_of_letters()
    client.force_login(advisor_of(letters[0].notification.application))
    organisation_id = letters[0].organisation_id
    day = timezone.localdate(letters[0].created_at)

    empty = client.get(reverse("letter_batch_pdf", args=[organisation_id, (day - timedelta(days=1)).isoformat()]))
    wrong = client.get(reverse("letter_batch_pdf", args=[organisation_id, "2026-13-45"]))

    assert (empty.status_code, wrong.status_code) == (404, 404)
