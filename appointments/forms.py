"""The form staff fill in to schedule or change an appointment: date, times, place, details."""

from datetime import datetime, timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .enums import AppointmentKind
from .models import DEFAULT_LENGTH


class AppointmentForm(forms.Form):
    """Read in the staff member's time zone (the one the back office activated)."""

    kind = forms.ChoiceField(label=_("Kind"), choices=AppointmentKind.choices)
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    start = forms.TimeField(label=_("Start time"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"))
    end = forms.TimeField(
        label=_("End time"),
        required=False,
        help_text=_("One hour after the start if left empty."),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    place = forms.CharField(
        label=_("Place"),
        max_length=500,
        help_text=_("An address, or how to join (phone, video link)."),
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Please say where the appointment takes place.")},
    )
    details = forms.CharField(
        label=_("Details (optional)"),
        max_length=4000,
        required=False,
        help_text=_("What to bring, who will come. Everyone invited reads it."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, kinds=None, instance=None, prefix_id="", **kwargs):
        if instance is not None and "initial" not in kwargs:
            starts, ends = timezone.localtime(instance.starts_at), timezone.localtime(instance.ends_at)
            kwargs["initial"] = {
                "kind": instance.kind,
                "date": starts.date(),
                "start": starts.time().replace(second=0, microsecond=0),
                "end": ends.time().replace(second=0, microsecond=0),
                "place": instance.place,
                "details": instance.details,
            }
        if prefix_id:
            kwargs["auto_id"] = f"id_{prefix_id}_%s"
        super().__init__(*args, **kwargs)
        if kinds is not None:
            self.fields["kind"].choices = [(k.value, k.label) for k in kinds]
        if instance is not None:
            # The kind of an appointment is kept: cancel it and schedule another instead.
            del self.fields["kind"]

    def clean(self):
        cleaned = super().clean()
        day, start, end = cleaned.get("date"), cleaned.get("start"), cleaned.get("end")
        if day is None or start is None:
            return cleaned
        today = timezone.localdate()
        if day < today:
            self.add_error("date", _("An appointment cannot be in the past: please choose a later date or time."))
            return cleaned
        if day > today + timedelta(days=3 * 365):
            self.add_error("date", _("Please choose a date within the next three years."))
            return cleaned
        starts_at = timezone.make_aware(datetime.combine(day, start))
        if end is not None:
            ends_at = timezone.make_aware(datetime.combine(day, end))
            if ends_at <= starts_at:
                self.add_error("end", _("The appointment must end after it starts."))
                return cleaned
        else:
            ends_at = starts_at + DEFAULT_LENGTH
        if starts_at <= timezone.now():
            self.add_error("start", _("An appointment cannot be in the past: please choose a later date or time."))
            return cleaned
        cleaned["starts_at"], cleaned["ends_at"] = starts_at, ends_at
        return cleaned
