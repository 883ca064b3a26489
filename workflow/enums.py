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
