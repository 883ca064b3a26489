"""On PostgreSQL, the database itself refuses to change or delete an audit event."""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION workflow_auditevent_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit events are append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS workflow_auditevent_append_only ON workflow_auditevent;
CREATE TRIGGER workflow_auditevent_append_only
    BEFORE UPDATE OR DELETE ON workflow_auditevent
    FOR EACH ROW EXECUTE FUNCTION workflow_auditevent_append_only();
"""
DROP = """
DROP TRIGGER IF EXISTS workflow_auditevent_append_only ON workflow_auditevent;
DROP FUNCTION IF EXISTS workflow_auditevent_append_only();
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE, params=None)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP, params=None)


class Migration(migrations.Migration):
    dependencies = [("workflow", "0012_audit_trail")]

    operations = [migrations.RunPython(create, drop)]
