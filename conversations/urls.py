"""The applicant's conversations, under each language prefix (/fr/my-messages/…)."""

from django.urls import path

from . import applicant_views, attachment_views

urlpatterns = [
    path("file/<int:application_id>/", applicant_views.open_about_file, name="applicant_conversation_file"),
    path("pairing/<int:pairing_id>/", applicant_views.open_about_pairing, name="applicant_conversation_pairing"),
    path("<int:pk>/", applicant_views.conversation, name="applicant_conversation"),
    path("message/<int:pk>/report/", applicant_views.report, name="applicant_conversation_report"),
    path("<int:pk>/ask-my-advisor/", applicant_views.ask, name="applicant_conversation_ask"),
    path("attachment/<int:pk>/", attachment_views.applicant_download, name="applicant_conversation_attachment"),
]
