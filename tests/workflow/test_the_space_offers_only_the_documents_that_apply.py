"""The upload form of the space offers the documents that apply to the file: those the country
still requires first, then those a host or a guest may send; never the advisor's own."""

from workflow.models import ApplicationRules
from workflow.space import documents_offered

from .factories import ApplicationFactory


def offered(application):
    return [(kind.value, kind.missing) for kind in documents_offered(application)]


def test_a_guest_is_offered_identity_enrolment_and_other_documents():
    application = ApplicationFactory()

    assert offered(application) == [("identity", False), ("enrolment", False), ("other", False)]


def test_a_host_is_never_offered_a_guests_enrolment_nor_the_advisors_photo():
    kinds = [kind for kind, _missing in offered(ApplicationFactory(host=True))]

    assert "enrolment" not in kinds and "home_visit_photo" not in kinds
    assert kinds[0] == "identity" and "pension" in kinds


def test_the_documents_the_country_requires_come_first_marked_as_needed():
    application = ApplicationFactory()
    ApplicationRules.objects.create(
        country=application.country, kind="guest", required_documents=["criminal_record", "identity"]
    )

    assert offered(application)[:2] == [("criminal_record", True), ("identity", True)]
    assert ("enrolment", False) in offered(application)


def test_a_tenant_host_is_asked_for_the_landlords_consent():
    application = ApplicationFactory(host=True, answers={"housing_status": "tenant"})

    assert offered(application)[0] == ("landlord_consent", True)
