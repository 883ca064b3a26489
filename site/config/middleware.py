"""Site-wide middleware that is not business logic."""

import logging

from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpResponse
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)

#: Addresses outside the language prefixes: a 404 there is final, never redirected to /fr/….
UNPREFIXED_PATHS = ("/admin/", "/api/", "/health/", "/documents/", "/static/", "/media/", "/sitemap.xml", "/robots.txt")


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's LocaleMiddleware, without the redirect of unprefixed 404s for the API and the admin."""

    def process_response(self, request, response):
        if request.path.startswith(UNPREFIXED_PATHS):
            return response
        return super().process_response(request, response)


def _database_answers() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return True
    except Exception:  # noqa: BLE001 - any failure means the database cannot be reached.
        return False


class ServiceUnavailableMiddleware:
    """Answer a plain 503 page, never a traceback, when the database cannot be reached."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, (OperationalError, InterfaceError, DatabaseError)):
            return None
        if _database_answers():
            # The database is up: this is a bug to be reported as such, not an outage.
            return None
        logger.error("Database unavailable while serving %s: %s", request.path, exception)
        try:
            body = render_to_string("503.html", request=None)
        except Exception:  # noqa: BLE001 - the page must render even if templates fail.
            body = "<!doctype html><title>Service unavailable</title><h1>Service unavailable</h1>"
        response = HttpResponse(body, status=503)
        response["Retry-After"] = "30"
        return response
