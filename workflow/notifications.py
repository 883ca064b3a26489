"""What the applicant is told after each change of their file, in their language."""

from django.utils.translation import gettext_lazy as _

from .enums import ApplicationState

SUBJECTS = {
    ApplicationState.SUBMITTED: _("We have received your application"),
    ApplicationState.IN_REVIEW: _("Your application is being reviewed"),
    ApplicationState.INTERVIEW_SCHEDULED: _("Your advisor will meet you"),
    ApplicationState.HOME_VISIT_DONE: _("Thank you for welcoming your advisor"),
    ApplicationState.APPROVED: _("Your application is approved"),
    ApplicationState.REJECTED: _("About your application"),
    ApplicationState.SENT_BACK: _("Your application needs completing"),
    ApplicationState.WITHDRAWN: _("Your application is withdrawn"),
}

BODIES = {
    ApplicationState.SUBMITTED: _(
        "Thank you. Your application has reached the association of your area. An advisor will contact you soon."
    ),
    ApplicationState.IN_REVIEW: _("An advisor of the association is now reviewing your application."),
    ApplicationState.INTERVIEW_SCHEDULED: _(
        "Your advisor would like to meet you and will contact you to agree on a date."
    ),
    ApplicationState.HOME_VISIT_DONE: _("Thank you for welcoming your advisor. The review of your file continues."),
    ApplicationState.APPROVED: _(
        "Good news: your application is approved. Your advisor will now look for the right person for you."
    ),
    ApplicationState.REJECTED: _("We are sorry: your application could not be accepted."),
    ApplicationState.SENT_BACK: _("Your application is missing something. Please complete it from your space."),
    ApplicationState.WITHDRAWN: _("Your application has been withdrawn, as requested."),
}
