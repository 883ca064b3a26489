"""The applicant's space, served under each language prefix (/fr/my-application/…)."""

from django.urls import path

from . import applicant_views

urlpatterns = [
    path("", applicant_views.space, name="applicant_space"),
    path("link/<str:token>/", applicant_views.use_link, name="applicant_link"),
    path("sign-out/", applicant_views.sign_out, name="applicant_sign_out"),
    path("<int:pk>/withdraw/", applicant_views.withdraw, name="applicant_withdraw"),
    path("<int:pk>/data.json", applicant_views.export, name="applicant_export"),
    path("<int:pk>/erasure/", applicant_views.request_erasure, name="applicant_erasure"),
    path("<int:pk>/stop-sharing/", applicant_views.stop_sharing, name="applicant_stop_sharing"),
]
