"""Back office of documents: private documents (within one's territories), conventions and their templates."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from workflow import access

from . import views
from .models import ConventionTemplate


@hooks.register("register_admin_urls")
def register_document_urls():
    return [
        path("private-documents/<int:pk>/", views.staff_download, name="private_document"),
        path("private-documents/<int:pk>/verify/", views.staff_verify, name="private_document_verify"),
        path("private-documents/add/<int:application_pk>/", views.staff_upload, name="private_document_upload"),
        path("private-documents/erase/<int:application_pk>/", views.staff_erase, name="private_documents_erase"),
    ]


@hooks.register("register_admin_urls")
def register_convention_urls():
    from .conventions import admin_views

    return [
        path("conventions/<int:pk>/", admin_views.convention_page, name="convention_admin"),
        path("conventions/<int:pk>/file.pdf", admin_views.convention_pdf, name="convention_admin_pdf"),
        path("conventions/<int:pk>/audit.pdf", admin_views.audit_sheet, name="convention_audit_sheet"),
    ]


@hooks.register("register_admin_urls")
def register_letter_urls():
    from . import letter_views

    return [
        path("letters/", letter_views.print_queue, name="print_queue"),
        path("letters/<int:pk>/letter.pdf", letter_views.letter_download, name="letter_download"),
    ]


class PrintQueueMenuItem(MenuItem):
    def is_shown(self, request):
        return access.may_open_files_area(request.user)


@hooks.register("register_admin_menu_item")
def register_print_queue_menu_item():
    return PrintQueueMenuItem(_("Letters to post"), reverse("print_queue"), icon_name="mail", order=850)


class ConventionTemplateViewSet(SnippetViewSet):
    model = ConventionTemplate
    icon = "doc-full"
    menu_label = _("Convention templates")
    list_display = ["title", "country", "language", "version", "updated_at"]
    list_filter = ["country", "language"]
    panels = [
        FieldRowPanel([FieldPanel("country"), FieldPanel("language")]),
        FieldPanel("title"),
        FieldPanel("articles"),
        FieldPanel("legal_mentions"),
    ]


register_snippet(ConventionTemplateViewSet)


@hooks.register("pairing_warnings")
def convention_language_warnings(pairing):
    """What the pairing's page should tell its advisor before drafting: a party's language without
    a convention template (pairings cannot import documents, so it asks through this hook)."""
    from .conventions.services import convention_languages_missing, languages_missing_message

    missing = convention_languages_missing(pairing)
    return [languages_missing_message(pairing, missing)] if missing else []


@hooks.register("application_anonymised")
def forget_identity_checks(application):
    from .privacy import identity_checks_forget

    identity_checks_forget(application)


from . import assisted_hooks, letter_hooks  # noqa: E402, F401  (their hooks register on import)
from .conventions import in_person_hooks  # noqa: E402, F401
