from django.db import migrations

NAME = "workflow: try failed notifications again"


def create_schedule(apps, schema_editor):
    apps.get_model("django_q", "Schedule").objects.get_or_create(
        name=NAME,
        defaults={
            "func": "workflow.tasks.retry_failed_notifications",
            "schedule_type": "I",
            "minutes": 10,
            "repeats": -1,
        },
    )


def remove_schedule(apps, schema_editor):
    apps.get_model("django_q", "Schedule").objects.filter(name=NAME).delete()


class Migration(migrations.Migration):
    dependencies = [("workflow", "0022_transition_logs_leave_notifying_to_notifications")]

    operations = [migrations.RunPython(create_schedule, remove_schedule)]
