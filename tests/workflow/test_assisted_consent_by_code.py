"""Before a file filled in for someone is sent, the person agrees to it with a code they read
back to the advisor: sent by text message, sent by post, or printed on a sheet handed to them
during a visit. The exact words they agreed to are kept; wrong codes are counted before the
refusal, and five spend the code; an expired code is refused."""

import re
import shutil
import subprocess
from datetime import timedelta

import pytest
from django.test import TestCase
from django.urls import reverse

from audit.models import AuditEvent
from workflow import sms
from workflow.assisted import (
    ConsentCodeRefused,
    ConsentCodeSpent,
    assisted_consent_confirm,
    assisted_consent_request,
)
from workflow.enums import ApplicationState
from workflow.models import AssistedConsent, ConsentRecord, Notification

from .factories_assisted import advisor_of, filled_in, host_identity

CODE = re.compile(r"\b(\d{6})\b")


@pytest.fixture(autouse=True)
def _empty_sms_outbox():
    sms.outbox.clear()
    yield
    sms.outbox.clear()


def texted_code(client, application) -> str:
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(reverse("assisted_consent_send", args=[application.pk]), {"method": "sms"})
    assert response.status_code == 302
    return CODE.search(sms.outbox[-1].body).group(1)


def test_a_code_by_text_message_read_back_sends_the_file_with_the_words_agreed_to(client):
    advisor = advisor_of()
    application = filled_in(client, advisor, via="home_visit")

    code = texted_code(client, application)
    response = client.post(reverse("assisted_consent_code", args=[application.pk]), {"code": code})

    assert response.status_code == 302
    assert response.url == reverse("workflow_application:inspect", args=[application.pk])
    assert sms.outbox[0].to == "06 12 34 56 78"
    application.refresh_from_db()
    assert application.state == ApplicationState.SUBMITTED
    assert application.consented_at is not None
    consent = AssistedConsent.objects.get(application=application, given_at__isnull=False)
    assert consent.method == "sms"
    assert consent.requested_by == advisor
    assert consent.language == "fr"
    assert "enregistre les réponses" in consent.wording or "records the answers" in consent.wording
    assert ConsentRecord.objects.filter(application=application, text=consent.wording).exists()
    given = AuditEvent.objects.get(application_id=application.pk, action="application.assisted_consent_given")
    assert given.user_id == advisor.pk and given.data["method"] == "sms"
    assert AuditEvent.objects.filter(application_id=application.pk, action="application.submitted").exists()


def test_the_code_by_post_goes_in_a_letter_of_the_associations_print_queue(client, tmp_path):
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed")
    from documents.letters import letter_pdf
    from documents.models import Letter

    advisor = advisor_of()
    application = filled_in(client, advisor, identity=host_identity(phone=""))

    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(reverse("assisted_consent_send", args=[application.pk]), {"method": "post"})

    assert response.status_code == 302
    letter = Letter.objects.get(notification__application=application, notification__kind="assisted.consent_code_post")
    path = tmp_path / "letter.pdf"
    path.write_bytes(letter_pdf(letter))
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True, text=True).stdout
    code = CODE.search(text).group(1)
    consent = AssistedConsent.objects.get(application=application, method="post")
    assert consent.code_expires_at - consent.requested_at > timedelta(days=14), "a letter takes days"

    assisted_consent_confirm(application_id=application.pk, code=code, by=advisor)

    application.refresh_from_db()
    assert application.state == ApplicationState.SUBMITTED


def test_a_printed_sheet_shows_a_code_once_which_the_person_reads_back(client):
    advisor = advisor_of()
    application = filled_in(client, advisor, via="home_visit")

    sheet = client.post(reverse("assisted_consent_send", args=[application.pk]), {"method": "code_read_out"})

    assert sheet.status_code == 200
    assert "no-store" in sheet["Cache-Control"]
    page = sheet.content.decode()
    code = re.search(r'data-code="(\d{6})"', page).group(1)
    consent = AssistedConsent.objects.get(application=application, method="code_read_out")
    assert consent.wording in page.replace("&#x27;", "'")
    assert code not in consent.code_hash
    assert code not in client.get(reverse("assisted_consent", args=[application.pk])).content.decode()

    response = client.post(reverse("assisted_consent_code", args=[application.pk]), {"code": f"{code[:3]} {code[3:]}"})

    assert response.status_code == 302
    consent.refresh_from_db()
    assert consent.given_at is not None


def test_a_wrong_code_is_counted_even_though_it_is_refused_and_five_spend_it(client):
    advisor = advisor_of()
    application = filled_in(client, advisor)
    _consent, code = assisted_consent_request(application_id=application.pk, method="code_read_out", by=advisor)
    wrong = f"{(int(code) + 1) % 10**6:06d}"

    for _attempt in range(4):
        with pytest.raises(ConsentCodeRefused):
            assisted_consent_confirm(application_id=application.pk, code=wrong, by=advisor)
    with pytest.raises(ConsentCodeSpent):
        assisted_consent_confirm(application_id=application.pk, code=wrong, by=advisor)
    with pytest.raises(ConsentCodeSpent):
        assisted_consent_confirm(application_id=application.pk, code=code, by=advisor)

    consent = AssistedConsent.objects.get(application=application)
    assert consent.attempts == 5 and consent.given_at is None
    application.refresh_from_db()
    assert application.state == ApplicationState.DRAFT
    assert (
        AuditEvent.objects.filter(application_id=application.pk, action="application.assisted_consent_refused").count()
        == 6
    )


def test_the_page_says_what_to_do_after_a_wrong_code(client):
    advisor = advisor_of()
    application = filled_in(client, advisor)
    texted_code(client, application)

    response = client.post(reverse("assisted_consent_code", args=[application.pk]), {"code": "000000x"})

    assert response.status_code == 400
    assert "Ask them to read it again" in response.content.decode() or "relire" in response.content.decode()
    assert AssistedConsent.objects.get(application=application).attempts == 1


def test_an_expired_code_is_refused(client, clock):
    advisor = advisor_of()
    application = filled_in(client, advisor)
    _consent, code = assisted_consent_request(application_id=application.pk, method="code_read_out", by=advisor)

    clock.shift(timedelta(hours=2))

    with pytest.raises(ConsentCodeSpent):
        assisted_consent_confirm(application_id=application.pk, code=code, by=advisor)


def test_a_new_code_cancels_the_previous_one(client):
    advisor = advisor_of()
    application = filled_in(client, advisor)
    _first, old = assisted_consent_request(application_id=application.pk, method="code_read_out", by=advisor)
    _second, new = assisted_consent_request(application_id=application.pk, method="code_read_out", by=advisor)

    if old != new:
        with pytest.raises(ConsentCodeRefused):
            assisted_consent_confirm(application_id=application.pk, code=old, by=advisor)
    assisted_consent_confirm(application_id=application.pk, code=new, by=advisor)

    assert AssistedConsent.objects.filter(application=application, cancelled_at__isnull=False).count() == 1


def test_no_text_message_without_a_mobile_number_and_the_page_says_where_to_give_one(client):
    advisor = advisor_of()
    application = filled_in(client, advisor, identity=host_identity(phone=""))

    response = client.post(reverse("assisted_consent_send", args=[application.pk]), {"method": "sms"})

    assert response.status_code == 400
    assert "step 1" in response.content.decode() or "étape 1" in response.content.decode()
    assert not AssistedConsent.objects.filter(application=application).exists()
    assert not Notification.objects.filter(application=application, kind="assisted.consent_code_sms").exists()


def test_an_advisor_of_another_territory_cannot_ask_or_confirm_a_consent(client):
    from .factories import TerritoryFactory

    advisor = advisor_of()
    application = filled_in(client, advisor)
    _consent, code = assisted_consent_request(application_id=application.pk, method="code_read_out", by=advisor)
    client.force_login(advisor_of(TerritoryFactory(department=True)))

    assert client.post(reverse("assisted_consent_code", args=[application.pk]), {"code": code}).status_code == 404
    assert client.post(reverse("assisted_consent_send", args=[application.pk]), {"method": "sms"}).status_code == 404
    application.refresh_from_db()
    assert application.state == ApplicationState.DRAFT


def test_the_consent_page_reads_the_words_and_offers_each_way(client):
    advisor = advisor_of()
    application = filled_in(client, advisor, via="home_visit")

    page = client.get(reverse("assisted_consent", args=[application.pk])).content.decode()

    assert 'id="consent-wording"' in page
    for method in ("sms", "post", "code_read_out"):
        assert f'name="method" value="{method}"' in page
    assert reverse("assisted_consent_paper", args=[application.pk]) in page
    assert 'name="code"' not in page, "no code to type before one is asked"
    texted_code(client, application)
    page = client.get(reverse("assisted_consent", args=[application.pk])).content.decode()
    assert 'name="code"' in page


def test_the_printed_sheet_speaks_the_persons_language(client):
    advisor = advisor_of()
    application = filled_in(client, advisor, identity=host_identity(language="en"))

    sheet = client.post(reverse("assisted_consent_send", args=[application.pk]), {"method": "code_read_out"})

    page = sheet.content.decode()
    assert '<html lang="en">' in page
    assert "Your code:" in page
    assert "I agree that" in page
