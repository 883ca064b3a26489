"""The applicant's appointments, under each language prefix (/fr/my-appointments/…)."""

from django.urls import path

from . import applicant_views

urlpatterns = [path("<int:pk>/appointment.ics", applicant_views.download, name="applicant_appointment_ics")]
