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


class PKINotInitialised(DocumentError):
    default_message = _("The platform's signing authority is not set up yet (manage.py pki_init).")


class SigningRefused(DocumentError):
    default_message = _("This signature is not possible now.")


class NotYourTurn(SigningRefused):
    default_message = _(
        "It is not your turn to sign: the convention is signed by the guest, the host, the association, then the pension office."
    )


class CodeInvalid(SigningRefused):
    default_message = _("This code is not valid or has expired. Please ask for a new one.")


class CodeSpent(CodeInvalid):
    default_message = _("Five wrong codes were typed: this code no longer works. Please ask for a new one.")


class TooManyCodeAttempts(CodeInvalid):
    default_message = _("Too many wrong codes were typed in the last hour. Please try again later.")
