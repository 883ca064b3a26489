"""Which site and which page a request is for, found once per content generation.

Wagtail looks the site up in the database on every request, then walks the page tree from the
site's root, two queries a level. Both answers only change when pages are published, moved or
deleted, or when a site or a locale changes, all of which bump the content generation
(:mod:`cms_pages.cache`); so each worker remembers them per generation and hands Wagtail the
answers through the attributes where Wagtail itself keeps them for the request
(``request._wagtail_site`` and ``request._wagtail_route_for_request``, see
``Site.find_for_request`` and ``Page.route_for_request``). The page itself is still read afresh,
one query by primary key, and its view restrictions are still checked by Wagtail's hook.
"""

from django.db import DatabaseError
from django.http.request import split_domain_port
from django.utils.translation import get_language
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, Site
from wagtail.models.sites import get_site_for_hostname
from wagtail.url_routing import RouteResult
from wagtail.views import serve as wagtail_serve

from .cache import cached_fragment


def _row(instance) -> tuple[str, tuple, tuple]:
    fields = instance._meta.concrete_fields
    return instance._state.db, tuple(f.attname for f in fields), tuple(getattr(instance, f.attname) for f in fields)


def _instance(model, row):
    return model.from_db(*row)


def site_for_request(request) -> Site | None:
    """``Site.find_for_request``'s answer, from this worker's memory when the content has not changed."""
    hostname = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()

    def compute():
        try:
            site = get_site_for_hostname(hostname, port)
        except Site.DoesNotExist:
            return None
        return _row(site), _row(site.root_page)

    rows = cached_fragment(("site", hostname, port), compute, request)
    if rows is None:
        return None
    # Fresh instances for each request: nothing one request caches on them reaches the next.
    site = _instance(Site, rows[0])
    site.root_page = _instance(Page, rows[1])
    return site


def _plain_route(request, path: str):
    """The specific class and id of the page ``path`` leads to, or None for anything but a plain page."""
    result = Page.route_for_request(request, path)
    if result is None:
        return None
    page, args, kwargs = result
    # Routable pages answer sub-paths with their own views: those go through Wagtail each time.
    if args or kwargs or isinstance(page, RoutablePageMixin):
        return None
    return type(page), page.pk


def prime_wagtail_route(request, view_func, view_args, view_kwargs) -> None:
    """Gives Wagtail's page view the site and the page of ``request`` when this worker knows them.

    Called as the view is about to run (after CommonMiddleware has refused unknown host names,
    so only allowed ones are ever remembered), for Wagtail's page view only.
    """
    if view_func is not wagtail_serve:
        return
    try:
        _prime(request, view_kwargs.get("path", view_args[0] if view_args else ""))
    except DatabaseError:
        # Left to the view, which meets the same error where the outage page is answered.
        return


def _prime(request, path: str) -> None:
    if not hasattr(request, "_wagtail_site"):
        request._wagtail_site = site_for_request(request)
    if request._wagtail_site is None:
        return
    key = ("route", request._wagtail_site.pk, get_language(), path)
    known = cached_fragment(key, lambda: _plain_route(request, path), request)
    if known is None or hasattr(request, "_wagtail_route_for_request"):
        return  # Not a plain page, or just routed by Wagtail itself above.
    model, pk = known
    page = model.objects.filter(pk=pk, live=True).first()
    if page is not None:
        request._wagtail_route_for_request = RouteResult(page)
