"""Wagtail's django-tasks work is handed to django-q2 once the transaction commits."""

import pytest
from django.db import transaction
from django_tasks import task

from config import tasks_backend
from config.tasks_backend import DjangoQ2Backend, run_django_task

CALLS = []


@task()
def remember(value):
    CALLS.append(value)
    return value


@pytest.fixture
def queued(monkeypatch):
    sent = []
    monkeypatch.setattr(tasks_backend, "async_task", lambda *args, **kwargs: sent.append((args, kwargs)))
    return sent


def test_a_task_is_queued_into_django_q2_after_commit(queued, django_capture_on_commit_callbacks):
    backend = DjangoQ2Backend("default", {})

    with django_capture_on_commit_callbacks(execute=True):
        result = backend.enqueue(remember, ["hello"], {})
        assert queued == []

    assert result.status == "READY"
    ((args, kwargs),) = queued
    assert args == ("config.tasks_backend.run_django_task", f"{__name__}.remember", ["hello"], {})
    assert kwargs["group"] == "wagtail"


def test_a_rolled_back_transaction_queues_nothing(queued, django_capture_on_commit_callbacks):
    backend = DjangoQ2Backend("default", {})

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        try:
            with transaction.atomic():
                backend.enqueue(remember, ["lost"], {})
                raise RuntimeError("rollback")
        except RuntimeError:
            pass

    assert callbacks == []
    assert queued == []


def test_the_worker_entry_point_runs_the_task():
    CALLS.clear()

    assert run_django_task(f"{__name__}.remember", ["ran"], {}) == "ran"
    assert CALLS == ["ran"]


ATTEMPTS = []


@task()
def insert_once(value):
    from django.db import IntegrityError

    ATTEMPTS.append(value)
    if len(ATTEMPTS) == 1:
        raise IntegrityError("duplicate key value violates unique constraint")
    return value


def test_a_task_that_lost_a_race_on_a_unique_row_runs_again():
    ATTEMPTS.clear()

    assert run_django_task(f"{__name__}.insert_once", ["entry"], {}) == "entry"
    assert ATTEMPTS == ["entry", "entry"]
