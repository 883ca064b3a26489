"""Rate limits on the public forms, the email-link requests and the verification upload.

Counted per client address in the shared cache (Redis in production, django-ratelimit's
counters); when the cache is down the limits are not enforced rather than the site failing.
The address is the client's own behind our proxies (``accounts.client_ip``, through
``RATELIMIT_IP_META_KEY``), not the load balancer's.
"""

from django.conf import settings
from django.template.response import TemplateResponse
from django_ratelimit.core import is_ratelimited

RATES = {
    "application-form": "30/m",
    "contact-form": "5/m",
    "sign-in-link": "5/10m",
    "signing-code": "5/10m",
    # Typing the code to sign: per client and, separately, per person (whatever their address).
    "signing": "10/10m",
    "verify-upload": "20/m",
    # Typing a proxy's invitation code.
    "mandate-join": "10/10m",
}


def too_many(request, group: str, *, person: str | None = None) -> bool:
    """Counts this POST against the group's rate; True once the client is over it.

    With ``person`` (an id such as ``application:12`` or ``user:3``), the same rate is also
    counted for that person, so that changing address does not escape it.
    """
    if request.method != "POST" or not getattr(settings, "RATELIMIT_ENABLE", True):
        return False
    over = is_ratelimited(request, group=group, key="ip", rate=RATES[group], method="POST", increment=True)
    if person is not None:
        over = (
            is_ratelimited(
                request,
                group=f"{group}:person",
                key=lambda _group, _request: person,
                rate=RATES[group],
                method="POST",
                increment=True,
            )
            or over
        )
    return over


def refused(request):
    response = TemplateResponse(request, "accounts/too_many_requests.html", status=429)
    response["Retry-After"] = "600"
    return response
