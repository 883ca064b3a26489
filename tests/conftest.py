"""Suite-wide fixtures: a stopped clock, database access for every test, the demo site, the browser."""

import os
import shutil
from datetime import date, datetime
from pathlib import Path

import pytest
import time_machine

# Playwright's sync API runs an event loop in the test thread; Django must still allow ORM
# calls from it (test set-up and fixtures run there).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}

#: The instant every test runs at, the clock stopped, unless it asks otherwise (``clock`` below):
#: an ordinary Thursday morning in Paris. TEST_NOW moves it (ISO 8601 with an offset, e.g.
#: ``2026-03-12T23:30:00+01:00``), to show that no test depends on the hour or the day.
DEFAULT_NOW = "2026-03-12T09:30:00+01:00"


def _instant(value) -> datetime:
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    if not isinstance(moment, datetime) or moment.tzinfo is None:
        raise pytest.UsageError(f"The tests' clock needs a date and time with its offset, not {value!r}.")
    return moment


FROZEN_AT = _instant(os.environ.get("TEST_NOW") or DEFAULT_NOW)


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "clock(at=None, tick=False, live=False): the time the test runs at: another instant than FROZEN_AT "
        "(a datetime with its offset or an ISO string), a clock that runs on from it, or the real clock",
    )


def pytest_report_header(config):
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.postgresql":
        import psycopg

        params = {
            "host": database.get("HOST") or None,
            "port": database.get("PORT") or None,
            "user": database.get("USER") or None,
            "password": database.get("PASSWORD") or None,
            "dbname": "postgres",
        }
        with psycopg.connect(**{k: v for k, v in params.items() if v is not None}) as conn:
            version = conn.execute("SHOW server_version").fetchone()[0].split()[0]
        return f"database: postgresql {version}"
    engine = "database: sqlite" if database["ENGINE"].endswith("sqlite3") else f"database: {database['ENGINE']}"
    return [engine, f"clock: stopped at {FROZEN_AT.isoformat()}"]


def skip_or_fail(reason: str):
    """Skip with a clear reason on a developer's machine; in CI nothing may skip."""
    if IN_CI:
        pytest.fail(f"{reason} (CI must run every test)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(autouse=True)
def clock(request):
    """The time a test sees: FROZEN_AT, the clock stopped, so no test depends on when it runs.

    ``@pytest.mark.clock(at=...)`` chooses another instant, ``tick=True`` lets the clock run on
    from it (for code that waits or measures an expiry as it happens), ``live=True`` leaves the
    real clock: the browser tests (marked ``browser``) get it, since their server is another
    process that the stopped clock cannot reach. The fixture is the time-machine traveller
    (``clock.shift(timedelta(days=1))``, ``clock.move_to(...)``), or None on the real clock.
    """
    marker = request.node.get_closest_marker("clock")
    options = dict(marker.kwargs) if marker else {}
    unknown = set(options) - {"at", "tick", "live"}
    if unknown or (marker and marker.args):
        raise pytest.UsageError(f"clock marker: keyword arguments at, tick or live only, not {marker}")
    if options.get("live") or request.node.get_closest_marker("browser"):
        yield None
        return
    with time_machine.travel(_instant(options.get("at", FROZEN_AT)), tick=options.get("tick", False)) as traveller:
        yield traveller


@pytest.fixture
def today(clock) -> date:
    """The test's date in the site's time zone (``timezone.localdate()`` when it starts)."""
    from django.utils import timezone

    return timezone.localdate()


@pytest.fixture(autouse=True)
def _database_for_every_test(db):
    """Every test may use the database; each runs in a transaction rolled back afterwards."""


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the site's default language, whatever the previous one activated."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _empty_cache():
    from django.core.cache import caches

    for alias in ("default", "renditions"):
        caches[alias].clear()
    yield


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The demo site, as ``make run`` loads it, is built once into the test database.

    Every test then runs inside a transaction that is rolled back, so each starts from the
    same demo whatever the others changed.
    """
    from django.core.management import call_command

    # At the tests' instant: the demo's dates and the signing authorities' validity start there.
    with django_db_blocker.unblock(), time_machine.travel(FROZEN_AT, tick=False):
        call_command("load_demo", verbosity=0)


@pytest.fixture
def demo():
    """Names a test's reliance on the demo content (loaded once for the session)."""


@pytest.fixture
def demo_with_images(demo):
    """The demo content, with its image files in the test media folder."""


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        skip_or_fail(f"Debian's chromium is not installed at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def browser_page(browser):
    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def committing_client(client, django_capture_on_commit_callbacks):
    """A test client whose requests run their commit callbacks (emails sent after commit) as they end."""
    original = client.post

    def post(*args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return original(*args, **kwargs)

    client.post = post
    return client


@pytest.fixture
def as_the_worker(django_capture_on_commit_callbacks):
    """Run a background task as the worker would, outside any transaction: what it queues for
    after the commit (notifications) is done by the time it returns."""

    def run(task, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return task(*args, **kwargs)

    return run


@pytest.fixture
def postgresql():
    """Tests of concurrency need PostgreSQL's row locks; elsewhere they skip (never in CI)."""
    from django.db import connection

    if connection.vendor != "postgresql":
        skip_or_fail("needs PostgreSQL for row locks: run with DATABASE_URL=postgres://…")


@pytest.fixture(autouse=True)
def _staff_pass_the_second_factor(monkeypatch):
    """``client.force_login(user)`` signs staff in as the back office requires: with a verified
    authenticator app. ``second_factor=False`` signs in with the password only."""
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    original = Client.force_login

    def force_login(self, user, backend=None, *, second_factor=True):
        original(self, user, backend)
        if second_factor:
            device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
            if device is None:
                device = TOTPDevice.objects.create(user=user, name="test phone", confirmed=True)
            session = self.session
            session[DEVICE_ID_SESSION_KEY] = device.persistent_id
            session.save()

    monkeypatch.setattr(Client, "force_login", force_login)


@pytest.fixture
def rate_limits_on(settings):
    """The rate limits, off in the test settings, counted afresh for this test."""
    from django.core.cache import cache

    settings.RATELIMIT_ENABLE = True
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def private_storage(settings, tmp_path):
    """Private documents stored in this test's own folder."""
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "private")},
        },
    }
    return tmp_path / "private"


def pytest_collection_modifyitems(config, items):
    """Tests marked ``replica`` need the second connection that ``DATABASE_REPLICA_URL`` opens.

    Without it they skip on a developer's machine; CI runs them in a step of their own with the
    variable set, so its main run leaves them out rather than skipping them.
    """
    from django.conf import settings

    if "replica" in settings.DATABASES:
        return
    marked = [item for item in items if item.get_closest_marker("replica")]
    if not marked:
        return
    if IN_CI:
        config.hook.pytest_deselected(items=marked)
        items[:] = [item for item in items if not item.get_closest_marker("replica")]
        return
    skip = pytest.mark.skip(reason="needs DATABASE_REPLICA_URL (a second connection; CI runs these in their own step)")
    for item in marked:
        item.add_marker(skip)
