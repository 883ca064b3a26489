"""With ``DATABASE_REPLICA_URL`` set, the oversight screens read from the replica, never write there.

CI opens the replica as a second connection to the same database (``TEST: MIRROR``): what the
primary has committed is read back through the other connection.
"""

import pytest
from django.db import connections, router
from django.test.utils import CaptureQueriesContext

from oversight.replica import REPLICA, replica_reads
from tests.workflow.factories import ApplicationFactory
from workflow.models import Application

pytestmark = [pytest.mark.replica, pytest.mark.django_db(databases=["default", REPLICA], transaction=True)]


def test_reads_inside_an_oversight_block_go_to_the_replica():
    before = Application.objects.using("default").count()
    ApplicationFactory.create_batch(3)
    with (
        CaptureQueriesContext(connections[REPLICA]) as on_replica,
        CaptureQueriesContext(connections["default"]) as on_primary,
    ):
        with replica_reads():
            counted = Application.objects.count()
    assert counted == before + 3
    assert any("workflow_application" in query["sql"] for query in on_replica.captured_queries)
    assert not on_primary.captured_queries


def test_reads_outside_the_block_stay_on_the_primary():
    ApplicationFactory()
    with CaptureQueriesContext(connections[REPLICA]) as on_replica:
        assert Application.objects.count() == Application.objects.using("default").count()
    assert not on_replica.captured_queries


def test_writes_never_go_to_the_replica_even_inside_the_block():
    before = Application.objects.using("default").count()
    with replica_reads():
        assert router.db_for_write(Application) == "default"
        with CaptureQueriesContext(connections[REPLICA]) as on_replica:
            ApplicationFactory()
    assert not any(
        query["sql"].lstrip().upper().startswith(("INSERT", "UPDATE")) for query in on_replica.captured_queries
    )
    assert Application.objects.using("default").count() == before + 1


def test_the_replica_is_never_migrated():
    assert router.allow_migrate(REPLICA, "workflow") is False
    assert router.allow_migrate("default", "workflow") is True
