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


def test_the_statistics_page_reads_its_figures_from_the_replica(client):
    from django.urls import reverse

    from tests.workflow.factories import UserFactory

    ApplicationFactory.create_batch(2)
    client.force_login(UserFactory(username="replica.admin", is_superuser=True, is_staff=True))

    with (
        CaptureQueriesContext(connections[REPLICA]) as on_replica,
        CaptureQueriesContext(connections["default"]) as on_primary,
    ):
        response = client.get(reverse("oversight_statistics"))

    assert response.status_code == 200
    assert any("oversight_filemilestone" in query["sql"] for query in on_replica.captured_queries)
    # The milestones are written on the primary, never on the replica.
    assert not any(
        query["sql"].lstrip().upper().startswith(("INSERT", "DELETE")) for query in on_replica.captured_queries
    )
    assert any("oversight_filemilestone" in query["sql"] for query in on_primary.captured_queries)


def test_an_export_reads_the_files_from_the_replica():
    from datetime import timedelta

    from django.utils import timezone

    from oversight.exports import export_build_now
    from oversight.models import Export
    from tests.workflow.factories import UserFactory

    ApplicationFactory.create_batch(3)
    requester = UserFactory(username="replica.exporter", is_superuser=True, is_staff=True)
    export = Export.objects.create(
        requester=requester,
        kind="files",
        format="csv",
        parameters={},
        parameters_hash="replica",
        expires_at=timezone.now() + timedelta(hours=32),
    )

    with CaptureQueriesContext(connections[REPLICA]) as on_replica:
        export = export_build_now(export)

    assert export.row_count == Application.objects.using("default").count()
    assert any("workflow_application" in query["sql"] for query in on_replica.captured_queries)
    assert not any(
        query["sql"].lstrip().upper().startswith(("INSERT", "UPDATE")) for query in on_replica.captured_queries
    )
