"""Reads of the oversight screens and exports go to the replica when there is one.

``DATABASE_REPLICA_URL`` adds the ``replica`` connection; :class:`ReplicaRouter` sends a read
there only inside :func:`replica_reads` (a dashboard, a report, an export), so that a page which
has just written reads its own write from the primary. Writes never go to the replica.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings

_reading = ContextVar("oversight_replica_reads", default=False)

REPLICA = "replica"


def replica_configured() -> bool:
    return REPLICA in settings.DATABASES


@contextmanager
def replica_reads():
    """Within this block, reads go to the replica when one is configured."""
    token = _reading.set(True)
    try:
        yield
    finally:
        _reading.reset(token)


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        if _reading.get() and replica_configured():
            return REPLICA
        return None

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db != REPLICA
