"""Wagtail's API v2 gives partner sites the published content, filterable by locale, read-only."""

from cms_pages.models import StandardPage


def test_the_pages_endpoint_filters_by_locale(client, demo):
    response = client.get("/api/v2/pages/", {"locale": "en", "limit": 50})

    assert response.status_code == 200
    items = response.json()["items"]
    assert items
    assert {item["meta"]["locale"] for item in items} == {"en"}


def test_the_api_serves_a_page_with_its_fields(client, demo):
    page = StandardPage.objects.get(locale__language_code="fr")

    response = client.get(f"/api/v2/pages/{page.pk}/")

    assert response.status_code == 200
    data = response.json()
    assert data["title"] == page.title
    assert data["intro"] == page.intro
    assert data["body"]


def test_unpublished_pages_are_not_in_the_api(client, demo):
    page = StandardPage.objects.get(locale__language_code="fr")
    page.unpublish()

    assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404
    listed = {item["id"] for item in client.get("/api/v2/pages/", {"locale": "fr", "limit": 50}).json()["items"]}
    assert page.pk not in listed


def test_images_and_documents_endpoints_answer(client, demo):
    assert client.get("/api/v2/images/").status_code == 200
    assert client.get("/api/v2/documents/").status_code == 200


def test_the_api_is_read_only(client, demo):
    page = StandardPage.objects.get(locale__language_code="fr")

    assert client.post("/api/v2/pages/", {"title": "x"}).status_code == 405
    assert client.delete(f"/api/v2/pages/{page.pk}/").status_code == 405


def test_a_bad_filter_gets_a_clear_error_not_a_crash(client, demo):
    response = client.get("/api/v2/pages/", {"locale": "xx"})

    assert response.status_code in (400, 404)
    assert "message" in response.json()
