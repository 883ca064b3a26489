"""Behind the load balancer every request comes from its address: the rate limits and the sign-in
lockouts count each client by its own address, read from X-Forwarded-For as far as our proxies
wrote it, never from what the client wrote itself."""

import pytest
from axes.models import AccessAttempt
from django.test import RequestFactory
from django.urls import reverse

from accounts.client_ip import client_ip
from tests.workflow.factories import StaffMembershipFactory, TerritoryFactory, association_covering

LOAD_BALANCER = "10.0.0.2"
ALICE, BOB = "198.51.100.7", "203.0.113.9"
LIMIT = 5  # sign-in-link: 5 a 10 minutes


@pytest.fixture(autouse=True)
def _limits_on(rate_limits_on):
    """Every test of this module counts its requests."""


def ask_link(client, forwarded_for: str, n: int = 0) -> int:
    return client.post(
        reverse("applicant_space"),
        {"email": f"someone{n}@example.org"},
        REMOTE_ADDR=LOAD_BALANCER,
        HTTP_X_FORWARDED_FOR=forwarded_for,
    ).status_code


def test_two_clients_behind_the_same_load_balancer_have_their_own_counters(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1

    alice = [ask_link(client, ALICE, n) for n in range(LIMIT + 1)]
    bob = ask_link(client, BOB)

    assert alice == [200] * LIMIT + [429]
    assert bob == 200


def test_without_trusted_proxies_a_forged_header_does_not_escape_the_limit(client, settings):
    settings.TRUSTED_PROXY_COUNT = 0

    answers = [ask_link(client, f"192.0.2.{n}", n) for n in range(LIMIT + 1)]

    assert answers[-1] == 429


def test_an_address_the_client_prepends_does_not_change_whom_is_counted(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1

    # The client writes a fake address; the load balancer appends the one it really saw.
    answers = [ask_link(client, f"192.0.2.{n}, {ALICE}", n) for n in range(LIMIT + 1)]

    assert answers[-1] == 429
    assert ask_link(client, f"{BOB}, {ALICE}") == 429  # even pretending to be another client
    assert ask_link(client, BOB) == 200  # the address faked above was never charged


@pytest.mark.parametrize(
    ("proxies", "remote", "forwarded", "expected"),
    [
        (0, LOAD_BALANCER, ALICE, LOAD_BALANCER),
        (1, LOAD_BALANCER, None, LOAD_BALANCER),
        (1, LOAD_BALANCER, ALICE, ALICE),
        (1, LOAD_BALANCER, f"192.0.2.1,{ALICE}", ALICE),
        (2, "10.0.0.3", f"192.0.2.1, {ALICE}, {LOAD_BALANCER}", ALICE),
        (2, "10.0.0.3", ALICE, "10.0.0.3"),  # shorter than the chain: it did not pass both proxies
        (1, LOAD_BALANCER, "not-an-address", LOAD_BALANCER),
        (1, LOAD_BALANCER, f"{ALICE}:51234", ALICE),
        (1, LOAD_BALANCER, "[2001:db8::1]:443", "2001:db8::1"),
        (1, LOAD_BALANCER, "2001:DB8::1", "2001:db8::1"),
    ],
)
def test_the_clients_address_is_taken_that_many_entries_from_the_right(settings, proxies, remote, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = proxies
    headers = {"REMOTE_ADDR": remote} | ({"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {})

    assert client_ip(RequestFactory().get("/", **headers)) == expected


def test_a_failed_sign_in_is_recorded_under_the_clients_address(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    advisor = StaffMembershipFactory(organisation=association_covering(TerritoryFactory(department=True))).user

    client.post(
        reverse("wagtailadmin_login"),
        {"username": advisor.username, "password": "wrong"},
        REMOTE_ADDR=LOAD_BALANCER,
        HTTP_X_FORWARDED_FOR=f"192.0.2.1, {ALICE}",
    )

    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == [ALICE]


def test_a_sign_in_is_audited_under_the_clients_address(client, settings):
    from audit.models import AuditEvent

    settings.TRUSTED_PROXY_COUNT = 1
    advisor = StaffMembershipFactory(organisation=association_covering(TerritoryFactory(department=True))).user
    advisor.set_password("Une-longue-phrase-de-passe-2026")
    advisor.save()

    client.post(
        reverse("wagtailadmin_login"),
        {"username": advisor.username, "password": "Une-longue-phrase-de-passe-2026"},
        REMOTE_ADDR=LOAD_BALANCER,
        HTTP_X_FORWARDED_FOR=ALICE,
    )

    assert AuditEvent.objects.filter(action="auth.login", user_id=advisor.pk).get().data["address"] == ALICE
