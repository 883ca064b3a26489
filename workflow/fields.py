"""Model fields of the workflow app."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


def validate_language_codes(value) -> None:
    known = {code for code, _name in settings.LANGUAGES}
    if not isinstance(value, list) or not value:
        raise ValidationError(_("Choose at least one language."), code="required")
    unknown = [code for code in value if code not in known]
    if unknown:
        raise ValidationError(
            _("Unknown language code: %(codes)s."), code="invalid", params={"codes": ", ".join(map(str, unknown))}
        )


class LanguageListField(models.JSONField):
    """A list of language codes among ``settings.LANGUAGES``, edited as checkboxes."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)
        self.validators.append(validate_language_codes)

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            choices=settings.LANGUAGES,
            widget=forms.CheckboxSelectMultiple,
            required=not self.blank,
            label=self.verbose_name.capitalize(),
            help_text=self.help_text,
        )


def validate_document_kinds(value) -> None:
    from .enums import DocumentKind

    if not isinstance(value, list):
        raise ValidationError(_("Choose documents from the list."), code="invalid")
    unknown = [kind for kind in value if kind not in DocumentKind.values]
    if unknown:
        raise ValidationError(
            _("Unknown document: %(kinds)s."), code="invalid", params={"kinds": ", ".join(map(str, unknown))}
        )


class DocumentKindListField(models.JSONField):
    """A list of supporting-document kinds, edited as checkboxes."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)
        self.validators.append(validate_document_kinds)

    def formfield(self, **kwargs):
        from .enums import DocumentKind

        return forms.MultipleChoiceField(
            choices=DocumentKind.choices,
            widget=forms.CheckboxSelectMultiple,
            required=False,
            label=self.verbose_name.capitalize(),
            help_text=self.help_text,
        )
