import django.core.validators
import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

SCHEDULE = "pairings: ask host and guest how lonely they feel"
FUNC = "pairings.tasks.ask_how_lonely_host_and_guest_feel"


def create_schedule(apps, schema_editor):
    apps.get_model("django_q", "Schedule").objects.get_or_create(
        name=SCHEDULE, defaults={"func": FUNC, "schedule_type": "D", "repeats": -1}
    )


def remove_schedule(apps, schema_editor):
    apps.get_model("django_q", "Schedule").objects.filter(name=SCHEDULE).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("pairings", "0005_transition_logs_leave_notifying_to_notifications"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("django_q", "0019_alter_task_options_alter_ormq_key_alter_ormq_lock_and_more"),
    ]

    operations = [
        migrations.CreateModel(
            name="WellbeingCheck",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "party",
                    models.CharField(
                        choices=[("host", "the host"), ("guest", "the guest")],
                        max_length=10,
                        verbose_name="who answers",
                    ),
                ),
                (
                    "moment",
                    models.CharField(
                        choices=[
                            ("moving_in", "At moving in"),
                            ("three_months", "After 3 months"),
                            ("six_months", "After 6 months"),
                        ],
                        max_length=20,
                        verbose_name="moment",
                    ),
                ),
                ("due_on", models.DateField(verbose_name="due on")),
                (
                    "lack_companionship",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        choices=[(1, "Hardly ever"), (2, "Some of the time"), (3, "Often")],
                        null=True,
                        validators=[
                            django.core.validators.MinValueValidator(1),
                            django.core.validators.MaxValueValidator(3),
                        ],
                        verbose_name="How often do you feel that you lack companionship?",
                    ),
                ),
                (
                    "left_out",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        choices=[(1, "Hardly ever"), (2, "Some of the time"), (3, "Often")],
                        null=True,
                        validators=[
                            django.core.validators.MinValueValidator(1),
                            django.core.validators.MaxValueValidator(3),
                        ],
                        verbose_name="How often do you feel left out?",
                    ),
                ),
                (
                    "isolated",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        choices=[(1, "Hardly ever"), (2, "Some of the time"), (3, "Often")],
                        null=True,
                        validators=[
                            django.core.validators.MinValueValidator(1),
                            django.core.validators.MaxValueValidator(3),
                        ],
                        verbose_name="How often do you feel isolated from others?",
                    ),
                ),
                ("answered_at", models.DateTimeField(blank=True, null=True, verbose_name="answered")),
                ("asked_at", models.DateTimeField(blank=True, null=True, verbose_name="person told")),
                ("created_at", models.DateTimeField(default=django.utils.timezone.now, verbose_name="created")),
                (
                    "entered_by",
                    models.ForeignKey(
                        blank=True,
                        help_text="The advisor who wrote the answers down for the person, during a check-in.",
                        null=True,
                        on_delete=django.db.models.deletion.RESTRICT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="entered by",
                    ),
                ),
                (
                    "pairing",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="wellbeing_checks",
                        to="pairings.pairing",
                    ),
                ),
            ],
            options={
                "verbose_name": "well-being questionnaire",
                "verbose_name_plural": "well-being questionnaires",
                "ordering": ["pairing", "due_on", "party"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("pairing", "party", "moment"), name="one_wellbeing_check_per_moment"
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            models.Q(
                                ("answered_at__isnull", True),
                                ("isolated__isnull", True),
                                ("lack_companionship__isnull", True),
                                ("left_out__isnull", True),
                            ),
                            models.Q(
                                ("answered_at__isnull", False),
                                ("isolated__isnull", False),
                                ("isolated__range", (1, 3)),
                                ("lack_companionship__isnull", False),
                                ("lack_companionship__range", (1, 3)),
                                ("left_out__isnull", False),
                                ("left_out__range", (1, 3)),
                            ),
                            _connector="OR",
                        ),
                        name="wellbeing_answered_whole",
                    ),
                ],
            },
        ),
        migrations.RunPython(create_schedule, remove_schedule),
    ]
