"""An export is downloaded from the exports page by its requester only: anyone else gets a 404,
an expired one says so, every download is in the audit trail; the page refuses unknown kinds and
formats with a message, and is open only to the staff who see files."""

from datetime import timedelta

import pytest
from django.urls import reverse

from audit.models import AuditEvent
from oversight.models import Export, ExportState
from tests.workflow.factories import StaffMembershipFactory, UserFactory

from .exports_setup import a_department, advisor_of, files_in


@pytest.fixture
def territory():
    territory = a_department()
    files_in(territory, count=3)
    return territory


@pytest.fixture
def advisor(territory):
    return advisor_of(territory)


def ask(client, user, **data):
    client.force_login(user)
    return client.post(reverse("oversight_export_ask"), data)


def test_the_requester_asks_then_downloads_from_the_page(client, advisor):
    response = ask(client, advisor, kind="files", format="csv")
    assert response.status_code == 302 and response["Location"] == reverse("oversight_exports")

    export = Export.objects.get(requester=advisor)
    assert export.state == ExportState.READY
    page = client.get(reverse("oversight_exports"))
    assert page.status_code == 200
    link = reverse("oversight_export_download", args=[export.pk])
    assert link in page.content.decode()

    download = client.get(link)
    assert download.status_code == 200
    assert download["Content-Type"].startswith("text/csv")
    assert "attachment" in download["Content-Disposition"]
    assert "private" in download["Cache-Control"] and "no-store" in download["Cache-Control"]
    assert len(download.content.decode("utf-8-sig").strip().splitlines()) == 4
    event = AuditEvent.objects.filter(action="export.downloaded", object_id=str(export.pk)).get()
    assert event.user_id == advisor.pk and set(event.data) == {"kind", "format"}


def test_a_colleague_or_a_superuser_gets_a_404(client, advisor, territory):
    ask(client, advisor, kind="files", format="xlsx")
    export = Export.objects.get(requester=advisor)
    colleague = advisor_of(territory)
    boss = UserFactory(is_superuser=True)

    for other in (colleague, boss):
        client.force_login(other)
        assert client.get(reverse("oversight_export_download", args=[export.pk])).status_code == 404
        assert (
            reverse("oversight_export_download", args=[export.pk])
            not in client.get(reverse("oversight_exports")).content.decode()
        )
    assert not AuditEvent.objects.filter(action="export.downloaded", object_id=str(export.pk)).exists()


def test_an_expired_export_says_so(client, advisor, clock):
    ask(client, advisor, kind="files", format="ods")
    export = Export.objects.get(requester=advisor)

    clock.shift(timedelta(hours=32, seconds=1))
    client.force_login(advisor)  # the session of the day before has ended
    response = client.get(reverse("oversight_export_download", args=[export.pk]))

    assert response.status_code == 410
    assert "32" in response.content.decode()
    assert reverse("oversight_exports") in response.content.decode()


def test_unknown_choices_are_refused_with_a_message(client, advisor):
    response = ask(client, advisor, kind="everything", format="pdf")

    assert response.status_code == 400
    assert response.content.decode().count("Choose one of the options offered.") == 2 or "help-critical" in (
        response.content.decode()
    )
    assert not Export.objects.filter(requester=advisor).exists()


def test_only_staff_who_see_files_have_the_page_and_its_menu(client, advisor):
    editor = StaffMembershipFactory(role="editor").user
    client.force_login(editor)
    assert client.get(reverse("oversight_exports")).status_code in (302, 403)
    assert client.post(reverse("oversight_export_ask"), {"kind": "files", "format": "csv"}).status_code in (302, 403)
    assert not Export.objects.exists()

    client.force_login(advisor)
    home = client.get(reverse("wagtailadmin_home"))
    assert reverse("oversight_exports") in home.content.decode()
