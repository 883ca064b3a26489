"""When a form is sent after its page's security token has expired, nothing typed is lost.

Django refuses such a post (its CSRF check). For a form sent from one of our own pages whose token
is missing, expired or changed (a session that ended, a browser that dropped its cookies, a page
left open for hours), this view shows a page with everything that was typed kept in a new form and
a fresh token, and one button to send it again. Nothing is sent without the person pressing it.
A post from another site (wrong origin or referrer), or to the admin, gets Django's plain refusal.
"""

from urllib.parse import urlsplit

from django.middleware.csrf import REASON_CSRF_TOKEN_MISSING, REASON_NO_CSRF_COOKIE, get_token
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.views.csrf import csrf_failure as django_csrf_failure

#: The refusals about the token itself, not about where the post comes from.
TOKEN_REASONS = (REASON_NO_CSRF_COOKIE, REASON_CSRF_TOKEN_MISSING)
REFUSED_TOKEN_PREFIX = "CSRF token from"  # noqa: S105 - the start of a refusal text of Django.
NEVER_KEPT = {"csrfmiddlewaretoken"}


def _from_our_own_page(request) -> bool:
    """Whether the browser says the post comes from a page of this site (Origin, else Referer)."""
    origin = request.headers.get("Origin")
    if origin:
        return origin == f"{request.scheme}://{request.get_host()}"
    referer = request.headers.get("Referer")
    if referer:
        parts = urlsplit(referer)
        return parts.scheme == request.scheme and parts.netloc == request.get_host()
    return False


def _about_the_token(reason: str) -> bool:
    return reason in TOKEN_REASONS or reason.startswith(REFUSED_TOKEN_PREFIX)


def csrf_failure(request, reason=""):
    """The refused post shown again with what was typed, ready to send again; Django's plain 403
    when the post did not come from one of our pages or the refusal is not about an expired token."""
    if (
        request.method != "POST"
        or request.path.startswith("/admin/")
        or not _about_the_token(reason)
        or not _from_our_own_page(request)
    ):
        return django_csrf_failure(request, reason=reason)
    fields = [(name, value) for name, values in request.POST.lists() if name not in NEVER_KEPT for value in values]
    get_token(request)
    response = render(
        request,
        "csrf_failure.html",
        {"kept_fields": fields, "action": request.get_full_path(), "files_dropped": bool(request.FILES)},
        status=403,
    )
    add_never_cache_headers(response)
    return response
