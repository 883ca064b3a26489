"""Countries, territories and organisations: who runs the programme where.

A Country is a national programme with its own legal rules; its Territories (regions, then
departments) decide which Association vets and accompanies a file and which regional pension
office oversees it. Later issues build applications, pairings and conventions on these.
"""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .enums import OrganisationKind, TerritoryLevel
from .fields import LanguageListField

country_code_validator = RegexValidator(r"^[A-Z]{2}$", _("Use the two capital letters of ISO 3166 (FR, ES…)."))
currency_validator = RegexValidator(r"^[A-Z]{3}$", _("Use the three capital letters of ISO 4217 (EUR…)."))


class Country(models.Model):
    """A national programme: its languages, legal rules and contribution bounds.

    Edited by national officers in the admin; the application forms, the matching engine and
    the conventions read their rules from here rather than from code.
    """

    code = models.CharField(_("code"), max_length=2, unique=True, validators=[country_code_validator])
    name = models.CharField(_("name"), max_length=100)
    languages = LanguageListField(
        _("languages"), help_text=_("Languages in which the programme runs in this country; the first is the main one.")
    )
    currency = models.CharField(_("currency"), max_length=3, default="EUR", validators=[currency_validator])
    min_contribution = models.DecimalField(
        _("minimum monthly contribution"),
        max_digits=7,
        decimal_places=2,
        default=Decimal("0"),
        validators=[MinValueValidator(Decimal("0"))],
    )
    max_contribution = models.DecimalField(
        _("maximum monthly contribution"),
        max_digits=7,
        decimal_places=2,
        default=Decimal("150"),
        validators=[MinValueValidator(Decimal("0"))],
        help_text=_("Cap on the monthly contribution to charges a host may ask of a guest."),
    )
    host_min_age = models.PositiveSmallIntegerField(
        _("minimum age of a host"), default=60, help_text=_("A host must be at least this old.")
    )
    guest_min_age = models.PositiveSmallIntegerField(
        _("minimum age of a guest"), default=18, help_text=_("A guest must be at least this old.")
    )
    guest_max_age = models.PositiveSmallIntegerField(
        _("age limit of a guest"), default=30, help_text=_("A guest must be younger than this.")
    )
    notice_period_days = models.PositiveSmallIntegerField(
        _("notice period (days)"), default=30, help_text=_("Notice either party gives to end a convention early.")
    )
    minimum_stay_days = models.PositiveSmallIntegerField(
        _("minimum stay (days)"), default=90, help_text=_("Shortest stay a pairing may be made for.")
    )
    communications_editors = models.ForeignKey(
        "auth.Group",
        verbose_name=_("communications editors"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Group that writes this country's public pages."),
    )
    communications_moderators = models.ForeignKey(
        "auth.Group",
        verbose_name=_("communications moderators"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Group that reviews and publishes this country's public pages."),
    )

    class Meta:
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(min_contribution__lte=models.F("max_contribution")),
                name="country_contribution_bounds_ordered",
            ),
            models.CheckConstraint(
                condition=Q(guest_min_age__lt=models.F("guest_max_age")),
                name="country_guest_ages_ordered",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        errors = {}
        if (
            self.min_contribution is not None
            and self.max_contribution is not None
            and self.min_contribution > self.max_contribution
        ):
            errors["max_contribution"] = _("The maximum contribution cannot be below the minimum.")
        if (
            self.guest_min_age is not None
            and self.guest_max_age is not None
            and self.guest_min_age >= self.guest_max_age
        ):
            errors["guest_max_age"] = _("The age limit of a guest must be above the minimum age.")
        if errors:
            raise ValidationError(errors)

    @property
    def main_language(self) -> str:
        return self.languages[0] if self.languages else settings.LANGUAGE_CODE

    def contribution_allowed(self, amount: Decimal) -> bool:
        """Whether a monthly contribution lies within this country's bounds."""
        return self.min_contribution <= amount <= self.max_contribution

    def host_age_allowed(self, age: int) -> bool:
        return age >= self.host_min_age

    def guest_age_allowed(self, age: int) -> bool:
        return self.guest_min_age <= age < self.guest_max_age


class Organisation(models.Model):
    """A body taking part in the programme: association, pension office, national body or partner."""

    kind = models.CharField(_("kind"), max_length=20, choices=OrganisationKind.choices)
    name = models.CharField(_("name"), max_length=200)
    country = models.ForeignKey(
        Country, verbose_name=_("country"), on_delete=models.PROTECT, related_name="organisations"
    )
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    address = models.TextField(_("address"), blank=True)
    website = models.URLField(_("website"), blank=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["country__name", "name"]
        constraints = [models.UniqueConstraint(fields=["country", "name"], name="organisation_unique_name_per_country")]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_kind_display()})"


class Territory(models.Model):
    """A region or a department of a country; decides who handles a file there.

    A department belongs to a region. Each territory names the associations that accompany
    pairs in it and the regional pension office that oversees them; a department without its
    own inherits its region's (see :meth:`effective_pension_office`).
    """

    country = models.ForeignKey(
        Country, verbose_name=_("country"), on_delete=models.PROTECT, related_name="territories"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        limit_choices_to={"level": TerritoryLevel.REGION},
    )
    level = models.CharField(_("level"), max_length=20, choices=TerritoryLevel.choices)
    code = models.CharField(
        _("code"), max_length=12, help_text=_("Official code, e.g. 75 for Nouvelle-Aquitaine, 33 for Gironde.")
    )
    name = models.CharField(_("name"), max_length=120)
    associations = models.ManyToManyField(
        Organisation,
        verbose_name=_("associations"),
        blank=True,
        related_name="territories",
        limit_choices_to={"kind": OrganisationKind.ASSOCIATION},
    )
    pension_office = models.ForeignKey(
        Organisation,
        verbose_name=_("pension office"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="overseen_territories",
        limit_choices_to={"kind": OrganisationKind.PENSION_OFFICE},
    )

    class Meta:
        verbose_name = _("territory")
        verbose_name_plural = _("territories")
        ordering = ["country__name", "level", "code"]
        constraints = [
            models.UniqueConstraint(fields=["country", "level", "code"], name="territory_unique_code"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"

    def clean(self) -> None:
        errors = {}
        if self.level == TerritoryLevel.REGION and self.parent_id:
            errors["parent"] = _("A region has no parent territory.")
        if self.level == TerritoryLevel.DEPARTMENT:
            if not self.parent_id:
                errors["parent"] = _("A department belongs to a region.")
            elif self.country_id and self.parent.country_id != self.country_id:
                errors["parent"] = _("The region must be in the same country.")
        if self.pension_office_id and self.country_id and self.pension_office.country_id != self.country_id:
            errors["pension_office"] = _("The pension office must be in the same country.")
        if errors:
            raise ValidationError(errors)

    def effective_pension_office(self) -> Organisation | None:
        """The pension office of this territory, or of its region when it names none."""
        if self.pension_office_id:
            return self.pension_office
        if self.parent_id:
            return self.parent.pension_office
        return None
