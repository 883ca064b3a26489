"""The admin's sign-in and second-factor pages speak the visitor's language, then the staff member's own."""

import re

import pytest
from django.conf import settings
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.users.models import UserProfile

from tests.workflow.factories import StaffMembershipFactory, TerritoryFactory, association_covering


@pytest.fixture
def advisor():
    return StaffMembershipFactory(organisation=association_covering(TerritoryFactory(department=True))).user


def labels(html: str) -> list[str]:
    return [re.sub(r"<[^>]+>|\*", "", label).strip() for label in re.findall(r"<label[^>]*>(.*?)</label>", html, re.S)]


@pytest.mark.parametrize(
    ("language", "password"),
    [("fr", "Mot de passe"), ("es", "Contraseña"), ("de", "Passwort"), ("it", "Password"), ("en", "Password")],
)
def test_the_sign_in_page_is_in_the_browsers_language(client, language, password):
    response = client.get(reverse("wagtailadmin_login"), HTTP_ACCEPT_LANGUAGE=language)

    html = response.content.decode()
    assert f'<html lang="{language}"' in html
    assert password in labels(html)


def test_a_french_browser_sees_no_english_label_on_the_sign_in_page(client):
    html = client.get(reverse("wagtailadmin_login"), HTTP_ACCEPT_LANGUAGE="fr").content.decode()

    assert labels(html)[:2] == ["Nom d’utilisateur", "Mot de passe"]
    assert not {"Username", "Password", "Remember me"} & set(labels(html))
    assert 'placeholder="Enter password"' not in html


def test_a_wrong_password_is_explained_in_the_browsers_language(client, advisor):
    response = client.post(
        reverse("wagtailadmin_login"),
        {"username": advisor.username, "password": "pas-le-bon-mot-de-passe"},
        HTTP_ACCEPT_LANGUAGE="es",
    )

    html = response.content.decode()
    assert "Contraseña" in labels(html)
    assert "didn't match" not in html


def test_the_second_factor_set_up_is_in_the_browsers_language(client, advisor):
    client.force_login(advisor, second_factor=False)

    html = client.get(reverse("two_factor"), HTTP_ACCEPT_LANGUAGE="fr").content.decode()

    assert "Code à six chiffres" in labels(html)
    assert "Six-digit code" not in html


def test_the_second_factor_follows_the_staff_members_own_language_whatever_the_browser(client, advisor):
    profile = UserProfile.get_for_user(advisor)
    profile.preferred_language = "es"
    profile.save()
    TOTPDevice.objects.create(user=advisor, name="teléfono", confirmed=True)
    client.force_login(advisor, second_factor=False)

    response = client.get(reverse("two_factor_verify"), HTTP_ACCEPT_LANGUAGE="fr")

    html = response.content.decode()
    assert '<html lang="es"' in html
    assert "Código" in labels(html)
    assert "Segundo factor" in html


def test_the_code_field_is_drawn_as_an_admin_field(client, advisor):
    TOTPDevice.objects.create(user=advisor, name="téléphone", confirmed=True)
    client.force_login(advisor, second_factor=False)

    html = client.get(reverse("two_factor_verify"), HTTP_ACCEPT_LANGUAGE="fr").content.decode()

    field = re.search(r'<div class="w-field__input">\s*<input type="text" id="id_token"', html)
    assert field is not None


def test_after_signing_out_the_sign_in_page_speaks_the_staff_members_own_language(client, advisor):
    advisor.set_password("Une-longue-phrase-de-passe-2026")
    advisor.save()
    profile = UserProfile.get_for_user(advisor)
    profile.preferred_language = "es"
    profile.save()

    client.post(
        reverse("wagtailadmin_login"),
        {"username": advisor.username, "password": "Une-longue-phrase-de-passe-2026"},
        HTTP_ACCEPT_LANGUAGE="fr",
    )
    client.post(reverse("wagtailadmin_logout"), HTTP_ACCEPT_LANGUAGE="fr")
    html = client.get(reverse("wagtailadmin_login"), HTTP_ACCEPT_LANGUAGE="fr").content.decode()

    assert '<html lang="es"' in html
    assert "Contraseña" in labels(html)


def test_a_staff_member_without_a_chosen_language_keeps_the_browsers(client, advisor):
    client.force_login(advisor, second_factor=False)

    response = client.get(reverse("two_factor"), HTTP_ACCEPT_LANGUAGE="de")

    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies
    assert '<html lang="de"' in response.content.decode()
