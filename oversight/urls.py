"""Open data: the programme's monthly figures per territory, for anyone."""

from django.urls import path

from .opendata import opendata

urlpatterns = [
    path("", opendata, name="opendata"),
]
