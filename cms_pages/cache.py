"""Full-page cache for anonymous visitors, purged at once when content changes.

Only what every visitor sees alike is cached: a GET or HEAD by a visitor with no session
cookie, answered 200 without ``Set-Cookie``, without ``Cache-Control: private/no-store`` and
without a CSRF token in the page (forms). Keys carry a *generation* number; publishing,
unpublishing, moving or deleting a page, or editing a country, bumps the generation so every
cached page is stale at once (menus and language switchers appear on every page, so purging
page by page would miss them). The cache fails safe: if it cannot be reached, pages are
rendered as if it were empty.
"""

import hashlib
import logging

from django.conf import settings
from django.core.cache import cache
from django.utils.cache import patch_cache_control

logger = logging.getLogger(__name__)

GENERATION_KEY = "pagecache:generation"
CACHED_HEADER = "X-Page-Cache"


def current_generation() -> int:
    try:
        generation = cache.get(GENERATION_KEY)
        if generation is None:
            cache.add(GENERATION_KEY, 1, None)
            generation = cache.get(GENERATION_KEY) or 1
        return int(generation)
    except Exception:  # noqa: BLE001 - a cache outage must never break a page.
        logger.warning("Page cache unreachable while reading the generation", exc_info=True)
        return 0


def purge_all() -> None:
    """Make every cached page and fragment stale (called when published content changes)."""
    try:
        try:
            cache.incr(GENERATION_KEY)
        except ValueError:
            cache.set(GENERATION_KEY, 2, None)
    except Exception:  # noqa: BLE001
        logger.warning("Page cache unreachable while purging", exc_info=True)


def fragment_key(*parts) -> str:
    """A cache key for a fragment (menu, language links) that dies with the current generation."""
    raw = ":".join(str(p) for p in parts)
    return f"fragment:{current_generation()}:{hashlib.sha1(raw.encode(), usedforsecurity=False).hexdigest()}"


def _request_is_cacheable(request) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False
    return not request.path.startswith(("/admin/", "/api/", "/health/", "/static/", "/media/", "/documents/"))


def _response_is_cacheable(request, response) -> bool:
    if response.status_code != 200 or response.streaming:
        return False
    if response.cookies or response.has_header("Set-Cookie"):
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    cache_control = response.get("Cache-Control", "")
    return "private" not in cache_control and "no-store" not in cache_control and "no-cache" not in cache_control


class PageCacheMiddleware:
    """Serves cached pages before the rest of the stack runs; stores eligible responses."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = getattr(settings, "PAGE_CACHE_SECONDS", 0)
        if not seconds or not _request_is_cacheable(request):
            return self.get_response(request)
        key = self._key(request)
        if key is not None:
            try:
                cached = cache.get(key)
            except Exception:  # noqa: BLE001
                logger.warning("Page cache unreachable on read", exc_info=True)
                cached = None
            if cached is not None:
                cached[CACHED_HEADER] = "hit"
                return cached
        response = self.get_response(request)
        if key is not None and _response_is_cacheable(request, response):
            if hasattr(response, "render") and callable(response.render) and not response.is_rendered:
                response.render()
            patch_cache_control(response, public=True, max_age=60)
            try:
                cache.set(key, response, seconds)
            except Exception:  # noqa: BLE001
                logger.warning("Page cache unreachable on write", exc_info=True)
            response[CACHED_HEADER] = "miss"
        return response

    def _key(self, request) -> str | None:
        generation = current_generation()
        if not generation:
            return None
        raw = f"{request.method}:{request.get_host()}:{request.get_full_path()}:{request.headers.get('X-Forwarded-Proto', '')}"
        digest = hashlib.sha1(raw.encode(), usedforsecurity=False).hexdigest()
        return f"pagecache:{generation}:{digest}"


def cached_fragment(parts: tuple, compute, timeout: int = 600):
    """``compute()``'s value, cached until the content changes; computed afresh if the cache is down."""
    try:
        key = fragment_key(*parts)
        value = cache.get(key)
    except Exception:  # noqa: BLE001
        logger.warning("Fragment cache unreachable on read", exc_info=True)
        return compute()
    if value is None:
        value = compute()
        try:
            cache.set(key, value, timeout)
        except Exception:  # noqa: BLE001
            logger.warning("Fragment cache unreachable on write", exc_info=True)
    return value
