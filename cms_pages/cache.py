"""Full-page cache for anonymous visitors, purged at once when content changes.

Only what every visitor sees alike is cached: a GET or HEAD by a visitor with no session
cookie and no display choice (text size, contrast), answered 200 without ``Set-Cookie``, without ``Cache-Control: private/no-store`` and
without a CSRF token in the page (forms). Keys carry a *generation* number; publishing,
unpublishing, moving or deleting a page, changing a page's privacy, a site, a locale or an
image, or editing a country, bumps the generation so every cached page is stale at once (menus
and language switchers appear on every page, so purging page by page would miss them). The
cache fails safe: if it cannot be reached, pages are rendered as if it were empty.

Pages rendered afresh (no page cache, or a miss) still reuse what does not change between two
publications: menus, language links, breadcrumbs, the site and its root page, renditions.
Each worker keeps those in its own memory for the current generation, which it reads once per
request from the shared cache: a purge there reaches every worker at its next request.
"""

import hashlib
import logging
import secrets
import threading
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils.cache import patch_cache_control

from .easy_reading import display_cookie_present

logger = logging.getLogger(__name__)

GENERATION_KEY = "pagecache:generation"
CACHED_HEADER = "X-Page-Cache"
#: A worker forgets its remembered fragments past this many (they come back on the next use).
MEMO_MAX_ENTRIES = 5000


def _fresh_generation() -> int:
    # Random rather than 1: a cache emptied (flushed, restarted) never brings back a number
    # that some worker still remembers fragments under.
    return secrets.randbelow(2**62) + 1


def current_generation() -> int:
    """The content's generation number; 0 when the cache cannot be reached (nothing is reused then)."""
    try:
        generation = cache.get(GENERATION_KEY)
        if generation is None:
            cache.add(GENERATION_KEY, _fresh_generation(), None)
            generation = cache.get(GENERATION_KEY)
        return int(generation) if generation is not None else 0
    except Exception:  # noqa: BLE001 - a cache outage must never break a page.
        logger.warning("Page cache unreachable while reading the generation", exc_info=True)
        return 0


#: The request being served, for code that Wagtail calls without it (``get_view_restrictions``).
_current_request: ContextVar = ContextVar("weshare_current_request", default=None)


@contextmanager
def serving(request):
    """Within this block, fragments read without a request count as read for ``request``."""
    token = _current_request.set(request)
    try:
        yield
    finally:
        _current_request.reset(token)


def request_generation(request=None) -> int:
    """``current_generation()``, read once per request and kept on it."""
    request = request if request is not None else _current_request.get()
    if request is None:
        return current_generation()
    try:
        return request._weshare_generation
    except AttributeError:
        request._weshare_generation = current_generation()
        return request._weshare_generation


def _bump() -> None:
    try:
        try:
            cache.incr(GENERATION_KEY)
        except ValueError:
            cache.set(GENERATION_KEY, _fresh_generation(), None)
    except Exception:  # noqa: BLE001
        logger.warning("Page cache unreachable while purging", exc_info=True)


def purge_all() -> None:
    """Make every cached page and fragment stale (called when published content changes)."""
    _bump()
    # Again once the change is committed: a page rendered meanwhile from the rows as they were
    # before is not kept under the new generation.
    transaction.on_commit(_bump)


def _request_is_cacheable(request) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False
    if display_cookie_present(request):
        # Drawn in this visitor's own text size and contrast: neither served from nor kept for others.
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
    """Serves cached pages before the rest of the stack runs; stores eligible responses.

    Pages it renders afresh find their site and page through :mod:`cms_pages.routing`.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with serving(request):
            return self._serve(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        from .routing import prime_wagtail_route

        prime_wagtail_route(request, view_func, view_args, view_kwargs)

    def _serve(self, request):
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
        generation = request_generation(request)
        if not generation:
            return None
        raw = f"{request.method}:{request.get_host()}:{request.get_full_path()}:{request.headers.get('X-Forwarded-Proto', '')}"
        digest = hashlib.sha1(raw.encode(), usedforsecurity=False).hexdigest()
        return f"pagecache:{generation}:{digest}"


class _Memo:
    """Values of one generation, in this worker's memory; a new generation starts it empty."""

    def __init__(self):
        # One tuple, replaced whole, so a reader never pairs a generation with another's values.
        self.state: tuple[int | None, dict] = (None, {})
        self.lock = threading.Lock()

    def get(self, generation: int, parts: tuple, compute):
        known, values = self.state
        if known == generation and parts in values:
            return values[parts]
        value = compute()
        if value is None:
            return None
        with self.lock:
            known, values = self.state
            if known != generation or len(values) >= MEMO_MAX_ENTRIES:
                values = {}
                self.state = (generation, values)
            values[parts] = value
        return value


_memo = _Memo()


def cached_fragment(parts: tuple, compute, request=None):
    """``compute()``'s value, kept by this worker until the content changes.

    ``parts`` name the value (hashable); the value must not be changed by whoever reads it
    (tuples, frozen dataclasses, strings), since later requests share it. None is never kept
    (it is computed again next time), so that no address typed by a visitor fills the memory.
    When the cache cannot be reached, the value is computed afresh every time.
    """
    generation = request_generation(request)
    if not generation:
        return compute()
    return _memo.get(generation, parts, compute)
