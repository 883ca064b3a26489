from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OversightConfig(AppConfig):
    """Figures about the programme for those who oversee it: it reads the other apps, and none
    of them imports it."""

    name = "oversight"
    verbose_name = _("Oversight")

    def ready(self):
        from workflow.enums import Channel
        from workflow.notifications import Kind, register_kind

        from .tasks import READY_KIND

        register_kind(Kind(READY_KIND, lambda context: str(_("Your export is ready")), channels=(Channel.EMAIL,)))
