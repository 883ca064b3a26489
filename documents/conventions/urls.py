"""Conventions under each language prefix: verification (public) and the applicants' signing page."""

from django.urls import path

from . import views

urlpatterns = [
    path("verify/", views.verify_upload, name="convention_verify"),
    path("verify/weshare-root.pem", views.root_certificate, name="convention_root_certificate"),
    path("verify/<str:token>/", views.verify_token, name="convention_verify_token"),
    path("my-convention/<int:pk>/", views.applicant_convention, name="applicant_convention"),
    path("my-convention/<int:pk>/file.pdf", views.applicant_convention_pdf, name="applicant_convention_pdf"),
]
