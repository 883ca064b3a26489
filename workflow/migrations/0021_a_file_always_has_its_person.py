import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("workflow", "0020_each_file_has_its_person")]

    operations = [
        migrations.AlterField(
            model_name="application",
            name="person",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="applications",
                to="workflow.person",
                verbose_name="person",
            ),
        ),
    ]
