"""How lonely the host and the guest feel: the three-item UCLA Loneliness Scale at moving in, after
3 months and after 6 months.

A daily task (:func:`wellbeing_checks_ask`, through :mod:`pairings.tasks`) creates each
questionnaire on the day it falls due and tells the person once, through
:func:`workflow.notifications.notify`. The person answers from their space
(:func:`wellbeing_answer`); their advisor may write the answers down for them during a check-in,
and is then recorded as having done so. Staff screens show whether a questionnaire was answered,
never the answers: the statistics read them in aggregate only, per territory.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from audit import chain as audit
from workflow import access
from workflow.audit_views import EVENT_SENTENCES
from workflow.exceptions import ActionNotPermitted, StaleState, WorkflowError
from workflow.models import Application, Notification
from workflow.notifications import Kind, notify, public_url, register_kind, register_preparer

from .enums import FOLLOWED_STATES, WELLBEING_MONTHS, LonelinessAnswer, Party, WellbeingMoment
from .models import LONELINESS_ITEMS, WELLBEING_OPEN_FOR, Pairing, WellbeingCheck, _add_months

#: The notification that tells a host or a guest a questionnaire is waiting for them.
KIND = "pairing.wellbeing_due"


class WellbeingCheckNotFound(WorkflowError):
    default_message = _("This questionnaire does not exist or is not yours.")


def wellbeing_due_on(pairing: Pairing, moment: str) -> date:
    """The day the questionnaire of ``moment`` falls due: moving in, then 3 and 6 months on."""
    return _add_months(pairing.moved_in_on, WELLBEING_MONTHS[moment])


def wellbeing_moments_due(pairing: Pairing, today: date) -> list[tuple[str, date]]:
    """The moments whose questionnaire is open today: due, not past its time to answer, and before
    the pair's planned end."""
    if pairing.moved_in_on is None:
        return []
    found = []
    for moment in WellbeingMoment.values:
        due_on = wellbeing_due_on(pairing, moment)
        if pairing.planned_end is not None and due_on > pairing.planned_end:
            continue
        if due_on <= today < due_on + WELLBEING_OPEN_FOR:
            found.append((moment, due_on))
    return found


def wellbeing_checks_plan(*, today: date | None = None) -> int:
    """Create the questionnaires that are due today for the pairs living together (those already
    there are kept). Returns how many were created."""
    today = today or timezone.localdate()
    oldest = today - timedelta(days=31 * max(WELLBEING_MONTHS.values())) - WELLBEING_OPEN_FOR
    pairings = Pairing.objects.filter(
        state__in=FOLLOWED_STATES, moved_in_on__isnull=False, moved_in_on__lte=today, moved_in_on__gte=oldest
    ).only("pk", "moved_in_on", "planned_end")
    created = 0
    for pairing in pairings:
        for moment, due_on in wellbeing_moments_due(pairing, today):
            for party in Party.values:
                try:
                    with transaction.atomic():
                        _check, was_created = WellbeingCheck.objects.get_or_create(
                            pairing=pairing, party=party, moment=moment, defaults={"due_on": due_on}
                        )
                except IntegrityError:
                    continue  # created at the same moment by another run
                created += was_created
    return created


def _application(check: WellbeingCheck) -> Application:
    return check.pairing.host if check.party == Party.HOST else check.pairing.guest


def wellbeing_checks_ask(*, today: date | None = None) -> int:
    """Daily: create the questionnaires that fall due and tell each person once that theirs is
    waiting. ``asked_at`` is set under the row's lock in the same transaction as the
    notification, so a second run tells nobody again. Returns how many people were told."""
    today = today or timezone.localdate()
    wellbeing_checks_plan(today=today)
    waiting = WellbeingCheck.objects.filter(
        asked_at__isnull=True,
        answered_at__isnull=True,
        due_on__lte=today,
        due_on__gt=today - WELLBEING_OPEN_FOR,
        pairing__state__in=FOLLOWED_STATES,
    ).values_list("pk", flat=True)
    told = 0
    for check_id in list(waiting):
        with transaction.atomic():
            check = (
                WellbeingCheck.objects.select_for_update(of=("self",))
                .select_related("pairing__host__person", "pairing__guest__person")
                .filter(pk=check_id, asked_at__isnull=True, answered_at__isnull=True)
                .first()
            )
            if check is None:
                continue
            application = _application(check)
            if application.anonymised_at is None:
                notify(
                    application.person,
                    KIND,
                    {"check_id": check.pk, "moment": check.moment},
                    about=check,
                    application=application,
                )
                told += 1
            check.asked_at = timezone.now()
            check.save(update_fields=["asked_at"])
    return told


def _clean_answers(answers: Mapping[str, object]) -> dict[str, int]:
    cleaned = {}
    for item in LONELINESS_ITEMS:
        value = answers.get(item)
        try:
            value = int(value)
        except (TypeError, ValueError):
            value = None
        if value not in LonelinessAnswer.values:
            raise WorkflowError(_("Please answer each of the three questions."))
        cleaned[item] = value
    return cleaned


def wellbeing_answer(
    *,
    check_id: int,
    answers: Mapping[str, object],
    application_ids=None,
    by=None,
) -> WellbeingCheck:
    """Record the three answers of a questionnaire, all together or none.

    Either the person answers (``application_ids``: the files they are signed in with; the
    questionnaire must be their own side's), or an advisor who leads the pairing writes their
    answers down for them (``by``, recorded as ``entered_by``). A questionnaire is answered once,
    while it is open.
    """
    if (application_ids is None) == (by is None):
        raise ValueError("Either application_ids or by.")
    cleaned = _clean_answers(answers)
    with transaction.atomic():
        check = (
            WellbeingCheck.objects.select_for_update(of=("self",))
            .select_related("pairing__host", "pairing__guest")
            .filter(pk=check_id)
            .first()
        )
        if check is None:
            raise WellbeingCheckNotFound()
        application = _application(check)
        if by is None:
            if application.pk not in application_ids:
                raise WellbeingCheckNotFound()
        else:
            if not access.may_view_pairing(by, check.pairing):
                raise WellbeingCheckNotFound()
            if not access.may_manage_pairing(by, check.pairing):
                raise ActionNotPermitted()
        if check.answered_at is not None:
            raise StaleState(_("This questionnaire was already answered. Thank you."))
        if not check.is_open():
            raise WorkflowError(_("This questionnaire is not open for answers."))
        for item, value in cleaned.items():
            setattr(check, item, value)
        check.answered_at = timezone.now()
        check.entered_by = by
        check.save(update_fields=[*LONELINESS_ITEMS, "answered_at", "entered_by"])
        # The trail says who answered which questionnaire, never what they answered.
        audit.record(
            "pairing.wellbeing_answered",
            user=by,
            actor="" if by is not None else audit.applicant_actor(application.person_id),
            obj=check,
            pairing_id=check.pairing_id,
            data={"moment": check.moment, "party": check.party},
        )
        return check


def wellbeing_open_for(application: Application, *, today: date | None = None) -> list[WellbeingCheck]:
    """The questionnaires waiting for the person of ``application`` (their side of their pairings)."""
    today = today or timezone.localdate()
    side = Party.HOST if application.kind == Party.HOST else Party.GUEST
    pairing_filter = {"pairing__host": application} if side == Party.HOST else {"pairing__guest": application}
    return list(
        WellbeingCheck.objects.filter(
            party=side,
            answered_at__isnull=True,
            due_on__lte=today,
            due_on__gt=today - WELLBEING_OPEN_FOR,
            **pairing_filter,
        ).order_by("due_on", "pk")
    )


# -- the message -----------------------------------------------------------------------------------


def _subject(context: dict) -> str:
    return str(_("How are you feeling? Three short questions"))


def _prepare(notification: Notification) -> dict:
    """Where the person answers, in their language (the links are built under it)."""
    check_id = notification.context.get("check_id")
    if not isinstance(check_id, int):
        return {}
    check = WellbeingCheck.objects.filter(pk=check_id).first()
    if check is None:
        return {}
    with translation.override(notification.language):
        answer_url = public_url("applicant_wellbeing", check.pk)
    return {
        "answer_url": answer_url,
        "moment_label": check.get_moment_display(),
        "closes_on": check.closes_on,
    }


register_kind(Kind(KIND, _subject, in_space=True))
register_preparer(KIND, _prepare)
# The audit trail's screen says what the event did instead of showing its code.
EVENT_SENTENCES["pairing.wellbeing_answered"] = _("recorded the answers to a well-being questionnaire")


# -- the applicant's space --------------------------------------------------------------------------


@hooks.register("applicant_file_panels")
def applicant_wellbeing_panel(request, application):
    """In the applicant's space: the questionnaires waiting for them, each with its link."""
    checks = wellbeing_open_for(application)
    if not checks:
        return []
    return [
        render_to_string(
            "pairings/wellbeing_applicant_panel.html",
            {
                "application": application,
                "checks": [(check, reverse("applicant_wellbeing", args=[check.pk])) for check in checks],
            },
            request=request,
        )
    ]


# -- the pairing's page in the back office ---------------------------------------------------------


@hooks.register("pairing_panels")
def pairing_wellbeing_panel(request, pairing):
    """On the pairing's page: which questionnaire was answered, when and how (never the answers);
    whoever leads the pairing may write down the answers a person gives during a check-in."""
    from .forms import AdvisorWellbeingForm

    checks = list(pairing.wellbeing_checks.select_related("entered_by").order_by("due_on", "party"))
    if not checks:
        return []
    manages = access.may_manage_pairing(request.user, pairing)
    posted = request.POST if request.method == "POST" and request.POST.get("form") == "wellbeing" else None
    for check in checks:
        check.form = None
        if manages and check.is_open():
            mine = posted is not None and posted.get("check") == str(check.pk)
            check.form = AdvisorWellbeingForm(
                posted if mine else None, initial={"check": check.pk}, prefix_id=f"wellbeing_{check.pk}"
            )
            if mine:
                check.form.is_valid()
    return [
        render_to_string(
            "pairings/admin/wellbeing_panel.html",
            {"checks": checks, "manages": manages},
            request=request,
        )
    ]
