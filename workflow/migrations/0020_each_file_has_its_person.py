"""Each existing file gets its person: the files of one confirmed address share one.

A draft or an unconfirmed file keeps a person of its own: nobody proved that address yet.
"""

from django.db import migrations


def forwards(apps, schema_editor):
    Application = apps.get_model("workflow", "Application")
    Person = apps.get_model("workflow", "Person")
    by_address = {}
    for application in Application.objects.filter(person__isnull=True).order_by("created_at", "pk").iterator():
        confirmed = application.email_confirmed_at is not None and application.anonymised_at is None
        key = application.email.strip().lower() if confirmed else None
        person = by_address.get(key) if key else None
        if person is None:
            answers = application.answers or {}
            is_host = application.kind == "host"
            person = Person.objects.create(
                email="" if application.anonymised_at else application.email,
                email_confirmed_at=application.email_confirmed_at if confirmed else None,
                mobile=application.phone,
                postal_address=str(answers.get("address", "")) if is_host else "",
                postcode=str(answers.get("postcode", "")) if is_host else "",
                city=str(answers.get("city", "")) if is_host else "",
                preferred_channels=["email"],
                language=application.language,
                anonymised_at=application.anonymised_at,
            )
            if key:
                by_address[key] = person
        application.person = person
        application.save(update_fields=["person"])


class Migration(migrations.Migration):
    dependencies = [("workflow", "0019_people_and_notifications")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
