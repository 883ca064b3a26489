from django.db import migrations

SCHEDULES = {
    "workflow: remind of mandates ending within a week": {
        "func": "workflow.tasks.remind_of_ending_mandates",
        "schedule_type": "D",
        "repeats": -1,
    },
    "workflow: send the monthly journal of proxies' actions": {
        "func": "workflow.tasks.send_monthly_proxy_journals",
        "schedule_type": "M",
        "repeats": -1,
    },
}


def create_schedules(apps, schema_editor):
    Schedule = apps.get_model("django_q", "Schedule")
    for name, fields in SCHEDULES.items():
        Schedule.objects.get_or_create(name=name, defaults=fields)


def remove_schedules(apps, schema_editor):
    apps.get_model("django_q", "Schedule").objects.filter(name__in=SCHEDULES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("django_q", "0019_alter_task_options_alter_ormq_key_alter_ormq_lock_and_more"),
        ("workflow", "0027_proxies_sign_in_by_link"),
    ]

    operations = [migrations.RunPython(create_schedules, remove_schedules)]
