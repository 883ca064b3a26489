"""The demo content loads on a fresh database, twice without harm, and reads like the real thing."""

from django.core.management import call_command
from wagtail.models import Page

from cms_pages.models import CountryPage, HomePage
from workflow.models import Country, Territory


def test_loading_the_demo_twice_changes_nothing(demo):
    pages = Page.objects.count()
    countries = Country.objects.count()

    call_command("load_demo", "--no-images", verbosity=0)

    assert Page.objects.count() == pages
    assert Country.objects.count() == countries


def test_the_demo_has_a_home_page_in_six_languages_and_two_national_sections(demo):
    assert sorted(HomePage.objects.live().values_list("locale__language_code", flat=True)) == sorted(
        ["fr", "en", "es", "it", "de", "pt"]
    )
    assert set(CountryPage.objects.values_list("country__code", "locale__language_code")) == {
        ("FR", "fr"),
        ("FR", "en"),
        ("ES", "es"),
        ("ES", "en"),
    }


def test_the_demo_countries_carry_their_legal_rules_and_territories(demo):
    france = Country.objects.get(code="FR")

    assert (france.host_min_age, france.guest_max_age, france.max_contribution) == (60, 30, 150)
    gironde = Territory.objects.get(country=france, code="33")
    assert gironde.associations.exists()
    assert gironde.effective_pension_office() is not None


def test_no_placeholder_text_in_the_demo(demo):
    for page in Page.objects.live().specific():
        text = str(page.__dict__).lower()
        assert "lorem" not in text, page


def test_the_demo_images_ship_with_the_repository(demo_with_images):
    home = HomePage.objects.get(locale__language_code="fr")

    assert home.hero_image is not None
    assert home.hero_image.width >= 800


def test_load_demo_prints_the_demo_logins(capsys):
    call_command("load_demo", "--no-images")

    out = capsys.readouterr().out
    for username in ("admin", "editor.france", "editor.espana", "moderator.france", "translator.en"):
        assert username in out
