"""A django-tasks backend that hands Wagtail's background work to django-q2.

Wagtail enqueues search-index, reference-index, file-deletion and focal-point work through
django-tasks. Running it inside the request slows publishing; a second queue system would
mean a second worker fleet. This backend queues each task into django-q2 once the
surrounding transaction commits, so one worker fleet (``manage.py qcluster``) runs everything
and a rolled-back request queues nothing. Wagtail's tasks are idempotent (they rebuild an
index entry or delete a file that may already be gone), so a redelivered task is harmless.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django_q.tasks import async_task
from django_tasks.backends.base import BaseTaskBackend
from django_tasks.base import Task, TaskResult, TaskResultStatus
from django_tasks.utils import get_random_id, normalize_json


def run_django_task(module_path: str, args: list, kwargs: dict):
    """Entry point run by the django-q2 worker: import the django-tasks task and call it.

    Two workers may update the same index entry at once (a page created, edited and published
    queues three updates); the loser of that race meets a unique constraint, and simply runs
    again, now updating the row the winner inserted.
    """
    target = import_string(module_path)
    call = target.call if isinstance(target, Task) else target
    try:
        with transaction.atomic():
            return call(*args, **kwargs)
    except IntegrityError:
        with transaction.atomic():
            return call(*args, **kwargs)


class DjangoQ2Backend(BaseTaskBackend):
    """Queues django-tasks tasks into django-q2 after commit; results live in django-q2."""

    supports_async_task = False
    supports_defer = False
    supports_priority = False

    def enqueue(self, task: Task, args, kwargs) -> TaskResult:
        self.validate_task(task)
        result_id = get_random_id()
        args = normalize_json(list(args))
        kwargs = normalize_json(dict(kwargs))
        module_path = task.module_path

        def queue() -> None:
            async_task(
                "config.tasks_backend.run_django_task",
                module_path,
                args,
                kwargs,
                task_name=f"{task.name}-{result_id}",
                group="wagtail",
            )

        transaction.on_commit(queue)
        return TaskResult(
            task=task,
            id=result_id,
            status=TaskResultStatus.READY,
            enqueued_at=timezone.now(),
            started_at=None,
            last_attempted_at=None,
            finished_at=None,
            args=args,
            kwargs=kwargs,
            backend=self.alias,
            errors=[],
            worker_ids=[],
        )
