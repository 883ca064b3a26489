"""Conversations between applicants and their association: one about a file (the applicant and
any advisor of the territory, from the file's submission on), one about a pairing (the host, the
guest and their advisor, from the proposal on). Staff-only notes stay on the file and the
pairing: nothing here is hidden from the people who take part.

A message is written by a staff member (``author_user``) or by an applicant (``author_person``);
each reader keeps how far they have read (``ReadMark``), so that unread counts and read receipts
are computed, never stored twice.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from documents.models import private_storage

#: The longest message, in characters: a few paragraphs, not a document (attach one instead).
MAX_LENGTH = 2000


class Conversation(models.Model):
    application = models.OneToOneField(
        "workflow.Application",
        verbose_name=_("file"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="conversation",
    )
    pairing = models.OneToOneField(
        "pairings.Pairing",
        verbose_name=_("pairing"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="conversation",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("conversation")
        verbose_name_plural = _("conversations")
        constraints = [
            models.CheckConstraint(
                condition=Q(application__isnull=False, pairing__isnull=True)
                | Q(application__isnull=True, pairing__isnull=False),
                name="conversation_about_a_file_or_a_pairing",
            )
        ]

    def __str__(self) -> str:
        if self.pairing_id:
            return str(_("Conversation of pairing %(id)s") % {"id": self.pairing_id})
        return str(_("Conversation of file %(id)s") % {"id": self.application_id})

    @property
    def files(self) -> list:
        """The files whose people take part: the file's, or the host's and the guest's."""
        if self.pairing_id:
            return [self.pairing.host, self.pairing.guest]
        return [self.application]


class MessageQuerySet(models.QuerySet):
    def shown(self):
        return self.filter(hidden_at__isnull=True)


class Message(models.Model):
    conversation = models.ForeignKey(
        Conversation, verbose_name=_("conversation"), on_delete=models.CASCADE, related_name="messages"
    )
    author_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by (staff)"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    author_person = models.ForeignKey(
        "workflow.Person",
        verbose_name=_("written by (applicant)"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    #: The proxy who wrote it for ``author_person`` under a mandate: shown "X on behalf of Y".
    proxy = models.ForeignKey(
        "workflow.Person",
        verbose_name=_("written by (proxy)"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    body = models.TextField(_("message"), max_length=MAX_LENGTH)
    created_at = models.DateTimeField(_("sent"), auto_now_add=True, db_index=True)
    hidden_at = models.DateTimeField(_("hidden"), null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("hidden by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    hidden_reason = models.TextField(_("why it was hidden"), blank=True)
    #: Made by the sender's page for each message it sends: a resend after a timeout finds the
    #: message already stored instead of storing it twice.
    client_id = models.UUIDField(_("sender's reference"), null=True, blank=True, editable=False)

    objects = MessageQuerySet.as_manager()

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(author_user__isnull=False, author_person__isnull=False),
                name="message_has_at_most_one_author",
            ),
            models.UniqueConstraint(fields=["conversation", "client_id"], name="one_message_per_sender_reference"),
        ]

    def __str__(self) -> str:
        return str(_("Message %(id)s") % {"id": self.pk})

    @property
    def by_staff(self) -> bool:
        return self.author_user_id is not None


class ReadMark(models.Model):
    """How far one reader (``user:<id>`` for staff, ``person:<id>`` for an applicant) has read a conversation."""

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="read_marks")
    reader = models.CharField(max_length=40)
    last_read = models.PositiveBigIntegerField(default=0)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["conversation", "reader"], name="one_read_mark_per_reader")]

    def __str__(self) -> str:
        return f"{self.reader} → {self.last_read}"


class Report(models.Model):
    """A participant's report of a message, for the territory's advisors to review."""

    message = models.ForeignKey(Message, verbose_name=_("message"), on_delete=models.CASCADE, related_name="reports")
    reporter = models.CharField(max_length=40)
    reason = models.TextField(_("why"), blank=True)
    created_at = models.DateTimeField(_("reported"), auto_now_add=True)
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        constraints = [
            models.UniqueConstraint(fields=["message", "reporter"], name="one_report_per_reader_and_message")
        ]

    def __str__(self) -> str:
        return str(_("Report of message %(id)s") % {"id": self.message_id})


class CannedReply(models.Model):
    """A prepared answer in one language (first steps, documents to bring, what to do in an
    emergency) that editors keep up to date and advisors insert in one click."""

    language = models.CharField(_("language"), max_length=7, choices=settings.LANGUAGES)
    title = models.CharField(_("title"), max_length=120)
    text = models.TextField(_("text"), max_length=MAX_LENGTH)
    sort_order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("prepared answer")
        verbose_name_plural = _("prepared answers")
        ordering = ["language", "sort_order", "title"]

    def __str__(self) -> str:
        return self.title


class Question(models.Model):
    """ "Ask my advisor": a host or a guest turns their pairing's conversation into a question for
    the advisor, the last messages quoted as they read then; the advisor records it as an
    incident of the pairing."""

    conversation = models.ForeignKey(
        Conversation, verbose_name=_("conversation"), on_delete=models.CASCADE, related_name="questions"
    )
    asked_by = models.CharField(max_length=40)
    question = models.TextField(_("question"), max_length=1000)
    quoted = models.TextField(_("messages quoted"), blank=True)
    created_at = models.DateTimeField(_("asked"), auto_now_add=True)
    handled_at = models.DateTimeField(_("recorded as an incident"), null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("question for the advisor")
        verbose_name_plural = _("questions for the advisor")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return str(_("Question %(id)s") % {"id": self.pk})


def attachment_path(instance, filename) -> str:
    return f"conversations/{uuid.uuid4().hex}.bin"


class Attachment(models.Model):
    """A document sent with a message (a PDF, a photo), kept like the files' private documents:
    its type judged by its content, encrypted at rest, opened only through
    :mod:`conversations.attachments`, which checks the reader's rights and records every opening."""

    message = models.ForeignKey(
        Message, verbose_name=_("message"), on_delete=models.CASCADE, related_name="attachments"
    )
    original_name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("type"), max_length=50)
    size = models.PositiveIntegerField(_("size (bytes)"))
    sha256 = models.CharField(_("fingerprint"), max_length=64)
    blob = models.FileField(storage=private_storage, upload_to=attachment_path, max_length=200)
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.original_name


class AttachmentOpening(models.Model):
    """One opening of an attachment: by whom (``user:<id>`` or ``person:<id>``, never a name) and when."""

    attachment = models.ForeignKey(Attachment, on_delete=models.CASCADE, related_name="openings")
    reader = models.CharField(max_length=40)
    at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("opening of an attachment")
        verbose_name_plural = _("openings of attachments")
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.attachment_id} — {self.reader} — {self.at:%Y-%m-%d %H:%M}"
