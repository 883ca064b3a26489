"""Public views that are not Wagtail pages: search and robots.txt."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.http import require_GET
from wagtail.models import Locale, Page
from wagtail.search.utils import parse_query_string

MAX_QUERY_LENGTH = 200


@require_GET
def search(request):
    """Full-text search of the live pages of the visitor's language."""
    query = "".join(ch for ch in (request.GET.get("q") or "") if ch.isprintable()).strip()[:MAX_QUERY_LENGTH]
    results = Page.objects.none()
    if query:
        locale = Locale.objects.filter(language_code=get_language()).first()
        pages = Page.objects.live().public().exclude(depth__lte=1)
        if locale is not None:
            pages = pages.filter(locale=locale)
        # Parsed rather than passed raw: quotes and operators typed by visitors never reach the
        # search engine's own syntax.
        _filters, parsed = parse_query_string(query, operator="and")
        results = pages.search(parsed)
    paginator = Paginator(results, 10)
    try:
        page_obj = paginator.page(request.GET.get("page") or 1)
    except (PageNotAnInteger, EmptyPage):
        page_obj = paginator.page(1)
    return TemplateResponse(request, "cms_pages/search.html", {"query": query, "results": page_obj})


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /api/",
        "Disallow: /*/search/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
