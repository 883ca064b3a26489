"""Domain errors of the documents app, with a message fit to show the person acting."""

from django.utils.translation import gettext_lazy as _


class DocumentError(Exception):
    default_message = _("This document could not be handled.")

    def __init__(self, message=None):
        self.message = message or self.default_message
        super().__init__(str(self.message))


class DocumentRefused(DocumentError):
    default_message = _("This file was refused.")


class DocumentNotFound(DocumentError):
    default_message = _("This document does not exist or is not yours to see.")
