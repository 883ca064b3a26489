"""Choices of the appointments app."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AppointmentKind(models.TextChoices):
    INTERVIEW = "interview", _("Interview")
    HOME_VISIT = "home_visit", _("Home visit")
    MEETING = "meeting", _("Meeting of the pair")
    TRIAL_START = "trial_start", _("Start of the trial period")


#: Kinds about one file (an Application).
FILE_KINDS = (AppointmentKind.INTERVIEW, AppointmentKind.HOME_VISIT)
#: Kinds about a pairing (both people).
PAIRING_KINDS = (AppointmentKind.MEETING, AppointmentKind.TRIAL_START)
