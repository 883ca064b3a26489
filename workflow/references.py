"""How an applicant names their file when they write or call, and what they may expect next."""

from .models import Application, ApplicationRules
from .tasks import DEFAULT_REMINDER_DAYS


def application_reference(application: Application) -> str:
    """The file's reference as applicants read it out: ``WS-<year started>-<id on 6 digits>``."""
    return f"WS-{application.created_at:%Y}-{application.pk:06d}"


def review_within_days(application: Application) -> int:
    """The days within which an advisor reads a sent file: the delay after which advisors are
    reminded of it (:class:`ApplicationRules`), so the promise is the one the platform keeps."""
    rules = ApplicationRules.objects.filter(country_id=application.country_id, kind=application.kind).first()
    return rules.reminder_after_days if rules else DEFAULT_REMINDER_DAYS
