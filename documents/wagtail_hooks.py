"""Back-office addresses of private documents (download and verify, within one's territories)."""

from django.urls import path
from wagtail import hooks

from . import views


@hooks.register("register_admin_urls")
def register_document_urls():
    return [
        path("private-documents/<int:pk>/", views.staff_download, name="private_document"),
        path("private-documents/<int:pk>/verify/", views.staff_verify, name="private_document_verify"),
        path("private-documents/add/<int:application_pk>/", views.staff_upload, name="private_document_upload"),
    ]
