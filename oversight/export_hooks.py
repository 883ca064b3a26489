"""The exports page of the back office: one's exports, asking for one, downloading it.

Shown to the staff who open the files area (and superusers). Only the requester sees and
downloads an export: another person's is not found (404), an expired one says so.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_POST
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from documents.views import private_file_response
from workflow import access

from .exports import CONTENT_TYPES, ExportRefused, export_download, export_request, kinds_for, reuse_minutes
from .models import Export, ExportFormat, ExportKind, ExportState
from .views import statistics_download


class ExportForm(forms.Form):
    kind = forms.ChoiceField(label=_("What"), choices=())
    format = forms.ChoiceField(label=_("Format"), choices=ExportFormat.choices)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        # The statistics are downloaded from their pages, with the filters chosen there.
        self.fields["kind"].choices = [choice for choice in kinds_for(user) if choice[0] != ExportKind.STATISTICS]
        for field in self.fields.values():
            field.error_messages["invalid_choice"] = _("Choose one of the options offered.")


def _allowed(request) -> None:
    if not access.may_open_files_area(request.user):
        raise PermissionDenied


def _page(request, form, *, status=200):
    exports = Export.objects.filter(requester=request.user).order_by("-created_at", "-pk")
    return TemplateResponse(
        request,
        "oversight/export_list.html",
        {"form": form, "exports": exports, "reuse_minutes": reuse_minutes(), "READY": ExportState.READY},
        status=status,
    )


@require_GET
def export_list(request):
    _allowed(request)
    return _page(request, ExportForm(user=request.user))


@require_POST
def export_ask(request):
    _allowed(request)
    form = ExportForm(request.POST, user=request.user)
    if not form.is_valid():
        return _page(request, form, status=400)
    try:
        export = export_request(user=request.user, kind=form.cleaned_data["kind"], fmt=form.cleaned_data["format"])
    except ExportRefused as refusal:
        form.add_error(None, str(refusal))
        return _page(request, form, status=400)
    if export.state == ExportState.READY:
        messages.success(request, _("Your export is ready: download it below."))
    else:
        messages.success(request, _("Your export is being prepared: we will email you when it is ready."))
    return redirect("oversight_exports")


@require_GET
def export_file(request, pk: int):
    _allowed(request)
    export = get_object_or_404(Export, pk=pk, requester=request.user)
    if export.expired:
        return TemplateResponse(request, "oversight/export_expired.html", {"export": export}, status=410)
    if export.state != ExportState.READY:
        messages.warning(request, _("This export is not ready yet."))
        return redirect("oversight_exports")
    try:
        data = export_download(export=export, user=request.user)
    except ExportRefused:
        return TemplateResponse(request, "oversight/export_expired.html", {"export": export}, status=410)
    return private_file_response(data, content_type=CONTENT_TYPES[export.format], filename=export.filename)


@hooks.register("register_admin_urls")
def register_export_urls():
    return [
        path("exports/", export_list, name="oversight_exports"),
        path("exports/ask/", export_ask, name="oversight_export_ask"),
        path("exports/<int:pk>/download/", export_file, name="oversight_export_download"),
        path("statistics/download/<slug:page>/", statistics_download, name="oversight_statistics_download"),
    ]


class ExportsMenuItem(MenuItem):
    def is_shown(self, request):
        return access.may_open_files_area(request.user)


@hooks.register("register_admin_menu_item")
def register_exports_menu_item():
    return ExportsMenuItem(_("Exports"), reverse("oversight_exports"), icon_name="download", order=850)
