"""Choices of the workflow app."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganisationKind(models.TextChoices):
    ASSOCIATION = "association", _("Association (trusted third party)")
    PENSION_OFFICE = "pension_office", _("Regional pension office")
    NATIONAL_BODY = "national_body", _("National body")
    PARTNER = "partner", _("Partner")


class TerritoryLevel(models.TextChoices):
    REGION = "region", _("Region")
    DEPARTMENT = "department", _("Department")


class StaffRole(models.TextChoices):
    ADVISOR = "advisor", _("Association advisor")
    ASSOCIATION_MANAGER = "association_manager", _("Association manager")
    PENSION_OFFICER = "pension_officer", _("Pension-office officer")
    NATIONAL_OFFICER = "national_officer", _("National officer")
    EDITOR = "editor", _("Communications editor")
    PARTNER = "partner", _("Partner's referent")


#: Roles held in an association: they vet the files of the association's territories.
VETTING_ROLES = (StaffRole.ADVISOR, StaffRole.ASSOCIATION_MANAGER)

#: Roles held in a partner (a university's international office, an Erasmus+ office…): they follow
#: the young people who applied through their referral link and agreed to it, and see nothing else.
PARTNER_ROLES = (StaffRole.PARTNER,)


class ApplicationKind(models.TextChoices):
    HOST = "host", _("Host (senior)")
    GUEST = "guest", _("Guest (young person)")


class ApplicationState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    SENT_BACK = "sent_back", _("Sent back for completion")
    IN_REVIEW = "in_review", _("In review")
    INTERVIEW_SCHEDULED = "interview_scheduled", _("Interview scheduled")
    HOME_VISIT_DONE = "home_visit_done", _("Home visit done")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    ARCHIVED = "archived", _("Archived")


# Named source-state lists: "from where can this happen" is read here, in one place.
CAN_BE_SUBMITTED_STATES = [ApplicationState.DRAFT, ApplicationState.SENT_BACK]
CAN_BE_SENT_BACK_STATES = [ApplicationState.SUBMITTED, ApplicationState.IN_REVIEW, ApplicationState.INTERVIEW_SCHEDULED]
CAN_BE_APPROVED_STATES = [ApplicationState.INTERVIEW_SCHEDULED, ApplicationState.HOME_VISIT_DONE]
CAN_BE_REJECTED_STATES = [
    ApplicationState.SUBMITTED,
    ApplicationState.IN_REVIEW,
    ApplicationState.INTERVIEW_SCHEDULED,
    ApplicationState.HOME_VISIT_DONE,
]
CAN_BE_WITHDRAWN_STATES = [
    ApplicationState.DRAFT,
    ApplicationState.SUBMITTED,
    ApplicationState.SENT_BACK,
    ApplicationState.IN_REVIEW,
    ApplicationState.INTERVIEW_SCHEDULED,
    ApplicationState.HOME_VISIT_DONE,
    ApplicationState.APPROVED,
]
CAN_BE_ARCHIVED_STATES = [ApplicationState.APPROVED, ApplicationState.REJECTED, ApplicationState.WITHDRAWN]

#: The state each staff action leads to: the button says the verb, the file then shows this
#: state (``Approve`` → ``Approved``). The admin's buttons and messages read it; a test checks it
#: against the transitions of :class:`workflow.models.Application`.
ACTION_RESULTS = {
    "start_review": ApplicationState.IN_REVIEW,
    "schedule_interview": ApplicationState.INTERVIEW_SCHEDULED,
    "record_home_visit": ApplicationState.HOME_VISIT_DONE,
    "approve": ApplicationState.APPROVED,
    "reject": ApplicationState.REJECTED,
    "send_back": ApplicationState.SENT_BACK,
    "archive": ApplicationState.ARCHIVED,
}

#: States in which a file waits for the association to act.
WAITING_FOR_ASSOCIATION_STATES = [
    ApplicationState.SUBMITTED,
    ApplicationState.IN_REVIEW,
    ApplicationState.INTERVIEW_SCHEDULED,
    ApplicationState.HOME_VISIT_DONE,
]


class DocumentKind(models.TextChoices):
    """Supporting documents a country may require; stored and checked by the documents app."""

    IDENTITY = "identity", _("Identity document")
    ENROLMENT = "enrolment", _("Proof of enrolment or apprenticeship")
    ADDRESS = "address", _("Proof of address")
    PENSION = "pension", _("Proof of pension")
    LANDLORD_CONSENT = "landlord_consent", _("Landlord's consent")
    CRIMINAL_RECORD = "criminal_record", _("Criminal-record extract")
    HOME_VISIT_PHOTO = "home_visit_photo", _("Photo of the home visit")
    ROOM_PHOTO = "room_photo", _("Photo of the room")
    OTHER = "other", _("Other document")
    PAPER_APPLICATION = "paper_application", _("Application form returned on paper")
    CONSENT_FORM = "consent_form", _("Signed consent form")
    MANDATE_FORM = "mandate_form", _("Signed mandate form")


class Gender(models.TextChoices):
    WOMAN = "woman", _("a woman")
    MAN = "man", _("a man")
    OTHER = "other", _("another answer or I prefer not to say")


class GenderPreference(models.TextChoices):
    ANY = "any", _("no preference")
    WOMAN = "woman", _("a woman")
    MAN = "man", _("a man")


class Service(models.TextChoices):
    """Help a host would welcome and a guest would offer; compared by the matching."""

    COMPANY = "company", _("company in the evening")
    ERRANDS = "errands", _("small errands")
    DIGITAL = "digital", _("help with computers and phones")
    MEALS = "meals", _("cooking together")
    GARDEN = "garden", _("garden or pets")


class Interest(models.TextChoices):
    READING = "reading", _("reading")
    MUSIC = "music", _("music")
    CINEMA = "cinema", _("cinema and series")
    COOKING = "cooking", _("cooking")
    GARDENING = "gardening", _("gardening")
    SPORT = "sport", _("sport and walks")
    GAMES = "games", _("board and card games")
    CRAFTS = "crafts", _("crafts and DIY")
    TRAVEL = "travel", _("travel")
    HISTORY = "history", _("history and heritage")


class Channel(models.TextChoices):
    """How a person is reached."""

    EMAIL = "email", _("Email")
    SMS = "sms", _("Text message (SMS)")
    POST = "post", _("Letter by post")
    SPACE = "space", _("Message in the applicant's space")


class NotificationStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")


class AssistanceChannel(models.TextChoices):
    """How an advisor filled in a file for its applicant."""

    PHONE = "phone", _("By phone")
    HOME_VISIT = "home_visit", _("During a home visit")
    OFFICE = "office", _("At the association's office")
    PAPER = "paper", _("From a paper form returned by the applicant")


class ConsentMethod(models.TextChoices):
    """How the person agreed to a file an advisor filled in for them, or to a mandate."""

    CODE_READ_OUT = "code_read_out", _("A code read out to them")
    SMS = "sms", _("A code sent by text message")
    POST = "post", _("A code sent by post")
    PAPER = "paper", _("A signed paper form, scanned")
    SPACE = "space", _("In their own space")


class MandateRight(models.TextChoices):
    """What a proxy may do for the person who gave them a mandate."""

    FOLLOW = "follow", _("Follow the file")
    UPLOAD = "upload", _("Send documents")
    WRITE = "write", _("Write in conversations")
    ANSWER = "answer", _("Answer a proposal")


class MandateDuration(models.TextChoices):
    DAY = "day", _("1 day")
    MONTH = "month", _("1 month")
    HALF_YEAR = "half_year", _("6 months")
    YEAR = "year", _("1 year")


class ProxyRelation(models.TextChoices):
    RELATIVE = "relative", _("A relative")
    CAREGIVER = "caregiver", _("A caregiver")
    SOCIAL_WORKER = "social_worker", _("A social worker")
    OTHER = "other", _("Someone else")
