from django.db import migrations

SCHEDULES = {
    "pairings: close finished pairings": "pairings.tasks.close_finished_pairings",
    "pairings: remind advisors of check-ins": "pairings.tasks.remind_advisors_of_check_ins",
}


def create_schedules(apps, schema_editor):
    Schedule = apps.get_model("django_q", "Schedule")
    for name, func in SCHEDULES.items():
        Schedule.objects.get_or_create(name=name, defaults={"func": func, "schedule_type": "D", "repeats": -1})


def remove_schedules(apps, schema_editor):
    apps.get_model("django_q", "Schedule").objects.filter(name__in=list(SCHEDULES)).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("pairings", "0003_followup_and_end"),
        ("django_q", "0019_alter_task_options_alter_ormq_key_alter_ormq_lock_and_more"),
    ]

    operations = [migrations.RunPython(create_schedules, remove_schedules)]
