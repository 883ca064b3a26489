"""The audit trail's screen says what each event did in the reader's language; an action it has
no words for is shown by its code."""

from django.urls import reverse
from django.utils import translation

from audit import chain as audit
from workflow.audit_views import event_in_words
from workflow.services import application_act

from .factories import ApplicationFactory, StaffMembershipFactory, association_covering, set_state


def test_events_read_as_sentences_and_unknown_ones_as_their_code(client):
    application = set_state(ApplicationFactory(), "submitted")
    advisor = StaffMembershipFactory(organisation=association_covering(application.territory)).user
    application_act(application_id=application.pk, action="start_review", by=advisor)
    audit.record("something.new", application_id=application.pk, obj=application)
    admin = StaffMembershipFactory(user__is_superuser=True).user
    client.force_login(admin)

    page = client.get(reverse("audit_trail"), {"person": str(application.pk)}).content.decode()

    assert "a commencé l&#x27;examen du dossier" in page or "a commencé l'examen du dossier" in page
    assert "application.review_started" not in page
    assert "something.new" in page


def test_the_sentence_follows_the_language():
    with translation.override("en"):
        assert event_in_words("application.approved") == "approved the file"
    assert event_in_words("no.such_action") == "no.such_action"
