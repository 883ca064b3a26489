"""Every page of the public site links to the applicant's space from its header."""

from django.urls import reverse


def test_the_header_links_to_my_application(client):
    page = client.get(reverse("applicant_space")).content.decode()

    header = page.split('<header class="site-header">')[1].split("</header>")[0]
    assert f'href="{reverse("applicant_space")}"' in header


def test_a_page_of_the_site_links_to_my_application_too(client, demo):
    response = client.get("/fr/", follow=True)

    header = response.content.decode().split('<header class="site-header">')[1].split("</header>")[0]
    assert f'href="{reverse("applicant_space")}"' in header
