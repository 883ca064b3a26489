"""Countries, territories and organisations: who runs the programme where.

A Country is a national programme with its own legal rules; its Territories (regions, then
departments) decide which Association vets and accompanies a file and which regional pension
office oversees it. Staff roles, the applications with each country's rules, their checklists,
notes, transition log, sign-in links and consents are here too; pairings and conventions build
on them in their own apps.
"""

import secrets
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import ConcurrentTransitionMixin, FSMField, transition
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from .enums import (
    CAN_BE_APPROVED_STATES,
    CAN_BE_ARCHIVED_STATES,
    CAN_BE_REJECTED_STATES,
    CAN_BE_SENT_BACK_STATES,
    CAN_BE_SUBMITTED_STATES,
    CAN_BE_WITHDRAWN_STATES,
    ApplicationKind,
    ApplicationState,
    AssistanceChannel,
    Channel,
    ConsentMethod,
    DocumentKind,
    MandateDuration,
    MandateRight,
    NotificationStatus,
    OrganisationKind,
    ProxyRelation,
    StaffRole,
    TerritoryLevel,
)
from .fields import DocumentKindListField, LanguageListField

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
    retention_days = models.PositiveIntegerField(
        _("retention of closed files (days)"),
        default=730,
        help_text=_(
            "After this time, rejected, withdrawn and archived files are anonymised and their documents "
            "destroyed (signed conventions are kept, as the law requires)."
        ),
    )
    trial_period_days = models.PositiveSmallIntegerField(
        _("trial period (days)"),
        default=30,
        help_text=_("Time the pair lives together before the convention is signed."),
    )
    minimum_stay_days = models.PositiveSmallIntegerField(
        _("minimum stay (days)"), default=90, help_text=_("Shortest stay a pairing may be made for.")
    )
    weight_languages = models.PositiveSmallIntegerField(
        _("matching weight: common languages"), default=3, help_text=_("0 ignores the criterion.")
    )
    weight_presence = models.PositiveSmallIntegerField(_("matching weight: presence expected and offered"), default=3)
    weight_budget = models.PositiveSmallIntegerField(_("matching weight: contribution within the budget"), default=2)
    weight_stay = models.PositiveSmallIntegerField(_("matching weight: length of stay"), default=2)
    weight_services = models.PositiveSmallIntegerField(_("matching weight: help hoped for and offered"), default=2)
    weight_distance = models.PositiveSmallIntegerField(_("matching weight: distance to the place of study"), default=2)
    weight_interests = models.PositiveSmallIntegerField(_("matching weight: shared interests"), default=1)
    weight_practise = models.PositiveSmallIntegerField(
        _("matching weight: wish to practise the host's language"), default=1
    )
    max_distance_km = models.PositiveSmallIntegerField(
        _("largest distance home – place of study (km)"),
        default=20,
        help_text=_(
            "A host is suggested to a guest only within this distance of their place of study, when both "
            "postcodes are known. 0: only within the same territory."
        ),
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
    opening_hours = models.CharField(
        _("opening hours"),
        max_length=150,
        blank=True,
        help_text=_(
            "When applicants can call or come, as they will read it. For example: Monday to Friday, 9 am to 5 pm."
        ),
    )
    address = models.TextField(_("address"), blank=True)
    website = models.URLField(_("website"), blank=True)
    referral_code = models.CharField(
        _("referral code"),
        max_length=40,
        unique=True,
        null=True,
        blank=True,
        editable=False,
        help_text=_(
            "A partner's part of its referral link: young people who apply through the link and agree to it "
            "are followed by the partner."
        ),
    )

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["country__name", "name"]
        constraints = [models.UniqueConstraint(fields=["country", "name"], name="organisation_unique_name_per_country")]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_kind_display()})"

    def save(self, *args, **kwargs):
        if self.kind != OrganisationKind.PARTNER:
            self.referral_code = None
        elif not self.referral_code:
            self.referral_code = new_referral_code()
        super().save(*args, **kwargs)


#: Letters and digits that cannot be mistaken for one another when read out or typed.
REFERRAL_CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"


def new_referral_code() -> str:
    """An unguessable code for a partner's referral link (16 characters: about 79 bits)."""
    return "".join(secrets.choice(REFERRAL_CODE_ALPHABET) for _ in range(16))


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

    def accompanying_association(self) -> Organisation | None:
        """The association that accompanies this territory's files: its own, else the nearest one
        up the territories (the first by name where several cover it)."""
        territory = self
        while territory is not None:
            found = territory.associations.order_by("name", "pk").first()
            if found is not None:
                return found
            territory = territory.parent
        return None


class StaffMembership(models.Model):
    """A staff member's role in an organisation; what they may see and do follows from it.

    One person may hold several roles (an advisor of two associations, say). The rules that
    read memberships live in :mod:`workflow.access`.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=30, choices=StaffRole.choices)

    class Meta:
        verbose_name = _("staff membership")
        verbose_name_plural = _("staff memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation", "role"], name="membership_unique_role"),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} — {self.organisation.name}"

    def clean(self) -> None:
        # A partner's referent follows its referrals only; no other role is held in a partner.
        if not self.organisation_id or not self.role:
            return
        is_partner = self.organisation.kind == OrganisationKind.PARTNER
        if is_partner and self.role != StaffRole.PARTNER:
            raise ValidationError({"role": _("In a partner, the only role is the partner's referent.")})
        if not is_partner and self.role == StaffRole.PARTNER:
            raise ValidationError({"role": _("The partner's referent is a role of a partner organisation.")})


class Person(models.Model):
    """One human being known to the platform, who may hold several files over the years.

    The applicant's space is theirs: the session holds their id (:mod:`workflow.applicant_session`).
    Their contact channels live here, and :func:`workflow.notifications.notify` reaches them
    through the ones they prefer. The email address is optional (an advisor may file an
    application for someone without one); a file's form still asks for one and confirms it.
    """

    email = models.EmailField(_("email"), blank=True)
    email_confirmed_at = models.DateTimeField(_("email confirmed"), null=True, blank=True)
    mobile = models.CharField(_("mobile phone"), max_length=40, blank=True)
    postal_address = models.TextField(_("postal address"), blank=True)
    postcode = models.CharField(_("postcode"), max_length=12, blank=True)
    city = models.CharField(_("town or city"), max_length=100, blank=True)
    preferred_channels = models.JSONField(
        _("preferred channels"),
        default=list,
        blank=True,
        help_text=_("In order of preference; the first one that can reach the person is used."),
    )
    language = models.CharField(
        _("preferred language"), max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        indexes = [models.Index(fields=["email"])]

    def __str__(self) -> str:
        application = self.applications.order_by("-created_at").first()
        return f"{application.first_name} {application.last_name}" if application else f"#{self.pk}"

    def clean(self) -> None:
        unknown = [c for c in self.preferred_channels or [] if c not in Channel.values]
        if unknown:
            raise ValidationError({"preferred_channels": _("Unknown channel: %(c)s.") % {"c": ", ".join(unknown)}})

    def reachable_by(self, channel: str) -> bool:
        """Whether the person has what ``channel`` needs (an address, a number, a postal address)."""
        if self.anonymised_at is not None:
            return False
        return {
            Channel.EMAIL: bool(self.email),
            Channel.SMS: bool(self.mobile),
            Channel.POST: bool(self.postal_address and self.city),
            Channel.SPACE: True,
        }.get(channel, False)

    def postal_lines(self) -> list[str]:
        return [line for line in (*self.postal_address.splitlines(), f"{self.postcode} {self.city}".strip()) if line]


def _staff_may_vet(instance: "Application", user) -> bool:
    from .access import may_vet

    return may_vet(user, instance)


def _age_within_country_rules(instance: "Application") -> bool:
    return instance.age_allowed()


def _home_visited_if_host(instance: "Application") -> bool:
    return instance.kind != ApplicationKind.HOST or instance.state == ApplicationState.HOME_VISIT_DONE


def _required_documents_verified(instance: "Application") -> bool:
    return not instance.missing_documents()


def _is_host(instance: "Application") -> bool:
    return instance.kind == ApplicationKind.HOST


class Application(ConcurrentTransitionMixin, models.Model):
    """A host's or a guest's file ("dossier"), vetted by the association of its territory.

    Its state changes only through the ``@transition`` methods below, called by the services of
    :mod:`workflow.services`, which lock the row, check who is acting, record the change and
    queue the notification. The methods themselves change fields only.
    """

    kind = models.CharField(_("kind"), max_length=10, choices=ApplicationKind.choices)
    state = FSMField(
        _("state"), default=ApplicationState.DRAFT, choices=ApplicationState.choices, protected=True, db_index=True
    )
    country = models.ForeignKey(
        Country, verbose_name=_("country"), on_delete=models.PROTECT, related_name="applications"
    )
    territory = models.ForeignKey(
        Territory, verbose_name=_("territory"), on_delete=models.PROTECT, related_name="applications"
    )
    person = models.ForeignKey(Person, verbose_name=_("person"), on_delete=models.PROTECT, related_name="applications")
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    email = models.EmailField(
        _("email"),
        blank=True,
        help_text=_("The address given on this file's form; empty when an advisor filed it for someone without one."),
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    birth_date = models.DateField(_("date of birth"))
    language = models.CharField(
        _("preferred language"), max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    answers = models.JSONField(_("answers"), default=dict, blank=True, help_text=_("Answers of the application form."))
    status_reason = models.TextField(_("reason given to the applicant"), blank=True)
    email_confirmed_at = models.DateTimeField(_("email confirmed"), null=True, blank=True)
    consented_at = models.DateTimeField(_("consent given"), null=True, blank=True)
    erasure_requested_at = models.DateTimeField(_("erasure requested"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)
    rules_snapshot = models.JSONField(
        _("rules when sent"),
        default=dict,
        blank=True,
        help_text=_("The country's rules for this kind of file when it was sent: later changes do not apply to it."),
    )
    form_key = models.UUIDField(
        _("form key"),
        null=True,
        blank=True,
        unique=True,
        editable=False,
        help_text=_("Identifies the form that started the file, so that a form sent twice makes one file."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    state_changed_at = models.DateTimeField(_("in this state since"), default=timezone.now, db_index=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    referred_by = models.ForeignKey(
        Organisation,
        verbose_name=_("referred by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="referrals",
        limit_choices_to={"kind": OrganisationKind.PARTNER},
        help_text=_("The partner whose referral link the applicant came through and who follows the file."),
    )
    referral_consent_at = models.DateTimeField(
        _("agreed to be followed by the partner"),
        null=True,
        blank=True,
        help_text=_("When the applicant agreed that the partner follows the progress of the file."),
    )
    assisted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("filled in with the help of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The advisor who filled in the file for the applicant, by phone, during a visit or from paper."),
    )
    assisted_via = models.CharField(_("filled in"), max_length=12, choices=AssistanceChannel.choices, blank=True)
    #: Who entered each answer: ``{answer name: {"by": "user:<id>" | "person:<id>", "at": iso}}``.
    answer_authors = models.JSONField(_("who entered each answer"), default=dict, blank=True)
    taken_over_at = models.DateTimeField(
        _("taken over by the applicant"),
        null=True,
        blank=True,
        help_text=_("When the applicant first signed in to a file an advisor had filled in for them."),
    )

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["-submitted_at", "-created_at"]
        indexes = [models.Index(fields=["territory", "state"])]
        constraints = [
            # A partner follows a file only with the applicant's consent.
            models.CheckConstraint(
                condition=Q(referred_by__isnull=True) | Q(referral_consent_at__isnull=False),
                name="application_referral_needs_consent",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name} ({self.get_kind_display()})"

    def save(self, *args, **kwargs):
        if self.person_id is None:
            # A file filed without a person (the demo, the back office) gets one of its own.
            self.person = Person.objects.create(
                email=self.email,
                email_confirmed_at=self.email_confirmed_at,
                mobile=self.phone,
                language=self.language,
                preferred_channels=[Channel.EMAIL],
            )
        super().save(*args, **kwargs)

    def clean(self) -> None:
        if self.territory_id and self.country_id and self.territory.country_id != self.country_id:
            raise ValidationError({"territory": _("The territory must be in the application's country.")})

    def age_on(self, day: date) -> int:
        born = self.birth_date
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))

    def age_allowed(self) -> bool:
        """Whether the applicant's age today meets the country's rule for their kind."""
        age = self.age_on(timezone.localdate())
        if self.kind == ApplicationKind.HOST:
            return self.country.host_age_allowed(age)
        return self.country.guest_age_allowed(age)

    # -- transitions: fields only; services do the rest --------------------------------------
    def missing_documents(self) -> list[str]:
        """Kinds of document the country requires for this file that are not yet verified.

        Reads the documents through their reverse relation (``supporting_documents``), which
        the documents app defines.
        """
        if "required_documents" in self.rules_snapshot:
            required = list(self.rules_snapshot["required_documents"])
        else:
            required = list(ApplicationRules.for_application(self).required_documents or [])
        # A tenant host always needs the landlord's consent (the landlord is informed by law).
        from .answers import HousingStatus, host_answers

        if self.kind == ApplicationKind.HOST and host_answers(self).housing_status == HousingStatus.TENANT:
            required.append(DocumentKind.LANDLORD_CONSENT)
        if not required:
            return []
        verified = set(self.supporting_documents.filter(verified_at__isnull=False).values_list("kind", flat=True))
        return [kind for kind in required if kind not in verified]

    def waiting_days(self) -> int:
        """Whole days the file has been in its current state."""
        return (timezone.now() - self.state_changed_at).days

    @transition(field=state, source=CAN_BE_SUBMITTED_STATES, target=ApplicationState.SUBMITTED)
    def submit(self, comment: str = "") -> None:
        self.submitted_at = timezone.now()
        self.status_reason = ""
        if not self.rules_snapshot:
            self.rules_snapshot = ApplicationRules.for_application(self).snapshot()

    @transition(
        field=state, source=ApplicationState.SUBMITTED, target=ApplicationState.IN_REVIEW, permission=_staff_may_vet
    )
    def start_review(self, comment: str = "") -> None:
        pass

    @transition(
        field=state,
        source=ApplicationState.IN_REVIEW,
        target=ApplicationState.INTERVIEW_SCHEDULED,
        permission=_staff_may_vet,
    )
    def schedule_interview(self, comment: str = "") -> None:
        pass

    @transition(
        field=state,
        source=ApplicationState.INTERVIEW_SCHEDULED,
        target=ApplicationState.HOME_VISIT_DONE,
        conditions=[_is_host],
        permission=_staff_may_vet,
    )
    def record_home_visit(self, comment: str = "") -> None:
        pass

    @transition(
        field=state,
        source=CAN_BE_APPROVED_STATES,
        target=ApplicationState.APPROVED,
        conditions=[_home_visited_if_host, _age_within_country_rules, _required_documents_verified],
        permission=_staff_may_vet,
    )
    def approve(self, comment: str = "") -> None:
        self.decided_at = timezone.now()

    @transition(field=state, source=CAN_BE_REJECTED_STATES, target=ApplicationState.REJECTED, permission=_staff_may_vet)
    def reject(self, comment: str = "") -> None:
        self.decided_at = timezone.now()
        self.status_reason = comment

    @transition(
        field=state, source=CAN_BE_SENT_BACK_STATES, target=ApplicationState.SENT_BACK, permission=_staff_may_vet
    )
    def send_back(self, comment: str = "") -> None:
        self.status_reason = comment

    @transition(field=state, source=CAN_BE_WITHDRAWN_STATES, target=ApplicationState.WITHDRAWN)
    def withdraw(self, comment: str = "") -> None:
        self.decided_at = timezone.now()
        self.status_reason = comment

    @transition(field=state, source=CAN_BE_ARCHIVED_STATES, target=ApplicationState.ARCHIVED, permission=_staff_may_vet)
    def archive(self, comment: str = "") -> None:
        pass


class ApplicationRules(ClusterableModel):
    """What a country asks of one kind of application, set by national officers in the admin.

    Read when a file is created or reminded about; a change applies to new files and to the
    next reminders, never retroactively to a decision already taken.
    """

    country = models.ForeignKey(Country, verbose_name=_("country"), on_delete=models.CASCADE, related_name="rules")
    kind = models.CharField(_("kind"), max_length=10, choices=ApplicationKind.choices)
    reminder_after_days = models.PositiveSmallIntegerField(
        _("remind the association after (days)"),
        default=7,
        help_text=_("A file waiting this long for the association is in the advisors' daily reminder."),
    )
    required_documents = DocumentKindListField(
        _("required documents"),
        blank=True,
        help_text=_("Documents that must be verified before a file of this kind is approved."),
    )

    class Meta:
        verbose_name = _("application rules")
        verbose_name_plural = _("application rules")
        constraints = [models.UniqueConstraint(fields=["country", "kind"], name="application_rules_unique_kind")]

    def __str__(self) -> str:
        return f"{self.country} — {self.get_kind_display()}"

    @classmethod
    def for_application(cls, application: "Application") -> "ApplicationRules":
        rules = cls.objects.filter(country_id=application.country_id, kind=application.kind).first()
        return rules or cls(country_id=application.country_id, kind=application.kind)

    def snapshot(self) -> dict:
        """The rules as they stand, to be kept with a file when it is sent."""
        return {
            "required_documents": list(self.required_documents or []),
            "checklist": [item.label for item in self.checklist_items.all()] if self.pk else [],
            "extra_questions": [
                {"key": f"extra_{q.pk}", "label": q.label, "required": q.required}
                for q in (self.extra_questions.all() if self.pk else [])
            ],
        }


class ExtraQuestion(Orderable):
    """A question a country adds to the last step of one kind of application form."""

    rules = ParentalKey(ApplicationRules, on_delete=models.CASCADE, related_name="extra_questions")
    label = models.CharField(_("question"), max_length=250)
    help_text = models.CharField(_("help text"), max_length=250, blank=True)
    required = models.BooleanField(_("required"), default=False)

    class Meta(Orderable.Meta):
        verbose_name = _("extra question")
        verbose_name_plural = _("extra questions")

    def __str__(self) -> str:
        return self.label


class ChecklistItem(Orderable):
    """A check the association makes on every file of a kind in a country (identity verified…)."""

    rules = ParentalKey(ApplicationRules, on_delete=models.CASCADE, related_name="checklist_items")
    label = models.CharField(_("check"), max_length=200)

    class Meta(Orderable.Meta):
        verbose_name = _("checklist item")
        verbose_name_plural = _("checklist items")

    def __str__(self) -> str:
        return self.label


class ChecklistTick(models.Model):
    """A check done on one file, by whom and when, with an optional note."""

    application = models.ForeignKey("Application", on_delete=models.CASCADE, related_name="checklist_ticks")
    item = models.CharField(_("check"), max_length=200)
    done_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.RESTRICT, related_name="+")
    done_at = models.DateTimeField(default=timezone.now)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("check done")
        verbose_name_plural = _("checks done")
        constraints = [models.UniqueConstraint(fields=["application", "item"], name="checklist_tick_once")]

    def __str__(self) -> str:
        return f"{self.item} — {self.application}"


class StaffNote(models.Model):
    """A private note on a file (interview, home visit, follow-up): staff only, never shown to the applicant."""

    application = models.ForeignKey("Application", on_delete=models.CASCADE, related_name="staff_notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.RESTRICT, related_name="+")
    text = models.TextField(_("note"))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("staff note")
        verbose_name_plural = _("staff notes")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.author} — {self.created_at:%Y-%m-%d}"


class ReminderSent(models.Model):
    """One reminder about one waiting file on one day: the daily task never sends it twice."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="reminders")
    day = models.DateField(default=timezone.localdate)
    sent_to = models.JSONField(default=list)

    class Meta:
        verbose_name = _("reminder sent")
        verbose_name_plural = _("reminders sent")
        constraints = [models.UniqueConstraint(fields=["application", "day"], name="reminder_once_a_day")]

    def __str__(self) -> str:
        return f"{self.application} — {self.day}"


class ApplicationTransitionLog(models.Model):
    """One state change of an application: who, when, from, to, why. Never edited."""

    application = models.ForeignKey(
        Application, verbose_name=_("application"), on_delete=models.CASCADE, related_name="transitions"
    )
    action = models.CharField(_("action"), max_length=60, help_text=_("Dotted name, e.g. application.approved."))
    from_state = models.CharField(_("from"), max_length=30, choices=ApplicationState.choices)
    to_state = models.CharField(_("to"), max_length=30, choices=ApplicationState.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Empty when the applicant acted."),
    )
    comment = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("application transition")
        verbose_name_plural = _("application transitions")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.action}: {self.from_state} → {self.to_state}"


class ApplicantLink(models.Model):
    """A one-time link emailed to an applicant: to confirm their address or to sign in.

    Only a hash of the token is kept; a link works once and expires.
    """

    class Purpose(models.TextChoices):
        CONFIRM_EMAIL = "confirm_email", _("Confirm the email address")
        SIGN_IN = "sign_in", _("Sign in")

    #: The file the link was sent for; empty for a proxy's sign-in link (:attr:`person`).
    application = models.ForeignKey(Application, null=True, blank=True, on_delete=models.CASCADE, related_name="links")
    #: A proxy who holds no file signs in as themselves, with a link sent to their own address.
    person = models.ForeignKey(Person, null=True, blank=True, on_delete=models.CASCADE, related_name="links")
    purpose = models.CharField(max_length=20, choices=Purpose.choices)
    token_hash = models.CharField(max_length=64, unique=True)
    #: The address the link was sent to: using it checks that the file still has this address.
    email = models.EmailField(_("sent to"), max_length=254, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    #: Set when the file's address changed after the link was sent: the link no longer works.
    cancelled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("applicant link")
        verbose_name_plural = _("applicant links")

    def __str__(self) -> str:
        return f"{self.get_purpose_display()} — {self.application or self.person}"


class ConsentRecord(models.Model):
    """The applicant agreed to this version of the privacy notice, at this time. Never edited."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="consents")
    notice_version = models.CharField(_("version of the privacy notice"), max_length=40)
    text = models.TextField(_("text agreed to"))
    given_at = models.DateTimeField(_("given"), default=timezone.now)

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["given_at"]

    def __str__(self) -> str:
        return f"{self.notice_version} — {self.given_at:%Y-%m-%d}"


class Notification(models.Model):
    """One message to a person (or a staff member) through one channel, and what became of it.

    Made by :func:`workflow.notifications.notify`, delivered by a background task. A kind, the
    object it is about, the occasion and the recipient make it unique: asked twice, it is sent once.
    """

    kind = models.CharField(_("kind"), max_length=60)
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    person = models.ForeignKey(
        Person, verbose_name=_("person"), null=True, blank=True, on_delete=models.SET_NULL, related_name="notifications"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("staff member"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    #: ``person:<id>`` or ``user:<id>``: with the kind, object and occasion, what makes it unique.
    recipient = models.CharField(max_length=40)
    application = models.ForeignKey(
        Application,
        verbose_name=_("application"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    #: The object it is about, as ``app_label.model:<id>`` (a file, a pairing, a convention…).
    about = models.CharField(max_length=80)
    occasion = models.CharField(max_length=80, blank=True)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    context = models.JSONField(default=dict, blank=True)
    #: Where it went (an address or a number), when it was sent, or forced by the sender.
    address = models.CharField(_("sent to"), max_length=254, blank=True)
    subject = models.CharField(_("subject"), max_length=250, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=NotificationStatus.choices, default=NotificationStatus.QUEUED
    )
    queued_at = models.DateTimeField(_("queued"), default=timezone.now, db_index=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    failed_at = models.DateTimeField(_("failed"), null=True, blank=True)
    failure = models.TextField(_("failure"), blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-queued_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "about", "occasion", "recipient", "channel"], name="notification_once_per_occasion"
            )
        ]
        indexes = [models.Index(fields=["about"])]

    def __str__(self) -> str:
        return f"{self.kind} → {self.recipient} ({self.channel})"


class AssistedConsent(models.Model):
    """The applicant's agreement to a file an advisor filled in for them, before it is sent.

    The exact wording they agreed to is kept with how they agreed: a code read out to them or sent
    by text message or post (only its hash is kept; attempts are counted), or a signed paper form
    scanned into the private documents (``document_id``, a supporting document of the file).
    """

    application = models.ForeignKey(
        Application, verbose_name=_("application"), on_delete=models.CASCADE, related_name="assisted_consents"
    )
    method = models.CharField(_("how the person agreed"), max_length=16, choices=ConsentMethod.choices)
    wording = models.TextField(_("text agreed to"))
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    code_hash = models.CharField(max_length=64, blank=True)
    code_expires_at = models.DateTimeField(_("code valid until"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("wrong codes typed"), default=0)
    document_id = models.PositiveIntegerField(_("scanned form"), null=True, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("asked by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_at = models.DateTimeField(_("asked"), default=timezone.now)
    given_at = models.DateTimeField(_("given"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)

    class Meta:
        verbose_name = _("consent to an assisted file")
        verbose_name_plural = _("consents to assisted files")
        ordering = ["-requested_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.application} — {self.get_method_display()}"


class Mandate(models.Model):
    """A person's delegation to a proxy (a relative, a caregiver, a social worker): "mandat".

    The proxy is invited by email or by a code an advisor hands over (only hashes are kept); the
    person accepts the mandate (in their space, by a code sent by text message, or on paper), and it
    runs from then for its duration. Each right (:class:`MandateGrant`) can be revoked on its own;
    revoking the mandate revokes them all. A proxy never signs in the person's name: they act with
    their own identity, and every action is written in the person's journal (:class:`ProxyAction`).
    """

    person = models.ForeignKey(
        Person, verbose_name=_("person represented"), on_delete=models.CASCADE, related_name="mandates_given"
    )
    proxy = models.ForeignKey(
        Person,
        verbose_name=_("proxy"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="mandates_held",
        help_text=_("Set when the proxy has taken up the invitation."),
    )
    proxy_name = models.CharField(_("proxy's name"), max_length=200)
    proxy_relation = models.CharField(_("relation"), max_length=16, choices=ProxyRelation.choices)
    proxy_email = models.EmailField(_("proxy's email"), blank=True)
    duration = models.CharField(_("duration"), max_length=10, choices=MandateDuration.choices)
    invitation_hash = models.CharField(max_length=64, unique=True, null=True, blank=True)
    invitation_expires_at = models.DateTimeField(_("invitation valid until"), null=True, blank=True)
    created_by_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("prepared by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    proxy_joined_at = models.DateTimeField(_("proxy joined"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_via = models.CharField(_("accepted"), max_length=16, choices=ConsentMethod.choices, blank=True)
    acceptance_code_hash = models.CharField(max_length=64, blank=True)
    acceptance_code_expires_at = models.DateTimeField(_("acceptance code valid until"), null=True, blank=True)
    acceptance_attempts = models.PositiveSmallIntegerField(default=0)
    acceptance_document_id = models.PositiveIntegerField(_("signed mandate form"), null=True, blank=True)
    wording = models.TextField(_("text agreed to"), blank=True)
    starts_at = models.DateTimeField(_("starts"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True, db_index=True)
    expiry_reminded_at = models.DateTimeField(_("reminded of the end"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        verbose_name = _("mandate")
        verbose_name_plural = _("mandates")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.proxy_name} → {self.person}"

    def is_active(self, now=None) -> bool:
        """Accepted, not revoked and not expired: the proxy may use its rights still standing."""
        now = now or timezone.now()
        return (
            self.accepted_at is not None
            and self.revoked_at is None
            and self.expires_at is not None
            and self.expires_at > now
        )

    def rights(self) -> list[str]:
        """The rights not revoked on their own, in the order of :class:`MandateRight`."""
        standing = {grant.right for grant in self.grants.all() if grant.revoked_at is None}
        return [right for right in MandateRight.values if right in standing]

    def status(self, now=None) -> str:
        """``revoked``, ``expired``, ``active``, ``awaiting_acceptance`` or ``awaiting_proxy``."""
        now = now or timezone.now()
        if self.revoked_at is not None:
            return "revoked"
        if self.expires_at is not None and self.expires_at <= now:
            return "expired"
        if self.accepted_at is not None:
            return "active"
        return "awaiting_acceptance" if self.proxy_id else "awaiting_proxy"


class MandateGrant(models.Model):
    """One right of a mandate; revoked on its own, or with the whole mandate."""

    mandate = models.ForeignKey(Mandate, on_delete=models.CASCADE, related_name="grants")
    right = models.CharField(_("right"), max_length=10, choices=MandateRight.choices)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        verbose_name = _("right given to a proxy")
        verbose_name_plural = _("rights given to proxies")
        constraints = [models.UniqueConstraint(fields=["mandate", "right"], name="mandate_grant_once")]

    def __str__(self) -> str:
        return self.get_right_display()


class ProxyAction(models.Model):
    """Something a proxy did for the person: the person's journal ("who acted for you")."""

    mandate = models.ForeignKey(Mandate, verbose_name=_("mandate"), on_delete=models.CASCADE, related_name="actions")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="acted_for")
    proxy = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="acted_as_proxy")
    application = models.ForeignKey(Application, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    right = models.CharField(_("right used"), max_length=10, choices=MandateRight.choices)
    action = models.CharField(_("action"), max_length=60)
    summary = models.CharField(_("what was done"), max_length=300)
    #: What the journal needs to say it again in its reader's language (never personal data).
    details = models.JSONField(_("details"), default=dict, blank=True)
    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("action by a proxy")
        verbose_name_plural = _("actions by proxies")
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.proxy} → {self.person}: {self.action}"

    def description(self) -> str:
        """What was done, worded in the language active when it is read (the person's, not the
        proxy's); the summary written at the time for an action worded no other way."""
        wording = PROXY_ACTION_WORDING.get(self.action)
        if wording is None:
            return self.summary
        try:
            return str(wording(self.details or {}))
        except (KeyError, TypeError, ValueError):
            return self.summary


def _document_sent(details: dict) -> str:
    return _("Sent a document: %(kind)s") % {"kind": DocumentKind(details["kind"]).label}


#: How the journal words each action of a proxy, from its details.
PROXY_ACTION_WORDING = {
    "proxy.document_uploaded": _document_sent,
    "proxy.message_sent": lambda details: (
        _("Wrote a message in the homesharing's conversation")
        if details["with_the_pair"]
        else _("Wrote a message to the association")
    ),
    "proxy.proposal_answered": lambda details: (
        _("Accepted the proposal of homesharing") if details["accept"] else _("Declined the proposal of homesharing")
    ),
}
