from django.db import migrations

NAME = "conversations: tell of messages not read in time"


def create_schedule(apps, schema_editor):
    apps.get_model("django_q", "Schedule").objects.get_or_create(
        name=NAME,
        defaults={
            "func": "conversations.tasks.notify_unread_messages",
            "schedule_type": "I",
            "minutes": 5,
            "repeats": -1,
            # Well below the cluster's retry (Q_CLUSTER["retry"]), so a slow run is never started twice.
            "kwargs": "q_options={'timeout': 60}",
        },
    )


def remove_schedule(apps, schema_editor):
    apps.get_model("django_q", "Schedule").objects.filter(name=NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("conversations", "0001_initial"),
        ("django_q", "0019_alter_task_options_alter_ormq_key_alter_ormq_lock_and_more"),
    ]

    operations = [migrations.RunPython(create_schedule, remove_schedule)]
