"""The demo and the seeded files hold answers the schema accepts, so the matching reads them fully."""

from datetime import date

from workflow.answers import answers_clean, typed_answers
from workflow.demo import FILES
from workflow.models import Application
from workflow.seeding import seed_applications


def test_the_seeded_files_answers_are_valid_typed_answers():
    seed_applications(seniors=6, youths=6)

    seeded = Application.objects.filter(email__startswith="seed-")
    assert seeded.count() == 12
    for application in seeded:
        assert answers_clean(application.kind, application.answers) == application.answers, application
        answers = typed_answers(application)
        first_day = answers.available_from if application.kind == "host" else answers.start_date
        assert isinstance(first_day, date), application
        assert answers.languages, application


def test_the_demo_files_answers_are_valid_typed_answers(demo):
    for spec in FILES:
        stored = spec.answers.as_json(**spec.others)
        assert answers_clean(spec.kind, stored) == stored
    for application in Application.objects.all():
        answers_clean(application.kind, application.answers)
