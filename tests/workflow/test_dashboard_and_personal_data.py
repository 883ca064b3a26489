"""Staff see their territories' files counted on the dashboard; editors see no personal data at all."""

from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.contrib.forms.models import FormSubmission
from wagtail.contrib.forms.utils import get_forms_for_user

from cms_pages.models import ContactPage
from workflow.dashboard import application_counts

from .factories import ApplicationFactory, OrganisationFactory, StaffMembershipFactory, TerritoryFactory, set_state


def test_a_national_officer_sees_the_files_of_their_country_counted_by_state(client):
    national = OrganisationFactory(kind="national_body")
    territory = TerritoryFactory(department=True, country=national.country)
    set_state(ApplicationFactory(territory=territory, country=national.country), "approved")
    set_state(ApplicationFactory(host=True, territory=territory, country=national.country), "in_review")
    set_state(ApplicationFactory(), "approved")  # another country
    officer = StaffMembershipFactory(organisation=national, role="national_officer").user

    counts = application_counts(officer)
    client.force_login(officer)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()

    assert counts["guest"]["approved"] == 1
    assert counts["host"]["in_review"] == 1
    assert sum(sum(states.values()) for states in counts.values()) == 2
    assert 'id="applications-panel-heading"' in dashboard


def test_editors_get_no_dashboard_counts_and_no_contact_messages(client, demo):
    editor = get_user_model().objects.get(username="editor.france")
    page = ContactPage.objects.get(locale__language_code="fr")
    FormSubmission.objects.create(page=page, form_data={"message": "Je suis Madame Dupont, 06 12 34 56 78"})
    client.force_login(editor)

    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()

    assert 'id="applications-panel-heading"' not in dashboard
    assert not get_forms_for_user(editor).exists()
    assert get_forms_for_user(get_user_model().objects.get(username="admin")).exists()
