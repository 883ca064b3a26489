"""Applicants' documents, under each language prefix (/fr/my-documents/…)."""

from django.urls import path

from . import views

urlpatterns = [
    path("<int:application_pk>/upload/", views.applicant_upload, name="applicant_document_upload"),
    path("<int:pk>/", views.applicant_download, name="applicant_document"),
    path("export/<int:application_pk>.zip", views.applicant_export, name="applicant_data_export"),
]
