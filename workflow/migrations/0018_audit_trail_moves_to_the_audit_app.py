"""The audit chain's models now belong to the audit app (its 0001): removed from this app's
state only. The tables, their rows and the append-only trigger stay as they are; the content
types follow the models, so nothing stale is left behind."""

from django.db import migrations

MODELS = ["auditanchor", "auditevent", "audithead"]


def content_types_to(app_label, other):
    def move(apps, schema_editor):
        content_type = apps.get_model("contenttypes", "ContentType")
        if content_type.objects.filter(app_label=app_label, model__in=MODELS).exists():
            return
        content_type.objects.filter(app_label=other, model__in=MODELS).update(app_label=app_label)

    return move


class Migration(migrations.Migration):
    dependencies = [
        ("workflow", "0017_audit_anchors_keep_the_chains_length"),
        ("audit", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.DeleteModel(name="AuditAnchor"),
                migrations.DeleteModel(name="AuditEvent"),
                migrations.DeleteModel(name="AuditHead"),
            ],
        ),
        migrations.RunPython(content_types_to("audit", "workflow"), content_types_to("workflow", "audit")),
    ]
