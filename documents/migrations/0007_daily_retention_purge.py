from django.db import migrations

NAME = "documents: anonymise files past their retention"


def create_schedule(apps, schema_editor):
    apps.get_model("django_q", "Schedule").objects.get_or_create(
        name=NAME, defaults={"func": "documents.tasks.purge_expired_files", "schedule_type": "D", "repeats": -1}
    )


def remove_schedule(apps, schema_editor):
    apps.get_model("django_q", "Schedule").objects.filter(name=NAME).delete()


class Migration(migrations.Migration):
    dependencies = [("documents", "0006_daily_audit_timestamp")]

    operations = [migrations.RunPython(create_schedule, remove_schedule)]
