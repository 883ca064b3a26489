import django.db.models.deletion
import django.utils.timezone
import documents.models
import oversight.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Export',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('files', 'Files (one line per file)'), ('opendata', 'Monthly figures per territory')], max_length=20, verbose_name='export')),
                ('format', models.CharField(choices=[('csv', 'CSV (comma-separated, UTF-8)'), ('xlsx', 'Excel workbook (XLSX)'), ('ods', 'OpenDocument spreadsheet (ODS)')], max_length=10, verbose_name='format')),
                ('parameters', models.JSONField(blank=True, default=dict, verbose_name='parameters')),
                ('parameters_hash', models.CharField(max_length=64)),
                ('state', models.CharField(choices=[('queued', 'Being prepared'), ('ready', 'Ready'), ('failed', 'Failed')], default='queued', max_length=10, verbose_name='state')),
                ('row_count', models.PositiveIntegerField(blank=True, null=True, verbose_name='lines')),
                ('file', models.FileField(blank=True, max_length=200, storage=documents.models.private_storage, upload_to=oversight.models.export_path)),
                ('created_at', models.DateTimeField(db_index=True, default=django.utils.timezone.now, verbose_name='asked')),
                ('finished_at', models.DateTimeField(blank=True, null=True, verbose_name='finished')),
                ('expires_at', models.DateTimeField(db_index=True, verbose_name='available until')),
                ('error', models.TextField(blank=True, verbose_name='error')),
                ('requester', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='exports', to=settings.AUTH_USER_MODEL, verbose_name='asked by')),
            ],
            options={
                'verbose_name': 'export',
                'verbose_name_plural': 'exports',
                'ordering': ['-created_at', '-pk'],
                'indexes': [models.Index(fields=['requester', 'kind', 'format', 'parameters_hash', 'created_at'], name='export_reuse')],
            },
        ),
    ]
