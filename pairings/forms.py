"""Forms of the pairing page in the admin (notice, check-ins, follow-up notes, amendments) and the
well-being questionnaire of the host and the guest."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .enums import LonelinessAnswer, NoteKind, Requester
from .models import LONELINESS_ITEMS, WellbeingCheck


class DateInput(forms.DateInput):
    input_type = "date"


class NoticeForm(forms.Form):
    requested_by = forms.ChoiceField(label=_("Who asks to end the homesharing?"), choices=Requester.choices)
    immediately = forms.BooleanField(label=_("End today, without notice (serious breach)"), required=False)


class CheckInForm(forms.Form):
    check_in = forms.IntegerField(widget=forms.HiddenInput)
    notes = forms.CharField(
        label=_("How is the pair doing?"), max_length=4000, widget=forms.Textarea(attrs={"rows": 2})
    )


class NoteForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=NoteKind.choices)
    text = forms.CharField(label=_("Note"), max_length=8000, widget=forms.Textarea(attrs={"rows": 3}))


class AmendmentForm(forms.Form):
    effective_on = forms.DateField(label=_("From"), widget=DateInput)
    text = forms.CharField(
        label=_("What changes (contribution, dates, presence…)"),
        max_length=8000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class WellbeingForm(forms.Form):
    """The three questions of the UCLA Loneliness Scale, each answered hardly ever, some of the
    time or often; every question must be answered."""

    def __init__(self, *args, prefix_id: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        for item in LONELINESS_ITEMS:
            self.fields[item] = forms.TypedChoiceField(
                label=WellbeingCheck._meta.get_field(item).verbose_name,
                choices=LonelinessAnswer.choices,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Please choose an answer to this question.")},
            )
        if prefix_id:
            self.auto_id = f"id_{prefix_id}_%s"


class AdvisorWellbeingForm(WellbeingForm):
    """The same questions, written down by the advisor for the person during a check-in."""

    check = forms.IntegerField(widget=forms.HiddenInput)
