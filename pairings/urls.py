"""Applicants' answers to proposals and to the well-being questionnaires, under each language
prefix (/fr/my-pairing/…)."""

from django.urls import path

from . import applicant_views

urlpatterns = [
    path("<int:pk>/", applicant_views.proposal, name="applicant_pairing"),
    path("wellbeing/<int:pk>/", applicant_views.wellbeing, name="applicant_wellbeing"),
]
