"""Template tags of the public site: legal pages for the footer and forms, a country's rules for pages.

``{% privacy_url as url %}`` gives the privacy notice in the page's language (the application
forms link it next to their consent box); ``{% legal_links as links %}`` the footer's notices;
``{% programme_rules "hosts" %}`` and ``{% country_figure "host_min_age" %}`` print the rules of
the country whose section holds the page, from its settings, so text and forms never disagree.
"""

from decimal import Decimal

from django import template
from django.utils import formats
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from cms_pages.live_figures import live_figures as _live_figures
from cms_pages.models import LegalPageKind, PublicPageMixin, legal_url
from cms_pages.models import legal_links as _legal_links
from cms_pages.models import programme_rules as _rules

register = template.Library()

CURRENCY_SYMBOLS = {"EUR": "€", "GBP": "£", "CHF": "CHF"}


def _language(context) -> str:
    # The active language (the address's prefix), not the page's locale: reading that costs a query.
    return get_language() or ""


@register.simple_tag(takes_context=True)
def legal_links(context) -> tuple[dict, ...]:
    """The legal notices of the page's language, for the footer."""
    return _legal_links(_language(context), context.get("request"))


@register.simple_tag(takes_context=True)
def privacy_url(context) -> str:
    """The address of the privacy notice in the page's language ("" if the site has none)."""
    return legal_url(_language(context), LegalPageKind.PRIVACY, context.get("request"))


def money(amount: Decimal, currency: str) -> str:
    """An amount as a page prints it: no decimals when whole, the currency's symbol."""
    places = 0 if amount == amount.to_integral_value() else 2
    value = formats.number_format(amount, decimal_pos=places, use_l10n=True)
    return _("%(amount)s %(currency)s") % {"amount": value, "currency": CURRENCY_SYMBOLS.get(currency, currency)}


def _figures(rules: dict) -> dict:
    return {
        **rules,
        "min_contribution": money(rules["min_contribution"], rules["currency"]),
        "max_contribution": money(rules["max_contribution"], rules["currency"]),
    }


@register.simple_tag(takes_context=True)
def country_figure(context, name: str) -> str:
    """One of the country's figures (``host_min_age``, ``guest_max_age``, ``max_contribution``...), or ""."""
    page = context.get("page")
    rules = _rules(page, context.get("request")) if page is not None else None
    if rules is None:
        return ""
    value = _figures(rules).get(name)
    return "" if value is None else str(value)


@register.simple_tag(takes_context=True)
def live_figures(context) -> dict[str, str]:
    """The live programme figures of the country whose section holds the page ({} elsewhere)."""
    page = context.get("page")
    section = page.section() if isinstance(page, PublicPageMixin) else None
    return _live_figures(section.country if section is not None else None)


@register.filter
def get_item(mapping: dict, key: str):
    return mapping.get(key, "") if mapping else ""


@register.inclusion_tag("cms_pages/includes/programme_rules.html", takes_context=True)
def programme_rules(context, audience: str = "both") -> dict:
    """Who may take part (hosts, guests or both) and for what contribution, from the country's settings."""
    page = context.get("page")
    rules = _rules(page, context.get("request")) if page is not None else None
    return {
        "rules": _figures(rules) if rules is not None else None,
        "show_hosts": audience in ("hosts", "both"),
        "show_guests": audience in ("guests", "both"),
    }
