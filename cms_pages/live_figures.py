"""Live programme figures that editors can put in a page's key-figures block.

The pages do not count people themselves: the app that keeps the programme's figures registers
a ``programme_figures`` hook, ``hook(country) -> {LiveFigure value: text}``, whose texts are
already protected against small counts ("fewer than 5"). Without such a hook, or when it
fails, a live figure is left out and the block keeps the figures typed by the editors. The
figures are kept a few minutes in the shared cache, per country and language.
"""

import logging

from django.core.cache import cache
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

logger = logging.getLogger(__name__)

#: How long a country's live figures are kept before they are counted again.
LIVE_FIGURES_SECONDS = 600


class LiveFigure(models.TextChoices):
    PAIRS_CREATED = "pairs_created", _("Pairs created (people who moved in together)")
    YOUNG_PEOPLE_ACCOMPANIED = "young_people_accompanied", _("Young people accompanied")
    SENIORS_HOSTING = "seniors_hosting", _("Seniors hosting today")
    PAIRS_LIVING_TOGETHER = "pairs_living_together", _("Pairs living together today")


def live_figures(country) -> dict[str, str]:
    """The country's live figures as texts, from the ``programme_figures`` hooks ({} if none)."""
    if country is None:
        return {}
    key = f"live-figures:{country.pk}:{get_language() or ''}"
    try:
        cached = cache.get(key)
    except Exception:  # noqa: BLE001 - the cache fails safe: figures are counted afresh
        cached = None
    if cached is not None:
        return cached
    figures: dict[str, str] = {}
    for hook in hooks.get_hooks("programme_figures"):
        try:
            figures.update(hook(country))
        except Exception:  # noqa: BLE001 - a page never fails because a figure could not be counted
            logger.exception("Live programme figures could not be counted")
    try:
        cache.set(key, figures, LIVE_FIGURES_SECONDS)
    except Exception:  # noqa: BLE001
        logger.warning("Live figures not cached", exc_info=True)
    return figures
