"""Forms of the pairing page in the admin: notice, check-ins, follow-up notes, amendments."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .enums import NoteKind, Requester


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
