"""URLs: admin, API, health, sitemap and robots outside the language prefix; pages under /fr/, /en/…"""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from cms_pages.api import api_router
from cms_pages.sitemaps import MultilingualSitemap
from cms_pages.views import robots_txt, search
from documents.conventions import views as convention_views

from .health import health

urlpatterns = [
    path("health/", health, name="health"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": MultilingualSitemap}}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("pki/<str:kind>.crl", convention_views.crl, name="pki_crl"),
    # Passkeys (django-otp-webauthn): the browser's ceremonies for the second factor.
    path("webauthn/", include("django_otp_webauthn.urls", namespace="otp_webauthn")),
]

if settings.SERVE_MEDIA:
    # Development and tests only: production media live on S3-compatible storage.
    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    ]

urlpatterns += i18n_patterns(
    path("search/", search, name="search"),
    path("my-application/", include("workflow.urls")),
    path("my-documents/", include("documents.urls")),
    path("my-pairing/", include("pairings.urls")),
    path("my-appointments/", include("appointments.urls")),
    path("my-messages/", include("conversations.urls")),
    path("conventions/", include("documents.conventions.urls")),
    path("open-data/", include("oversight.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler404 = "config.errors.page_not_found"
handler500 = "config.errors.server_error"
