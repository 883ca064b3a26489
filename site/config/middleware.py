"""Site-wide middleware that is not business logic."""

import logging

from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)


class ServiceUnavailableMiddleware:
    """Answer a plain 503 page, never a traceback, when the database cannot be reached."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, (OperationalError, InterfaceError)) or (
            isinstance(exception, DatabaseError) and "connect" in str(exception).lower()
        ):
            logger.error("Database unavailable while serving %s: %s", request.path, exception)
            try:
                body = render_to_string("503.html", request=None)
            except Exception:  # noqa: BLE001 - the page must render even if templates fail.
                body = "<!doctype html><title>Service unavailable</title><h1>Service unavailable</h1>"
            response = HttpResponse(body, status=503)
            response["Retry-After"] = "30"
            return response
        return None
