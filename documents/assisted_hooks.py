"""Assisted files' documents in the back office (imported by the app's wagtail_hooks.py): the scans
of a paper application form and of a signed consent form, and the blank form to print."""

from django.urls import path
from wagtail import hooks


@hooks.register("register_admin_urls")
def register_assisted_document_urls():
    from . import assisted_views

    return [
        path("assisted/<int:pk>/paper-form/", assisted_views.paper_scan, name="assisted_paper_scan"),
        path("assisted/<int:pk>/consent/paper/", assisted_views.consent_paper, name="assisted_consent_paper"),
        path(
            "application-forms/<str:country>/<str:kind>/<str:language>.pdf",
            assisted_views.print_form,
            name="application_form_print",
        ),
    ]
