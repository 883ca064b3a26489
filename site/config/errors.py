"""Error pages that never depend on the database (they must render when it is down)."""

from django.http import HttpResponseNotFound, HttpResponseServerError
from django.template import loader


def page_not_found(request, exception=None):
    return HttpResponseNotFound(loader.render_to_string("404.html", {"request_path": request.path}, request=None))


def server_error(request):
    return HttpResponseServerError(loader.render_to_string("500.html", request=None))
