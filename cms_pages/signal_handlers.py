"""Keep the page cache true and the country teams' permissions in place."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page
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
