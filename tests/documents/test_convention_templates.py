"""Convention templates refuse unknown placeholders and keep a numbered version of every text."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from documents.models import ConventionTemplateVersion

from .conftest import make_template


def test_an_unknown_placeholder_is_refused_with_a_clear_message(territory):
    template = make_template(territory.country, "fr", body="<p>{host_name} paie {loyer} par mois.</p>")

    with translation.override("en"), pytest.raises(ValidationError) as refused:
        template.full_clean()

    message = " ".join(refused.value.messages)
    assert "{loyer}" in message
    assert "{host_name}" in message  # the known ones are listed


def test_an_unknown_placeholder_in_the_title_is_refused_too(territory):
    with pytest.raises(ValidationError):
        make_template(territory.country, "fr", title="Convention {numero}").full_clean()


def test_each_change_of_text_is_a_new_version_and_an_unchanged_save_is_not(territory):
    template = make_template(territory.country, "fr")
    template.full_clean()
    template.save()
    template.save()
    template.title = "Convention d'hébergement solidaire"
    template.save()

    versions = ConventionTemplateVersion.objects.filter(template=template).order_by("number")
    assert [v.number for v in versions] == [1, 2]
    assert template.version == 2
    assert versions[0].content["title"] == "Convention d'hébergement"
