"""The address of the person at the other end, for rate limits and sign-in lockouts.

Behind reverse proxies every request comes from the last proxy's address; each proxy appends the
address it received the request from to ``X-Forwarded-For``. With ``TRUSTED_PROXY_COUNT`` proxies
of our own in front of the application, the client's address is the entry that many places from
the right: the ones further left were written by the client and may be anything.
"""

import ipaddress

from django.conf import settings


def client_ip(request) -> str:
    """The client's address: ``REMOTE_ADDR`` without trusted proxies, else read from ``X-Forwarded-For``.

    A header shorter than the number of proxies (a request that did not pass through them all) or
    an entry that is not an address falls back to ``REMOTE_ADDR``, never to what the client wrote.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxies <= 0:
        return remote
    forwarded = [entry.strip() for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [entry for entry in forwarded if entry]
    if len(forwarded) < proxies:
        return remote
    return _address(forwarded[-proxies]) or remote


def _address(entry: str) -> str | None:
    """The address in an entry, some proxies writing ``1.2.3.4:5678`` or ``[2001:db8::1]:5678``."""
    if entry.startswith("["):
        entry = entry[1:].split("]", 1)[0]
    elif entry.count(":") == 1:
        entry = entry.split(":", 1)[0]
    try:
        return str(ipaddress.ip_address(entry))
    except ValueError:
        return None
