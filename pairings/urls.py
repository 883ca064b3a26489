"""Applicants' answers to proposals, under each language prefix (/fr/my-pairing/…)."""

from django.urls import path

from . import applicant_views

urlpatterns = [path("<int:pk>/", applicant_views.proposal, name="applicant_pairing")]
