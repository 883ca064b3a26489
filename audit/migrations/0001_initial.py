"""The audit chain's models move from the workflow app to this one: state only.

The tables stay where workflow's migrations made them (``workflow_auditevent``,
``workflow_audithead``, ``workflow_auditanchor``, with the append-only trigger); no row is
copied and no table is created or dropped.
"""

import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    # The tables are created (and the trigger set) by workflow's migrations up to this one.
    dependencies = [("workflow", "0017_audit_anchors_keep_the_chains_length")]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name="AuditAnchor",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("event_id", models.BigIntegerField()),
                        ("hash", models.CharField(max_length=64, unique=True)),
                        ("length", models.PositiveBigIntegerField(blank=True, null=True)),
                        ("token", models.BinaryField()),
                        ("at", models.DateTimeField(default=django.utils.timezone.now)),
                    ],
                    options={"db_table": "workflow_auditanchor", "ordering": ["-at"]},
                ),
                migrations.CreateModel(
                    name="AuditEvent",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("at", models.DateTimeField(db_index=True, verbose_name="when")),
                        ("action", models.CharField(db_index=True, max_length=60, verbose_name="event")),
                        ("actor", models.CharField(blank=True, max_length=254, verbose_name="by")),
                        ("user_id", models.IntegerField(blank=True, db_index=True, null=True, verbose_name="account")),
                        ("object_type", models.CharField(blank=True, max_length=100, verbose_name="object type")),
                        ("object_id", models.CharField(blank=True, max_length=64, verbose_name="object")),
                        ("application_id", models.IntegerField(blank=True, db_index=True, null=True, verbose_name="file")),
                        ("pairing_id", models.IntegerField(blank=True, db_index=True, null=True, verbose_name="pairing")),
                        ("data", models.JSONField(blank=True, default=dict, verbose_name="details")),
                        ("previous_hash", models.CharField(max_length=64)),
                        ("hash", models.CharField(max_length=64, unique=True)),
                    ],
                    options={
                        "db_table": "workflow_auditevent",
                        "verbose_name": "audit event",
                        "verbose_name_plural": "audit events",
                        "ordering": ["pk"],
                    },
                ),
                migrations.CreateModel(
                    name="AuditHead",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("hash", models.CharField(max_length=64)),
                        ("event_id", models.BigIntegerField(null=True)),
                    ],
                    options={"db_table": "workflow_audithead"},
                ),
            ],
        ),
    ]
