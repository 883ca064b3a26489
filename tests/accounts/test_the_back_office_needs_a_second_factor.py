"""No admin page without a verified second factor: enrolment, backup codes, throttling, lockout, timeouts."""

import re
import time

import pytest
import time_machine
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import BackupCode, BackupCodeDevice
from tests.workflow.factories import StaffMembershipFactory, TerritoryFactory, association_covering

PASSWORD = "Une-longue-phrase-de-passe-2026"


@pytest.fixture
def advisor():
    user = StaffMembershipFactory(organisation=association_covering(TerritoryFactory(department=True))).user
    user.set_password(PASSWORD)
    user.save()
    return user


def code_of(device) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


@pytest.mark.parametrize(
    "page", ["wagtailadmin_home", "workflow_application:index", "pairings_pairing:index", "two_factor_backup_codes"]
)
def test_without_a_second_factor_no_admin_page_is_reachable(client, advisor, page):
    client.force_login(advisor, second_factor=False)

    response = client.get(reverse(page))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("two_factor"))


def test_staff_enrol_an_authenticator_app_and_get_backup_codes_stored_hashed(client, advisor):
    client.post(reverse("wagtailadmin_login"), {"username": advisor.username, "password": PASSWORD})
    page = client.get(reverse("two_factor"))
    device = TOTPDevice.objects.get(user=advisor, confirmed=False)

    done = client.post(reverse("two_factor"), {"token": code_of(device)})

    assert page.status_code == 200 and "totp-secret" in page.content.decode()
    codes = re.findall(r"<code>([A-Z2-7-]{20,})</code>", done.content.decode())
    assert len(codes) == 10
    assert all(len(code.replace("-", "")) * 5 >= 96 for code in codes)  # base 32: 5 bits a character
    stored = list(BackupCode.objects.filter(device__user=advisor).values_list("digest", flat=True))
    assert len(stored) == 10 and not any(code.replace("-", "") in digest for code in codes for digest in stored)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_a_backup_code_works_once_in_place_of_the_app(client, advisor):
    TOTPDevice.objects.create(user=advisor, name="phone", confirmed=True)
    codes = BackupCodeDevice.objects.create(user=advisor, name="backup", confirmed=True).generate()
    client.force_login(advisor, second_factor=False)

    first = client.post(reverse("two_factor_verify"), {"token": codes[0].lower()})
    client.logout()
    client.force_login(advisor, second_factor=False)
    again = client.post(reverse("two_factor_verify"), {"token": codes[0]})

    assert first.status_code == 302
    assert again.status_code == 400
    assert BackupCodeDevice.objects.get(user=advisor).remaining() == 9


def test_wrong_codes_are_throttled(client, advisor):
    device = TOTPDevice.objects.create(user=advisor, name="phone", confirmed=True)
    client.force_login(advisor, second_factor=False)

    wrong = client.post(reverse("two_factor_verify"), {"token": "000000"})
    blocked = client.post(reverse("two_factor_verify"), {"token": code_of(device)})
    with time_machine.travel(time.time() + 5):
        accepted = client.post(reverse("two_factor_verify"), {"token": code_of(device)})

    assert (wrong.status_code, blocked.status_code) == (400, 400)  # the right code waits for the delay
    assert accepted.status_code == 302


def test_five_wrong_passwords_lock_the_account(client, advisor):
    login = reverse("wagtailadmin_login")
    for _ in range(5):
        client.post(login, {"username": advisor.username, "password": "wrong"})

    locked = client.post(login, {"username": advisor.username, "password": PASSWORD})

    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session


def test_an_idle_session_ends(client, advisor, settings):
    client.force_login(advisor)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    session = client.session
    session["_last_seen_at"] = int(time.time()) - settings.SESSION_IDLE_SECONDS - 5
    session.save()

    response = client.get(reverse("wagtailadmin_home"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


def test_a_long_session_ends_even_when_active(client, advisor, settings):
    client.force_login(advisor)
    client.get(reverse("wagtailadmin_home"))
    session = client.session
    session["_started_at"] = int(time.time()) - settings.SESSION_ABSOLUTE_SECONDS - 5
    session.save()

    assert client.get(reverse("wagtailadmin_home")).status_code == 302


def test_a_passkey_cannot_be_added_before_passing_the_second_factor(client, advisor):
    TOTPDevice.objects.create(user=advisor, name="phone", confirmed=True)
    client.force_login(advisor, second_factor=False)

    refused = client.post(reverse("otp_webauthn:credential-registration-begin"))
    client.force_login(advisor)
    allowed = client.post(reverse("otp_webauthn:credential-registration-begin"))

    assert refused.status_code == 403
    assert allowed.status_code == 200 and allowed.json()["rp"]["id"] == "localhost"
