import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("workflow", "0026_assisted_files_and_mandates"),
    ]

    operations = [
        migrations.AddField(
            model_name="applicantlink",
            name="person",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="links",
                to="workflow.person",
            ),
        ),
        migrations.AlterField(
            model_name="applicantlink",
            name="application",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="links",
                to="workflow.application",
            ),
        ),
        migrations.AddField(
            model_name="mandate",
            name="acceptance_code_expires_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="acceptance code valid until"),
        ),
    ]
