"""The national pages show figures only: no applicant's name, address or email, whatever page."""

from django.urls import reverse

from .figures_seed import seed


def test_no_name_or_address_on_any_statistics_page(client):
    s = seed()
    client.force_login(s.national)
    pages = [
        client.get(reverse("oversight_statistics")),
        client.get(reverse("oversight_statistics_figures"), {"by": "department"}),
        client.get(reverse("oversight_statistics_figures"), {"by": "month"}),
        client.get(reverse("oversight_report"), {"month": "2025-11"}),
        client.get(reverse("wagtailadmin_home")),
    ]

    for response in pages[:4]:
        assert response.status_code == 200
        text = response.content.decode()
        assert "Nouvelle-Aquitaine" in text or "Gironde" in text or "nov" in text.lower()
        for f in s.files:
            application = f.application
            assert application.email not in text
            assert f">{application.last_name}<" not in text
            assert f"{application.first_name} {application.last_name}" not in text
            if application.person.postal_address:
                assert application.person.postal_address not in text


def test_the_national_overview_is_bounded_in_queries(django_assert_max_num_queries, settings):
    from oversight import figures
    from oversight.milestones import milestones_rebuild

    s = seed()
    # As in production: the milestones were brought up to date a moment ago, in the background.
    milestones_rebuild()
    settings.OVERSIGHT_FIGURES_MAX_AGE_SECONDS = 300
    with django_assert_max_num_queries(14):
        figures.national_overview(s.national)
    with django_assert_max_num_queries(15):
        figures.monthly_report(s.national, month=s.now.date().replace(day=1))
