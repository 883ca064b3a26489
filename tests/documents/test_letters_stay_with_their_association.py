"""An association sees, prints and marks only its own letters: another association's are not
found, whatever the address asked."""

from django.urls import reverse
from django.utils import timezone

from documents.models import Letter

from .factories_letters import advisor_of, by_post, letter_for, page_count


def test_an_association_never_reaches_another_associations_letters(client, private_storage):
    ours = letter_for(by_post(last_name="Durand"))
    theirs_application = by_post(last_name="Ailleurs")
    theirs = letter_for(theirs_application)
    client.force_login(advisor_of(ours.notification.application))
    day = timezone.localdate(theirs.created_at).isoformat()

    queue = client.get(reverse("print_queue")).content.decode()
    batch = client.get(reverse("letter_batch_pdf", args=[theirs.organisation_id, day]))
    download = client.get(reverse("letter_download", args=[theirs.pk]))
    posted = client.post(reverse("letters_posted"), {"scope": "selected", "letter": [theirs.pk]})
    posted_day = client.post(
        reverse("letters_posted"), {"scope": "day", "organisation": theirs.organisation_id, "day": day}
    )

    assert "Durand" in queue and "Ailleurs" not in queue
    assert (batch.status_code, download.status_code, posted.status_code) == (404, 404, 404)
    assert posted_day.status_code == 302
    assert Letter.objects.get(pk=theirs.pk).posted_at is None
    assert Letter.objects.get(pk=theirs.pk).printed_at is None


def test_their_own_batch_holds_only_their_letters(client, private_storage, tmp_path):
    ours = letter_for(by_post(last_name="Durand"))
    letter_for(by_post(last_name="Ailleurs"))
    client.force_login(advisor_of(ours.notification.application))

    batch = client.get(
        reverse("letter_batch_pdf", args=[ours.organisation_id, timezone.localdate(ours.created_at).isoformat()])
    )

    assert batch.status_code == 200
    assert page_count(batch.content, tmp_path) == 1 + ours.pages
