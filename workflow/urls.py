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
    path("mandates/", applicant_views.mandates, name="applicant_mandates"),
    path("mandates/journal/", applicant_views.mandate_journal, name="applicant_mandate_journal"),
    path("mandates/<int:pk>/accept/", applicant_views.mandate_accept, name="applicant_mandate_accept"),
    path("mandates/<int:pk>/revoke/", applicant_views.mandate_revoke, name="applicant_mandate_revoke"),
    path(
        "mandates/<int:pk>/revoke/<str:right>/",
        applicant_views.mandate_right_revoke,
        name="applicant_mandate_right_revoke",
    ),
    path("proxy/join/", applicant_views.mandate_join, name="applicant_mandate_join"),
    path("proxy/join/<str:token>/", applicant_views.mandate_join, name="applicant_mandate_join_link"),
    path("proxy/<int:pk>/", applicant_views.proxy_file, name="applicant_proxy_file"),
]
