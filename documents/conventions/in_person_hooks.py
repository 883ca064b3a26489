"""Wagtail hooks of this part (imported by the app's wagtail_hooks.py): the back-office pages where
an advisor helps a host or a guest without a smartphone sign the convention in person."""

from django.urls import path
from wagtail import hooks


@hooks.register("register_admin_urls")
def register_in_person_signing_urls():
    from . import admin_views

    return [
        path("conventions/<int:pk>/in-person/", admin_views.convention_in_person, name="convention_in_person"),
        path(
            "conventions/<int:pk>/in-person/sign/",
            admin_views.convention_in_person_sign,
            name="convention_in_person_sign",
        ),
    ]
