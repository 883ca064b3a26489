"""Keep the page cache true and the country teams' permissions in place."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from workflow.models import Country, Organisation, Territory

from . import cache


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def purge_on_page_change(sender, **kwargs):
    cache.purge_all()


@receiver(post_delete)
def purge_on_page_delete(sender, instance, **kwargs):
    if isinstance(instance, Page):
        cache.purge_all()


@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
@receiver(post_save, sender=Locale)
@receiver(post_delete, sender=Locale)
@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def purge_on_site_or_privacy_change(sender, **kwargs):
    """Sites and locales route requests, restrictions hide pages: each worker remembers them per generation."""
    cache.purge_all()


@receiver(post_save, sender=get_image_model())
@receiver(post_delete, sender=get_image_model())
def purge_on_image_change(sender, created=False, **kwargs):
    """Pages show renditions of their images; a new upload shows nowhere yet."""
    if not created:
        cache.purge_all()


@receiver(post_save, sender=Country)
@receiver(post_save, sender=Organisation)
@receiver(post_save, sender=Territory)
def purge_on_programme_change(sender, **kwargs):
    cache.purge_all()


@receiver(post_save)
def grant_country_team_on_section_save(sender, instance, created, **kwargs):
    from .models import CountryPage
    from .permissions import grant_country_team

    if isinstance(instance, CountryPage) and not kwargs.get("raw"):
        grant_country_team(instance)
